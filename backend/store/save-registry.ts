import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { DriverlogError, FileError, onFile } from '../common/errors.ts';
import { acquireLock, type FileLock, type LockOwner } from '../common/lock.ts';
import { parseJsonSource } from '../json/source.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { validateRunsSource, validateText } from '../validate/validate.ts';
import { isRunsFile, runsFileOf } from '../model/runs-file.ts';
import { formatFiles } from '../format/format-files.ts';
import type { Registry } from '../model/types.ts';
import type { OpenedRegistry } from './open-registry.ts';

/** The text about to be written (or committed) fails validation: a bug, or an input that slipped past. */
export class InvalidOutputError extends DriverlogError {
  constructor(
    readonly file: string,
    readonly problems: LocatedProblem[],
  ) {
    super(
      `refusing to write or commit ${file}: the new text would fail validation (the file is unchanged):\n${problems
        .map((p) => `  new text ${p.line}:${p.column}  ${p.check}  ${p.message}\n    hint: ${p.hint}`)
        .join('\n')}`,
      'INVALID_OUTPUT',
      'io',
    );
  }
}

/** Someone changed the file between our read and our write: their edit wins, ours is not written. */
export class ConcurrentEditError extends DriverlogError {
  constructor(readonly file: string) {
    super(
      `${file} was changed by someone else during the run; nothing written: run the command again`,
      'CONCURRENT_EDIT',
      'io',
    );
  }
}

/**
 * Throws InvalidOutputError when `text` has validation errors (warnings are allowed), beyond those `tolerated`: per
 * check, the output may have as many errors as the tolerated list has, never more.
 */
export function refuseInvalidText(
  text: string,
  file: string,
  tolerated: readonly LocatedProblem[] = [],
): void {
  const allowance = new Map<string, number>();
  for (const problem of tolerated) {
    if (problem.severity === 'error') allowance.set(problem.check, (allowance.get(problem.check) ?? 0) + 1);
  }
  const errors = (
    isRunsFile(file) ? validateRunsSource(parseJsonSource(text), file) : validateText(text, file)
  ).filter((problem) => problem.severity === 'error');
  const counts = new Map<string, number>();
  for (const error of errors) counts.set(error.check, (counts.get(error.check) ?? 0) + 1);
  const added = errors.filter((error) => (counts.get(error.check) ?? 0) > (allowance.get(error.check) ?? 0));
  if (added.length > 0) throw new InvalidOutputError(file, added);
}

/** The file a path names, through any symlinks: writing replaces the target, never the link. */
export function registryTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConcurrentEditError(path);
    throw new FileError(path, 'resolve', error);
  }
}

/** The registry's lock, for a command that must keep other writers out for longer than one save. */
export function lockRegistry(path: string, options: { onStale?: (owner: LockOwner) => void } = {}): FileLock {
  const target = registryTarget(path);
  // The lock file sits beside the registry, so its folder must be writable: say so rather than crash.
  return onFile(`${target}.lock`, 'create the lock file', () => acquireLock(target, options));
}

/**
 * Who writes, which decides what a save may change: only `update` rewrites runs (`format` and `sync` change the
 * registry's order or matrices and must not drop runs `update` alone may drop; without a runs file, the
 * registry's runs — an older registry kept them in its records — go into a new one, so nothing is dropped); only
 * `format` may keep errors the file already had (it rewrites files in the middle of an edit).
 */
export type Writer = 'update' | 'sync' | 'format';

export interface SavedRegistry {
  /** The file written: the symlink's target when the path was a link. */
  path: string;
  /** The canonical text now in the file. */
  text: string;
  /** The runs file beside it, its text, and whether it was written; undefined when there are no runs and never were. */
  runs?: { path: string; text: string; written: boolean };
  /** False when both files already held exactly this text. */
  written: boolean;
}

/**
 * Writes `next` in canonical form, atomically, to the file `opened` was read from (through symlinks), and its
 * records' runs to the runs file beside it (model/runs-file.ts), under the lock `opened` was read with or, when
 * none, its own. Refuses output with validation errors, and either file changed since `opened` read it. Any
 * refusal or failure leaves both files as they were.
 */
export function saveRegistry(
  opened: OpenedRegistry,
  next: Registry,
  { job }: { job: Writer },
): SavedRegistry {
  const expectText = opened.text;
  const expectRunsText = opened.runs?.text;
  const files = formatFiles(next);
  const text = files.text;
  refuseInvalidText(text, opened.path, job === 'format' ? opened.problems : []);
  const target = registryTarget(opened.path);
  // A runs file that is a symlink is written through, as the registry is.
  const runsFile = runsFileOf(target);
  const runsPath = realIfPresent(runsFile);
  const runsText = runsTextToWrite(job, files, expectRunsText);
  if (runsText !== undefined && runsText !== expectRunsText) refuseInvalidText(runsText, runsFile);
  const lock = opened.lock ?? lockRegistry(target);
  try {
    if (readCurrent(target, opened.path) !== expectText) throw new ConcurrentEditError(opened.path);
    if (readCurrent(runsPath, runsPath, true) !== expectRunsText) throw new ConcurrentEditError(runsPath);
    const runsChanged = runsText !== expectRunsText;
    const saved: SavedRegistry = {
      path: target,
      text,
      ...(runsText === undefined ? {} : { runs: { path: runsPath, text: runsText, written: runsChanged } }),
      written: text !== expectText || runsChanged,
    };
    if (saved.written)
      writeBoth({ target, text, changed: text !== expectText }, runsPath, runsText, expectRunsText);
    return saved;
  } finally {
    if (opened.lock === undefined) lock.release();
  }
}

/** The runs file's next text: undefined for none (none is created until there are runs; one that exists stays). */
function runsTextToWrite(
  job: Writer,
  files: { runsText: string; runs: { drivers: unknown[] } },
  expectRunsText: string | undefined,
): string | undefined {
  if (job !== 'update' && expectRunsText !== undefined) return expectRunsText;
  if (files.runs.drivers.length === 0 && expectRunsText === undefined) return undefined;
  return files.runsText;
}

/** The runs file first, then the registry; when the registry cannot be written, the runs file goes back. */
function writeBoth(
  registry: { target: string; text: string; changed: boolean },
  runsPath: string,
  runsText: string | undefined,
  expectRunsText: string | undefined,
): void {
  const runsChanged = runsText !== expectRunsText;
  if (runsChanged) writeFileAtomic(runsPath, runsText!);
  try {
    if (registry.changed) writeFileAtomic(registry.target, registry.text);
  } catch (error) {
    // The registry could not be written: put the runs file back, so the two still belong together.
    if (runsChanged) restoreAfter(error, runsPath, expectRunsText);
    throw error;
  }
}

/** The file a path names through any symlinks; the path itself when it does not exist yet. */
function realIfPresent(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw new FileError(path, 'resolve', error);
  }
}

/** Puts the runs file back after `failure`; when that fails too, the error says both, and what is left to do. */
function restoreAfter(failure: unknown, path: string, text: string | undefined): void {
  try {
    if (text === undefined) onFile(path, 'remove', () => rmSync(path, { force: true }));
    else writeFileAtomic(path, text);
  } catch (error) {
    const reason = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));
    throw new DriverlogError(
      `${reason(failure)}; and putting ${path} back failed too (${reason(error)}): it holds the new runs, so ${
        text === undefined ? 'remove it' : `restore it (git checkout -- ${path})`
      } before the next run`,
      'RESTORE_FAILED',
      'io',
      { cause: failure },
    );
  }
}

function readCurrent(target: string, path: string, mayBeAbsent = false): string | undefined {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (mayBeAbsent) return undefined;
      throw new ConcurrentEditError(path);
    }
    throw new FileError(target, 'read', error);
  }
}

/**
 * The check a commit of the registry or its runs file passes: the text must validate, unless it is exactly the
 * text `saved` just wrote there, which was checked on its way in.
 */
export function commitGuard(saved?: SavedRegistry): (candidate: string, file: string) => void {
  return (candidate, file) => {
    const written = isRunsFile(file) ? saved?.runs?.text : saved?.text;
    if (candidate !== written) refuseInvalidText(candidate, file);
  };
}
