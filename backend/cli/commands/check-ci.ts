import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { fromOptions, fromRegistry, readMessage, readRegistry } from '../check-ci-target.ts';
import { resolveSince } from '../../common/since.ts';
import {
  formatCheckCi,
  formatCheckCiJson,
  formatPasted,
  formatPastedJson,
} from '../../check-ci/format-check-ci.ts';
import { formatSuggestion } from '../../check-ci/format-suggest.ts';
import { checkPasted } from '../../check-ci/check-pasted.ts';
import { checkCi } from '../../check-ci/run-check-ci.ts';
import { suggestForAccount } from '../../check-ci/run-suggest.ts';
import { gerritLimitOptionSpec, gerritLimitsFrom, gerritLimitsHelp } from '../../gerrit/settings.ts';
import { credentialsFrom, gerritUrlFrom } from '../update-options.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

const FORMATS = ['text', 'json'] as const;

export const command: Command = {
  name: 'check-ci',
  summary: "Show how a CI account's latest comments on a project would be judged",
  help: `Usage: driverlog check-ci --driver "<project_id>:<vendor>:<name>" [--data FILE] [--limit N] [--since DATE] [--gerrit-url URL]
       driverlog check-ci --project P (--ci-id ID | --wiki-name NAME) [--job RE]... [--success-pattern S --failure-pattern F]
       driverlog check-ci --driver KEY --message FILE      (or - for standard input: no Gerrit)
       driverlog check-ci --suggest --project P --account NAME_OR_USERNAME [--limit N]

Lists the CI account's latest comments on the driver's Gerrit project and, for each, the change,
branch and release, patch set, and the line that decided (the success or failure pattern's line,
the Zuul report's deciding job, or the Verified vote), or why the comment does not count (not merged,
not the final patch set, before the scan window, no line matched — with the lines closest to each
pattern, none of the driver's jobs in the report, account not found). The rules are update's own.
Use it to check a ci block before submitting it.

--message judges a pasted comment (a file of one or more comments copied from Gerrit, each starting
"Patch Set N:") by the driver's ci block, with no Gerrit: check a block against a real report.
--suggest reads an account's recent comments, says whether they are Zuul reports, counts how often
each job passed and failed, proposes a ci block to paste, and shows how the last N comments would
be judged by it.

Options:
  --driver KEY            a driver of the data file, as project_id:vendor:name
  --data FILE             registry (default: default_data.json); its releases map branches to releases
  --project P             Gerrit project to look at (instead of --driver)
  --ci-id ID              Gerrit username of the CI account (with --project)
  --wiki-name NAME        the CI's ThirdPartySystems page name, instead of --ci-id (the account is found from it)
  --job RE                an RE2 pattern of the driver's own Zuul job names (repeatable; ci.jobs)
  --success-pattern S     RE2 pattern of a passing line (with --failure-pattern)
  --failure-pattern F     RE2 pattern of a failing line (with --success-pattern)
  --message FILE          judge the comment(s) in FILE (- for standard input) instead of asking Gerrit
  --suggest               propose a ci block for --account's comments on --project
  --account A             the CI account for --suggest: its username or its full name
  --limit N               how many comments (default 10)
  --since DATE            the scan window's start, as update's (default: 180 days ago); older
                          comments do not count
  --format FORMAT         text (default) or json (one object per comment, for scripts)
  --gerrit-url URL        default: $DRIVERLOG_GERRIT_URL, else https://review.opendev.org
${gerritLimitsHelp(26)}  -h, --help              show this help

Exit status: 0 at least one comment counts (--suggest: a block was proposed), 1 none does,
2 usage or Gerrit error.

Examples:
  driverlog check-ci --driver "openstack/cinder:Acme:Acme iSCSI driver"
  driverlog check-ci --driver "openstack/cinder:Acme:Acme iSCSI driver" --message report.txt
  driverlog check-ci --suggest --project openstack/cinder --account "Acme Storage CI"
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        driver: { type: 'string' },
        data: { type: 'string' },
        project: { type: 'string' },
        'ci-id': { type: 'string' },
        'wiki-name': { type: 'string' },
        job: { type: 'string', multiple: true },
        'success-pattern': { type: 'string' },
        'failure-pattern': { type: 'string' },
        message: { type: 'string' },
        suggest: { type: 'boolean' },
        account: { type: 'string' },
        limit: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'gerrit-url': { type: 'string' },
        ...gerritLimitOptionSpec,
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown --format '${values.format}' (expected ${FORMATS.join(' or ')})`);
    }
    const limit = Number(values.limit ?? '10');
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer`);
    const since = resolveSince(values.since, Date.now());
    const dataFile = values.data ?? DEFAULT_DATA_FILE;
    const gerrit = () => ({
      gerritUrl: gerritUrlFrom(values['gerrit-url'], io.env),
      ...(credentialsFrom(io.env) ? { credentials: credentialsFrom(io.env)! } : {}),
      client: gerritLimitsFrom(values, io.env),
      ...(io.signal ? { signal: io.signal } : {}),
    });

    if (values.suggest) {
      if (values.project === undefined || values.account === undefined)
        throw new UsageError('--suggest needs --project P and --account NAME_OR_USERNAME');
      const registry = readRegistry(dataFile, io.cwd, values.data !== undefined);
      const result = await suggestForAccount({
        ...gerrit(),
        project: values.project,
        account: values.account,
        releases: registry?.releases ?? [],
        since,
        limit,
      });
      io.stdout(
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatSuggestion(result, values.project),
      );
      return result.kind === 'suggestion' && result.suggestion.ci !== undefined ? 0 : 1;
    }

    const target =
      values.driver !== undefined
        ? fromRegistry(values.driver, readRegistry(dataFile, io.cwd, true)!, dataFile)
        : fromOptions(
            values,
            readRegistry(dataFile, io.cwd, values.data !== undefined),
            values.message !== undefined,
          );

    if (values.message !== undefined) {
      const source = values.message === '-' ? 'standard input' : values.message;
      const comments = checkPasted(readMessage(values.message, io), target.ci);
      io.stdout(format === 'json' ? formatPastedJson(comments) : formatPasted(comments, source));
      return comments.some((c) => c.counts) ? 0 : 1;
    }

    const result = await checkCi({
      ...gerrit(),
      project: target.project,
      ci: target.ci,
      releases: target.registry?.releases ?? [],
      since,
      limit,
    });
    io.stdout(
      format === 'json'
        ? formatCheckCiJson(result, target.ci, target.project, since)
        : formatCheckCi(result, target.ci, target.project),
    );
    return result.kind === 'comments' && result.comments.some((c) => c.counts) ? 0 : 1;
  },
};
