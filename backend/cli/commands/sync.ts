import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { printableLines } from '../../common/escape.ts';
import { formatSyncReport } from '../../sync/format-report.ts';
import { runSync } from '../../sync/run-sync.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

const options = {
  data: { type: 'string', default: DEFAULT_DATA_FILE },
  project: { type: 'string', multiple: true },
  git: { type: 'string' },
  repos: { type: 'string' },
  'add-new': { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  report: { type: 'string' },
  commit: { type: 'boolean', default: false },
  deliverables: { type: 'boolean', default: false },
  'deliverable-git': { type: 'string', multiple: true },
} as const;

/** NAME=PATH_OR_URL options as a map. */
function pairs(items: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    items.map((item) => {
      const at = item.indexOf('=');
      if (at <= 0) throw new UsageError(`--deliverable-git ${item}: write NAME=PATH_OR_URL`);
      return [item.slice(0, at), item.slice(at + 1)];
    }),
  );
}

export const command: Command = {
  name: 'sync',
  summary: "Read each project's own support matrix, release by release, into the registry",
  help: `Usage: driverlog sync [--data FILE] [--project ID]... [--git PATH_OR_URL | --repos FOLDER] [--add-new] [--check]
                     [--report FILE] [--commit] [--deliverables [--deliverable-git NAME=PATH_OR_URL]...]

For every project with "upstream" in the registry, reads its support matrix (upstream.support_matrix)
at each release's git ref and writes what it says: the project's features, and for each driver linked
by upstream_id, the releases it is in the tree in and its features release by release. Nothing that
vendors or people wrote changes.

The project's upstream.format names the reader: ini (cinder, nova, neutron, octavia), manila-rst,
designate-ini, glance-rst or ironic-entry-points; upstream.support_matrix may list several files.

With --deliverables it reads openstack/releases instead (--git names a local copy): for each driver
linked by upstream_deliverable, the releases that ship the deliverable and the version each ships
(upstream.kind "out-of-tree"). With --add-new too, the deliverables of the neutron, octavia and ironic
teams are read at their newest release (each from its own repository, cloned like a project's, or
--deliverable-git NAME=PATH) and added when their entry points plug into one of those projects.

A release's ref: upstream.refs[release] if given; else the branch stable/S, then unmaintained/S, then
the tag S-eol, S-eom or S-em (stable/S being the release's branch); else, for the release in
development, the default branch. Releases without a ref or a matrix are listed, not errors.

Options:
  --data FILE           the registry (default: default_data.json)
  --project ID          only this project (repeatable; default: every project with upstream)
  --git PATH_OR_URL     read this repository instead of upstream.git (one --project only); a local
                        path is read in place, a URL is cloned bare into .driverlog-cache/
                        (upstream.git itself must be an https:// URL)
  --repos FOLDER        read every repository from FOLDER/<name> (or <name>.git), <name> being the
                        last part of its URL (neutron, glance_store, releases), instead of cloning it
  --add-new             add a driver for each matrix driver no registry driver links to (the report
                        lists them: review their vendor)
  --check               write nothing; exit 1 if the file would change, saying what
  --report FILE         also write the report as JSON (a file of its own: never the registry or
                        its runs file)
  --commit              commit the data file, with a message saying what changed
  --deliverables        sync the drivers shipped as deliverables of a release, from openstack/releases
  --deliverable-git NAME=PATH_OR_URL
                        with --deliverables --add-new: read deliverable NAME from here
  -h, --help            show this help

Exit status: 0 done (or up to date), 1 --check found changes, a matrix is malformed
(REF:PATH:LINE) or the registry has problems, 2 usage, I/O, lock or git error (or the report
could not be written: the message says whether the registry was), 130 stopped by SIGINT or
SIGTERM, with nothing written.

Example:
  driverlog sync --project openstack/cinder --git ../cinder --add-new
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values['deliverable-git'] && !values.deliverables)
      throw new UsageError("--deliverable-git names a deliverable's repository: it needs --deliverables");
    if (values.git !== undefined && values.repos !== undefined)
      throw new UsageError('--git and --repos both say where to read: give one');
    if (values.check && values.commit)
      throw new UsageError('--check writes nothing: there is nothing to --commit');
    const outcome = await runSync({
      dataFile: values.data,
      cwd: io.cwd,
      ...(values.project ? { projects: values.project } : {}),
      ...(values.git !== undefined ? { git: values.git } : {}),
      ...(values.repos !== undefined ? { repos: values.repos } : {}),
      addNew: values['add-new'],
      check: values.check,
      ...(values.report !== undefined ? { reportFile: values.report } : {}),
      commit: values.commit,
      deliverables: values.deliverables,
      ...(values['deliverable-git'] ? { deliverableGit: pairs(values['deliverable-git']) } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    if ('aborted' in outcome) {
      io.stderr(`driverlog sync: aborted; ${values.data} left unchanged\n`);
      return outcome.exitCode;
    }
    io.stdout(formatSyncReport(outcome.report));
    if (outcome.reportError) io.stderr(`driverlog sync: ${printableLines(outcome.reportError.message)}\n`);
    return outcome.exitCode;
  },
};
