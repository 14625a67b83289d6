import { resolve } from 'node:path';
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  type Command,
} from '../command.ts';
import { WriteError, writeFileAtomic } from '../../common/atomic-write.ts';
import { formatRegistry } from '../../format/canonical.ts';
import { firstDifference } from '../../format/first-difference.ts';
import { parseJsonSource } from '../../json/source.ts';
import { readRegistryFile, RegistryFileError } from '../../registry/read-registry-file.ts';
import { formatText } from '../../validate/problem-output.ts';
import { structuralProblems } from '../../validate/validate.ts';

export const command: Command = {
  name: 'format',
  summary: 'Rewrite a registry file in canonical order and layout',
  help: `Usage: driverlog format [--check] [FILE]

Rewrites FILE (default: default_data.json) in canonical form: 2-space indentation, LF line ends,
a final newline; keys in the schema's order; projects by id, releases by date, drivers by
project_id, vendor and name; each driver's releases and verification in release order.
Only order and whitespace change. Files with syntax errors or duplicate keys are left untouched.

Options:
  --check      do not write; exit 1 and show the first difference (FILE:LINE:COLUMN) if FILE
               is not canonical
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
    let text: string;
    try {
      text = await readRegistryFile(io.cwd, file);
    } catch (error) {
      if (!(error instanceof RegistryFileError)) throw error;
      io.stderr(`driverlog format: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const source = parseJsonSource(text);
    if (!source.ok || source.duplicates.length > 0) {
      const problems = structuralProblems(text, file);
      io.stderr(
        `driverlog format: ${file} left unchanged: formatting would lose data until these are fixed\n`,
      );
      io.stderr(formatText(problems, 1));
      return EXIT_PROBLEMS;
    }
    const formatted = formatRegistry(source.value);
    const difference = firstDifference(text, formatted);
    if (values.check) {
      if (!difference) return EXIT_OK;
      io.stdout(
        `${file}:${difference.line}:${difference.column}: not in canonical form: expected ${JSON.stringify(difference.expected)}, found ${JSON.stringify(difference.actual)}\n` +
          `    hint: run \`driverlog format ${file}\`\n`,
      );
      return EXIT_PROBLEMS;
    }
    if (difference) {
      try {
        writeFileAtomic(resolve(io.cwd, file), formatted);
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        io.stderr(`driverlog format: ${error.message}\n    hint: check that the folder is writable\n`);
        return EXIT_USAGE;
      }
    }
    io.stdout(`${file}: ${difference ? 'formatted' : 'already canonical'}\n`);
    return EXIT_OK;
  },
};
