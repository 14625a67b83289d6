import { EXIT_OK, EXIT_PROBLEMS, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { hasInlineRuns, isRunsFile, registryFileOf } from '../../model/runs-file.ts';
import { formatFiles } from '../../format/format-files.ts';
import { firstDifference } from '../../format/first-difference.ts';
import { openRegistry } from '../../store/open-registry.ts';
import { saveRegistry } from '../../store/save-registry.ts';
import { formatText } from '../../validate/problem-output.ts';

// Only these make a rewrite lose data; any other problem survives formatting exactly as it was.
const STRUCTURAL = new Set(['json-syntax', 'duplicate-key']);

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
    const file = positionals[0] ?? 'default_data.json';
    if (isRunsFile(file)) {
      throw new UsageError(
        `${file} is a runs file, which only \`driverlog update\` writes: format its registry, ${registryFileOf(file)}`,
      );
    }
    const opened = openRegistry(file, { cwd: io.cwd });
    const structural = opened.problems.filter((problem) => STRUCTURAL.has(problem.check));
    if (opened.value === undefined || structural.length > 0) {
      io.stderr(
        `driverlog format: ${file} left unchanged: formatting would lose data until these are fixed\n`,
      );
      io.stderr(formatText(structural, 1));
      return EXIT_PROBLEMS;
    }
    if (values.check) {
      const difference = firstDifference(opened.text, formatFiles(opened.value).text);
      if (!difference) return EXIT_OK;
      io.stdout(
        `${file}:${difference.line}:${difference.column}: not in canonical form: expected ${JSON.stringify(difference.expected)}, found ${JSON.stringify(difference.actual)}\n` +
          `    hint: run \`driverlog format ${file}\`\n`,
      );
      return EXIT_PROBLEMS;
    }
    // A registry from before the runs file keeps runs in its records: format moves them into a new runs file,
    // but cannot tell which of two sets of runs is right when a runs file exists too.
    if (opened.runs !== undefined && hasInlineRuns(opened.source.ok ? opened.source.value : undefined)) {
      io.stderr(
        `driverlog format: ${file} left unchanged: its records hold \`recent\` runs and ${opened.runs.file} exists too\n` +
          `    hint: keep one of the two: delete ${opened.runs.file} to move the records' runs into a new one, or delete the records' \`recent\` lists to keep the runs file's\n`,
      );
      return EXIT_PROBLEMS;
    }
    const saved = saveRegistry(opened.path, opened.value, {
      expectText: opened.text,
      expectRunsText: opened.runs?.text,
      tolerate: opened.problems,
      keepRuns: true,
    });
    io.stdout(`${file}: ${saved.written ? 'formatted' : 'already canonical'}\n`);
    return EXIT_OK;
  },
};
