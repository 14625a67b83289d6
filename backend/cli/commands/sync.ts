import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { formatSyncReport } from '../../sync/format-report.ts';
import { runSync } from '../../sync/run-sync.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

const options = {
  data: { type: 'string', default: DEFAULT_DATA_FILE },
  project: { type: 'string', multiple: true },
  git: { type: 'string' },
  'add-new': { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  report: { type: 'string' },
  commit: { type: 'boolean', default: false },
} as const;

export const command: Command = {
  name: 'sync',
  summary: "Read each project's own support matrix, release by release, into the registry",
  help: `Usage: driverlog sync [--data FILE] [--project ID]... [--git PATH_OR_URL] [--add-new] [--check]
                     [--report FILE] [--commit]

For every project with "upstream" in the registry, reads its support matrix (upstream.support_matrix)
at each release's git ref and writes what it says: the project's features, and for each driver linked
by upstream_id, the releases it is in the tree in and its features release by release. Nothing that
vendors or people wrote changes.

A release's ref: upstream.refs[release] if given; else the branch stable/S, then unmaintained/S, then
the tag S-eol, S-eom or S-em (stable/S being the release's branch); else, for the release in
development, the default branch. Releases without a ref or a matrix are listed, not errors.

Options:
  --data FILE           the registry (default: default_data.json)
  --project ID          only this project (repeatable; default: every project with upstream)
  --git PATH_OR_URL     read this repository instead of upstream.git (one --project only); a local
                        path is read in place, a URL is cloned bare into .driverlog-cache/
  --add-new             add a driver for each matrix driver no registry driver links to (the report
                        lists them: review their vendor)
  --check               write nothing; exit 1 if the file would change, saying what
  --report FILE         also write the report as JSON
  --commit              commit the data file, with a message saying what changed
  -h, --help            show this help

Exit status: 0 done (or up to date), 1 --check found changes, a matrix is malformed
(REF:PATH:LINE) or the registry has problems, 2 usage, I/O, lock or git error.

Example:
  driverlog sync --project openstack/cinder --git ../cinder --add-new
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values.check && values.commit)
      throw new UsageError('--check writes nothing: there is nothing to --commit');
    const { exitCode, report } = await runSync({
      dataFile: values.data,
      cwd: io.cwd,
      ...(values.project ? { projects: values.project } : {}),
      ...(values.git !== undefined ? { git: values.git } : {}),
      addNew: values['add-new'],
      check: values.check,
      ...(values.report !== undefined ? { reportFile: values.report } : {}),
      commit: values.commit,
    });
    io.stdout(formatSyncReport(report));
    return exitCode;
  },
};
