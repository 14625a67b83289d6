import { FileError } from '../common/errors.ts';
import { parseJsonSource } from '../json/source.ts';
import { runsFileOf } from '../model/runs-file.ts';
import { onChangedLines } from '../validate/changed-lines.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { openRegistry } from './open-registry.ts';

export interface Validated {
  /** Every problem of the files read, each registry's before its runs file's, by position. */
  problems: LocatedProblem[];
  /** The problems to show: with `changedSince`, warnings on lines not changed since REF are left out. */
  shown: LocatedProblem[];
  /** How many warnings were left out. */
  hidden: number;
  /** How many files were read. */
  read: number;
  /** Files that could not be read at all: one does not hide the others' problems. */
  unreadable: FileError[];
}

/**
 * `driverlog validate`: each registry file (named relative to `cwd`) with the runs file beside it. With
 * `changedSince` REF, changes since REF to the fields the jobs write that no job's commit made are errors too,
 * and warnings are shown only on lines changed since REF.
 */
export async function validateFiles(
  files: readonly string[],
  options: { cwd: string; changedSince?: string },
): Promise<Validated> {
  const git =
    options.changedSince === undefined
      ? undefined
      : (await import('../validate/changed-since.ts')).changedSince(options.changedSince, options.cwd);
  const problems: LocatedProblem[] = [];
  const unreadable: FileError[] = [];
  // Each registry and the runs file read with it (name → the file git diffs).
  const diffed = new Map<string, string>();
  let read = 0;
  for (const file of files) {
    let opened;
    try {
      opened = openRegistry(file, { cwd: options.cwd });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      unreadable.push(error);
      continue;
    }
    diffed.set(file, opened.realPath);
    if (opened.runs) diffed.set(opened.runs.file, opened.runs.path);
    // A runs file deleted by hand reads as one without runs, so every removed entry is reported.
    const runsSource = opened.runs?.source ?? parseJsonSource('{ "drivers": [] }');
    const forged = git
      ? [
          ...(await git.forged(file, opened.realPath, opened.source)),
          ...(await git.forged(opened.runsFile, runsFileOf(opened.realPath), runsSource)),
        ]
      : [];
    problems.push(
      ...[...opened.problems, ...forged].sort(
        (a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line || a.column - b.column,
      ),
    );
    read++;
  }
  if (git === undefined) return { problems, shown: problems, hidden: 0, read, unreadable };
  const changed = new Map<string, Set<number>>();
  for (const [file, path] of diffed) changed.set(file, await git.changedLines(path));
  const { kept, hidden } = onChangedLines(problems, changed);
  return { problems, shown: kept, hidden, read, unreadable };
}
