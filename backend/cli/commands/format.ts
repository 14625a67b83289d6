import { EXIT_OK, EXIT_PROBLEMS, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { isRunsFile, registryFileOf } from '../../model/runs-file.ts';
import { formatFile } from '../../store/format-file.ts';
import { formatText } from '../../validate/problem-output.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

export const command: Command = {
  name: 'format',
  summary: 'Rewrite a registry file in canonical order and layout',
  help: `Usage: driverlog format [--check] [FILE]

Rewrites FILE (default: default_data.json) in canonical form: 2-space indentation, LF line ends,
a final newline; keys in the schema's order; projects by id, releases by date, drivers by
project_id, vendor and name; each driver's releases and verification in release order.
Only order and whitespace change. Files with syntax errors or duplicate keys are left untouched.
A symbolic link is followed: its target is rewritten. The runs file beside FILE
(default_data.runs.json) is left as it is: only \`driverlog update\` writes it, always canonical.

Options:
  --check      do not write; exit 1 and show the first difference (FILE:LINE:COLUMN) if FILE
               is not canonical (the runs file, which \`driverlog update\` writes, is not judged)
  -h, --help   show this help

Exit status: 0 formatted (or already canonical), 1 not canonical (--check) or not safe to
format, 2 usage or I/O error.

Example:
  driverlog format --check default_data.json
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { check: { type: 'boolean', default: false } });
    if (positionals.length > 1) throw new UsageError('format takes one FILE');
    const file = positionals[0] ?? DEFAULT_DATA_FILE;
    if (isRunsFile(file)) {
      throw new UsageError(
        `${file} is a runs file, which only \`driverlog update\` writes: format its registry, ${registryFileOf(file)}`,
      );
    }
    const outcome = await formatFile(file, { cwd: io.cwd, check: values.check === true });
    switch (outcome.kind) {
      case 'formatted':
      case 'canonical':
        if (!values.check)
          io.stdout(`${file}: ${outcome.kind === 'formatted' ? 'formatted' : 'already canonical'}\n`);
        return EXIT_OK;
      case 'not-canonical': {
        const { difference } = outcome;
        io.stdout(
          `${file}:${difference.line}:${difference.column}: not in canonical form: expected ${JSON.stringify(difference.expected)}, found ${JSON.stringify(difference.actual)}\n` +
            `    hint: run \`driverlog format ${file}\`\n`,
        );
        return EXIT_PROBLEMS;
      }
      case 'unsafe':
        io.stderr(
          `driverlog format: ${file} left unchanged: formatting would lose data until these are fixed\n`,
        );
        io.stderr(formatText(outcome.problems, 1));
        return EXIT_PROBLEMS;
      case 'two-sets-of-runs':
        io.stderr(
          `driverlog format: ${file} left unchanged: its records hold \`recent\` runs and ${outcome.runsFile} exists too\n` +
            `    hint: keep one of the two: delete ${outcome.runsFile} to move the records' runs into a new one, or delete the records' \`recent\` lists to keep the runs file's\n`,
        );
        return EXIT_PROBLEMS;
    }
  },
};
