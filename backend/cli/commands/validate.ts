import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  type Command,
} from '../command.ts';
import { FileError } from '../../common/errors.ts';
import { changedLines, onChangedLines } from '../../validate/changed-lines.ts';
import type { LocatedProblem } from '../../validate/problem.ts';
import { openRegistry } from '../../store/open-registry.ts';
import { parseJsonSource, type JsonSource } from '../../json/source.ts';
import { isRunsFile, registryFileOf, runsFileOf } from '../../model/runs-file.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../validate/problem-output.ts';

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
    const ref = values['changed-since'];
    // Loaded only when asked for: git is not needed to validate, and validate runs on every commit.
    const git = ref === undefined ? undefined : await import('../../common/git.ts');
    if (ref !== undefined) git?.checkRevision('--changed-since', ref);
    // `file` names the problems; git reads `path`, the file itself (through a symlink, not the link's text).
    const machineWritten = async (file: string, path: string, source: JsonSource, since: string) => {
      const { machineWrittenProblems } = await import('../../validate/machine-written.ts');
      return machineWrittenProblems(file, source, since, {
        textAt: (revision) => git!.showFileAt(io.cwd, path, revision),
        mergeBase: () => git!.mergeBaseWithHead(io.cwd, path, since),
        commitsSince: (base) => git!.commitsChanging(io.cwd, path, base),
      });
    };
    const files = positionals.length > 0 ? positionals : ['default_data.json'];
    const runsFile = files.find(isRunsFile);
    if (runsFile !== undefined) {
      throw new UsageError(
        `${runsFile} is a runs file: name its registry, ${registryFileOf(runsFile)}, which is validated with its runs file`,
      );
    }
    const problems: LocatedProblem[] = [];
    // Each registry and the runs file read with it (name → the file git diffs): warnings are filtered by the
    // lines each one changed.
    const diffed = new Map<string, string>();
    let unreadable = false;
    let read = 0;
    for (const file of files) {
      try {
        const registry = openRegistry(file, { cwd: io.cwd });
        const real = registry.realPath;
        diffed.set(file, real);
        // Only the jobs write evidence: changes to it since REF that no job's commit made are errors. A runs
        // file deleted by hand reads as one without runs.
        const runsFile = registry.runsFile;
        const runsSource = registry.runs?.source ?? parseJsonSource('{ "drivers": [] }');
        if (registry.runs) diffed.set(registry.runs.file, registry.runs.path);
        const forged =
          ref === undefined
            ? []
            : [
                ...(await machineWritten(file, real, registry.source, ref)),
                ...(await machineWritten(runsFile, runsFileOf(real), runsSource, ref)),
              ];
        problems.push(
          ...[...registry.problems, ...forged].sort(
            (a, b) =>
              Number(a.file !== file) - Number(b.file !== file) || a.line - b.line || a.column - b.column,
          ),
        );
        read++;
      } catch (error) {
        // One unreadable file does not hide the others' problems.
        if (!(error instanceof FileError)) throw error;
        io.stderr(`driverlog validate: ${error.message}\n`);
        unreadable = true;
      }
    }
    let shown = problems;
    if (ref !== undefined && git !== undefined) {
      const changed = new Map<string, Set<number>>();
      for (const [file, path] of diffed) {
        changed.set(file, changedLines(await git.diffSince(io.cwd, path, ref)));
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
