import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  type Command,
} from '../command.ts';
import { isRunsFile, registryFileOf } from '../../model/runs-file.ts';
import { validateFiles } from '../../store/validate-files.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../validate/problem-output.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

export const command: Command = {
  name: 'validate',
  summary: 'Check registry files against the schema and the semantic rules',
  help: `Usage: driverlog validate [--format text|github|json] [--changed-since REF] [FILE...]

Checks each registry FILE (default: default_data.json) for JSON syntax errors, duplicate keys,
schema violations and semantic problems (unknown projects or releases, duplicates, order, CI
patterns that do not compile, are too broad or look swapped, bad links), and prints every problem
as FILE:LINE:COLUMN with a hint. The runs file beside FILE (default_data.runs.json), which
\`driverlog update\` writes, is checked with it.

Options:
  -f, --format FORMAT  text (default), github (GitHub Actions annotations) or json
  --changed-since REF  show warnings only on lines changed since the git revision REF (every error is
                       still shown), e.g. origin/main in a pull request; and refuse changes since REF
                       to the fields the jobs write (verification, scan_state, upstream, features,
                       and the runs file) that no job's commit made
  -h, --help           show this help

Exit status: 0 valid (warnings allowed), 1 any error, 2 usage or I/O error.

Example:
  driverlog validate --format github --changed-since origin/main default_data.json
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string', short: 'f', default: 'text' },
      'changed-since': { type: 'string' },
    });
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) {
      throw new UsageError(`unknown --format '${values.format}' (expected ${REPORT_FORMATS.join(', ')})`);
    }
    const files = positionals.length > 0 ? positionals : [DEFAULT_DATA_FILE];
    const runsFile = files.find(isRunsFile);
    if (runsFile !== undefined) {
      throw new UsageError(
        `${runsFile} is a runs file: name its registry, ${registryFileOf(runsFile)}, which is validated with its runs file`,
      );
    }
    const ref = values['changed-since'];
    const result = await validateFiles(files, {
      cwd: io.cwd,
      ...(ref === undefined ? {} : { changedSince: ref }),
    });
    for (const error of result.unreadable) io.stderr(`driverlog validate: ${error.message}\n`);
    if (result.hidden > 0)
      io.stderr(`${result.hidden} warnings on lines not changed since ${ref} are not shown\n`);
    // With no file read there is nothing to summarize, but JSON consumers still get a document.
    if (result.read > 0 || format === 'json') io.stdout(formatReport(format, result.shown, result.read));
    if (result.unreadable.length > 0) return EXIT_USAGE;
    return result.problems.some((problem) => problem.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
