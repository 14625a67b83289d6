import { readFileSync, realpathSync } from 'node:fs';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { DriverlogError, FileError, onFile } from '../common/errors.ts';
import { acquireLock, type FileLock, type LockOwner } from '../common/lock.ts';
import { formatRegistry } from '../format/canonical.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { validateText } from '../validate/validate.ts';
import type { Registry } from './types.ts';

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
  const errors = validateText(text, file).filter((problem) => problem.severity === 'error');
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
  /** A lock from lockRegistry the caller already holds; otherwise the save takes and releases its own. */
  lock?: FileLock;
  /**
   * Errors the file already has, which the output may keep (`format` rewrites files in the middle of an edit).
   * Default: none, so a registry with any error is never written.
   */
  tolerate?: readonly LocatedProblem[];
}

export interface SavedRegistry {
  /** The file written: the symlink's target when the path was a link. */
  path: string;
  /** The canonical text now in the file. */
  text: string;
  /** False when the file already held exactly this text. */
  written: boolean;
}

/**
 * Writes `next` in canonical form, atomically, under the lock, to the file `path` names (through symlinks).
 * Refuses output with validation errors, and a file changed since it was read as `expectText`. Any refusal or
 * failure leaves the file as it was.
 */
export function saveRegistry(path: string, next: Registry, options: SaveOptions): SavedRegistry {
  const text = formatRegistry(next);
  refuseInvalidText(text, path, options.tolerate);
  const target = registryTarget(path);
  const lock = options.lock ?? lockRegistry(target);
  try {
    const current = readCurrent(target, path);
    if (current !== options.expectText) throw new ConcurrentEditError(path);
    if (current === text) return { path: target, text, written: false };
    writeFileAtomic(target, text);
    return { path: target, text, written: true };
  } finally {
    if (options.lock === undefined) lock.release();
  }
}

function readCurrent(target: string, path: string): string {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConcurrentEditError(path);
    throw new FileError(target, 'read', error);
  }
}

/**
 * The check a commit of the registry passes: the text must validate, unless it is exactly the text `saved` just
 * wrote, which was checked on its way in.
 */
export function commitGuard(file: string, saved?: SavedRegistry): (candidate: string) => void {
  return (candidate) => {
    if (candidate !== saved?.text) refuseInvalidText(candidate, file);
  };
}
