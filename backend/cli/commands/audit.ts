import { EXIT_OK, EXIT_PROBLEMS, parseCommandArgs, type Command } from '../command.ts';
import {
  DEFAULT_SILENT_DAYS,
  parseAsOf,
  parseFailOn,
  parseFormat,
  parseSilentDays,
} from '../../audit/audit-options.ts';
import { runAudit } from '../../audit/run-audit.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

export const command: Command = {
  name: 'audit',
  summary: 'List silent, failing and unproven CIs for the active releases (no network)',
  help: `Usage: driverlog audit [--data FILE] [--as-of DATE] [--silent-days N] [--format text|markdown|json]
                      [--fail-on KIND,...]

Reads the registry alone and lists, per project, what a project lead acts on for the active releases
and the release in development, ordered by project, vendor, driver and release:
  silent                  the CI's newest counting comment, on any release, is older than --silent-days
                          (or there is none)
  failing                 a release's newest 3 runs failed, or under half of 5 or more recent runs passed
  claim-without-evidence  the driver claims the release and has no record for it
  unsupported-candidate   the project's matrix (driverlog sync) says supported, the CI is silent or failing
  restore-candidate       the matrix says unsupported, the CI passed its newest 3 runs
  account-not-found       the last update found no Gerrit account with the driver's ci.id

Options:
  --data FILE          registry (default: default_data.json)
  --as-of DATE         "now": YYYY-MM-DD (00:00 UTC) or an ISO 8601 UTC time (default: the clock);
                       fixes every age, so a report can be reproduced
  --silent-days N      days without a counting comment before a CI is silent (default ${DEFAULT_SILENT_DAYS},
                       the dashboard's stale threshold)
  --format F           text (default), markdown (one section per kind, for an issue or a post) or json
  --fail-on KIND,...   exit 1 when any of these kinds is found (repeatable)
  -h, --help           show this help

Exit status: 0 done (findings or not), 1 a --fail-on kind was found or the registry has problems,
2 usage or I/O error.

Examples:
  driverlog audit --format markdown >> "$GITHUB_STEP_SUMMARY"
  driverlog audit --as-of 2025-03-01 --fail-on silent,failing
`,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        data: { type: 'string', default: DEFAULT_DATA_FILE },
        'as-of': { type: 'string' },
        'silent-days': { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', multiple: true },
      },
      false,
    );
    const outcome = runAudit({
      cwd: io.cwd,
      dataFile: values.data,
      asOf: values['as-of'] === undefined ? Date.now() : parseAsOf(values['as-of']),
      silentDays:
        values['silent-days'] === undefined ? DEFAULT_SILENT_DAYS : parseSilentDays(values['silent-days']),
      format: parseFormat(values.format),
      failOn: parseFailOn(values['fail-on'] ?? []),
    });
    io.stdout(outcome.output);
    if (outcome.failed.length === 0) return EXIT_OK;
    const found = outcome.failed.map((kind) => `${outcome.report.counts[kind]} ${kind}`).join(', ');
    io.stderr(`driverlog audit: found ${found} (named by --fail-on)\n`);
    return EXIT_PROBLEMS;
  },
};
