import { readFile } from 'node:fs/promises';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { summaryMarkdown } from '../../update/report-markdown.ts';
import type { UpdateSummary } from '../../update/format-summary.ts';

export const command: Command = {
  name: 'report',
  summary: "Print an update run's JSON report (--report FILE) as Markdown",
  help: `Usage: driverlog report --markdown FILE

Reads the JSON report that 'driverlog update --report FILE' wrote and prints it as Markdown, e.g.
for a CI job summary.

Options:
  --markdown   print Markdown (the only format)
  -h, --help   show this help

Exit status: 0 printed, 2 usage error or unreadable report.

Example:
  driverlog report --markdown update-report.json >> "$GITHUB_STEP_SUMMARY"
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { markdown: { type: 'boolean' } });
    if (!values.markdown) throw new UsageError('say which format: --markdown');
    if (positionals.length !== 1) throw new UsageError('name one report file');
    const file = positionals[0]!;
    let summary: UpdateSummary;
    try {
      summary = JSON.parse(await readFile(file, 'utf8')) as UpdateSummary;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(
        `driverlog report: cannot read ${file}: ${reason}\n  hint: did 'driverlog update --report ${file}' run and finish?\n`,
      );
      return EXIT_USAGE;
    }
    io.stdout(summaryMarkdown(summary));
    return EXIT_OK;
  },
};
