import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DriverlogError, FileError, onFile } from './errors.ts';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export class LockHeldError extends DriverlogError {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
    detail?: string,
  ) {
    super(
      detail ??
        (owner
          ? `${lockFile} is held by pid ${owner.pid} on ${owner.host} since ${owner.started}: another update is running on this file; wait for it, or delete the lock file if that process is gone`
          : `${lockFile} exists but does not name its owner (it holds no DriverLog lock): delete it if no update is running`),
      'LOCKED',
      'io',
    );
  }
}

export interface FileLock {
  file: string;
  release(): void;
}

/**
 * `<file>.lock`, created atomically with its owner inside (write a private file, then link(2) it:
 * link fails if the lock exists, and a reader never sees a half-written owner). A lock whose pid is
 * dead on this host is stale: taken over, with `onStale` told whose it was.
 *
 * Taking over must be atomic too: two runs that both found the same stale lock must not both end up
 * holding one. Each takeover first claims the stale lock's generation (exclusive creation of
 * `<file>.lock.<digest of its content>.takeover`); only the claimant re-reads the lock and, if it is
 * still that stale one, replaces it by rename(2), which never leaves the lock file absent for a
 * newcomer to slip in.
 */
export function acquireLock(
  file: string,
  options: { now?: () => number; onStale?: (owner: LockOwner) => void } = {},
): FileLock {
  const lockFile = `${file}.lock`;
  const owner = {
    pid: process.pid,
    host: hostname(),
    started: new Date((options.now ?? Date.now)()).toISOString(),
    // Makes every lock's content unique, so that a takeover can tell one stale lock from the next.
    id: randomBytes(8).toString('hex'),
  };
  const content = JSON.stringify(owner) + '\n';
  const temp = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  onFile(lockFile, 'create the lock file', () => writeFileSync(temp, content, { flag: 'wx' }));
  try {
    if (!onFile(lockFile, 'create the lock file', () => tryLink(temp, lockFile))) {
      takeOver(lockFile, temp, options.onStale);
    }
  } finally {
    rmSync(temp, { force: true });
  }
  let released = false;
  return {
    file: lockFile,
    release() {
      if (released) return;
      released = true;
      // Never delete a lock that is no longer ours (someone deleted ours by hand and took a new one).
      if (readText(lockFile) === content) rmSync(lockFile, { force: true });
    },
  };
}

function takeOver(lockFile: string, temp: string, onStale: ((owner: LockOwner) => void) | undefined): void {
  const text = readText(lockFile);
  // Released between our link and our read: the lock is free, so take it the ordinary way.
  if (text === undefined) {
    if (tryLink(temp, lockFile)) return;
    throw new LockHeldError(lockFile, ownerOf(readText(lockFile)));
  }
  const holder = ownerOf(text);
  if (holder === undefined || !isStale(holder)) throw new LockHeldError(lockFile, holder);
  const claim = `${lockFile}.${createHash('sha256').update(text).digest('hex').slice(0, 16)}.takeover`;
  const claimed = onFile(lockFile, 'take over the stale lock', () => {
    try {
      writeFileSync(claim, JSON.stringify({ pid: process.pid, host: hostname() }) + '\n', { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  });
  if (!claimed) {
    throw new LockHeldError(
      lockFile,
      holder,
      `${lockFile} is stale (pid ${holder.pid} is gone) and another run is taking it over; if ${claim} stays (its run died), delete both files`,
    );
  }
  try {
    // Still the very lock we judged stale? Only a claimant of its generation may replace it, and we are it.
    const now = readText(lockFile);
    if (now === undefined && tryLink(temp, lockFile)) return;
    if (now !== text) throw new LockHeldError(lockFile, ownerOf(readText(lockFile)));
    onStale?.(holder);
    onFile(lockFile, 'take over the stale lock', () => renameSync(temp, lockFile));
  } finally {
    rmSync(claim, { force: true });
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text; undefined when there is none. */
function readText(lockFile: string): string | undefined {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileError(lockFile, 'read the lock file', error);
  }
}

/** The owner a lock file names; undefined for anything else (`null`, garbage, another program's file). */
function ownerOf(text: string | undefined): LockOwner | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, host, started } = value as Record<string, unknown>;
  if (!Number.isInteger(pid) || (pid as number) <= 0 || typeof host !== 'string') return undefined;
  return { pid: pid as number, host, started: String(started) };
}

/** Only a lock of this host can be judged: a pid on another machine means nothing here. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
