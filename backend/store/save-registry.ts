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

export interface SaveOptions {
  /** The text the registry was read with: if the file holds anything else now, nothing is written. */
  expectText: string;
  /** The text its runs file was read with (OpenedRegistry's `runs.text`); undefined when there was none. */
  expectRunsText: string | undefined;
  /** A lock from lockRegistry the caller already holds; otherwise the save takes and releases its own. */
  lock?: FileLock;
  /**
   * Errors the file already has, which the output may keep (`format` rewrites files in the middle of an edit).
   * Default: none, so a registry with any error is never written.
   */
  tolerate?: readonly LocatedProblem[];
  /**
   * Leave an existing runs file as it was read: only `update` rewrites runs (`format` and `sync` change the
   * registry's order or matrices, and must not drop runs `update` alone may drop). Without a runs file, the
   * registry's runs (an older registry kept them in its records) go into a new one: nothing is dropped.
   */
  keepRuns?: boolean;
}

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
 * Writes `next` in canonical form, atomically, under the lock, to the file `path` names (through symlinks), and
 * its records' runs to the runs file beside it (model/runs-file.ts). Refuses output with validation errors,
 * and either file changed since it was read (`expectText`, `expectRunsText`). Any refusal or failure leaves
 * both files as they were.
 */
export function saveRegistry(path: string, next: Registry, options: SaveOptions): SavedRegistry {
  const files = formatFiles(next);
  const text = files.text;
  refuseInvalidText(text, path, options.tolerate);
  const target = registryTarget(path);
  // A runs file that is a symlink is written through, as the registry is.
  const runsFile = runsFileOf(target);
  const runsPath = realIfPresent(runsFile);
  // No runs file is created until there are runs; one that exists is kept, empty or not.
  const runsText =
    options.keepRuns && options.expectRunsText !== undefined
      ? options.expectRunsText
      : files.runs.drivers.length === 0 && options.expectRunsText === undefined
        ? undefined
        : files.runsText;
  if (runsText !== undefined && runsText !== options.expectRunsText) refuseInvalidText(runsText, runsFile);
  const lock = options.lock ?? lockRegistry(target);
  try {
    if (readCurrent(target, path) !== options.expectText) throw new ConcurrentEditError(path);
    if (readCurrent(runsPath, runsPath, true) !== options.expectRunsText)
      throw new ConcurrentEditError(runsPath);
    const saved: Omit<SavedRegistry, 'written'> = {
      path: target,
      text,
      ...(runsText === undefined
        ? {}
        : { runs: { path: runsPath, text: runsText, written: runsText !== options.expectRunsText } }),
    };
    const runsChanged = runsText !== options.expectRunsText;
    if (text === options.expectText && !runsChanged) return { ...saved, written: false };
    if (runsChanged) writeFileAtomic(runsPath, runsText!);
    try {
      if (text !== options.expectText) writeFileAtomic(target, text);
    } catch (error) {
      // The registry could not be written: put the runs file back, so the two still belong together.
      if (runsChanged) restoreAfter(error, runsPath, options.expectRunsText);
      throw error;
    }
    return { ...saved, written: true };
  } finally {
    if (options.lock === undefined) lock.release();
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
