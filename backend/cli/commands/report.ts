import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT_OK, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { onFile } from '../../common/errors.ts';
import { summaryMarkdown } from '../../update/report-markdown.ts';
import { readReport } from '../read-report.ts';

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
    const path = resolve(io.cwd, file);
    const text = onFile(path, 'read', () => readFileSync(path, 'utf8'));
    io.stdout(summaryMarkdown(readReport(file, text)));
    return EXIT_OK;
  },
};
