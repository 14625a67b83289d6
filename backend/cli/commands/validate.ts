import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  type Command,
} from '../command.ts';
import { changedLines, onChangedLines } from '../../validate/changed-lines.ts';
import type { LocatedProblem } from '../../validate/problem.ts';
import { readRegistryFile, RegistryFileError } from '../../registry/read-registry-file.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../validate/problem-output.ts';
import { validateText } from '../../validate/validate.ts';

export const command: Command = {
  name: 'validate',
  summary: 'Check registry files against the schema and the semantic rules',
  help: `Usage: driverlog validate [--format text|github|json] [--changed-since REF] [FILE...]

Checks each registry FILE (default: default_data.json) for JSON syntax errors, duplicate keys,
schema violations and semantic problems (unknown projects or releases, duplicates, order, CI
patterns that do not compile, are too broad or look swapped, bad links), and prints every problem
as FILE:LINE:COLUMN with a hint.

Options:
  -f, --format FORMAT  text (default), github (GitHub Actions annotations) or json
  --changed-since REF  show warnings only on lines changed since the git revision REF (every error is
                       still shown), e.g. origin/main in a pull request
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
    const files = positionals.length > 0 ? positionals : ['default_data.json'];
    const problems: LocatedProblem[] = [];
    let unreadable = false;
    let read = 0;
    for (const file of files) {
      try {
        problems.push(...validateText(await readRegistryFile(io.cwd, file), file));
        read++;
      } catch (error) {
        if (!(error instanceof RegistryFileError)) throw error;
        io.stderr(`driverlog validate: ${error.message}\n`);
        unreadable = true;
      }
    }
    let shown = problems;
    const ref = values['changed-since'];
    if (ref !== undefined) {
      // Loaded only here: git is not needed to validate, and validate runs on every commit.
      const { diffSince, GitDiffError } = await import('../../common/git-diff.ts');
      const changed = new Map<string, Set<number>>();
      try {
        for (const file of files) changed.set(file, changedLines(await diffSince(io.cwd, file, ref)));
      } catch (error) {
        if (!(error instanceof GitDiffError)) throw error;
        io.stderr(
          `driverlog validate: ${error.message}\n    hint: fetch REF first (git fetch origin main)\n`,
        );
        return EXIT_USAGE;
      }
      const { kept, hidden } = onChangedLines(problems, changed);
      shown = kept;
      if (hidden > 0) io.stderr(`${hidden} warnings on lines not changed since ${ref} are not shown\n`);
    }
    // With no file read there is nothing to summarize, but JSON consumers still get a document.
    if (read > 0 || format === 'json') io.stdout(formatReport(format, shown, read));
    if (unreadable) return EXIT_USAGE;
    return problems.some((problem) => problem.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
