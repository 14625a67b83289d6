import { hostname } from 'node:os';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export class LockHeldError extends Error {
  readonly code = 'LOCKED';
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `${lockFile} is held by pid ${owner.pid} on ${owner.host} since ${owner.started}: another update is running on this file; wait for it, or delete the lock file if that process is gone`
        : `${lockFile} exists but cannot be read; delete it if no update is running`,
    );
    this.name = 'LockHeldError';
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
 */
export function acquireLock(
  file: string,
  options: { now?: () => number; onStale?: (owner: LockOwner) => void } = {},
): FileLock {
  const lockFile = `${file}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: new Date((options.now ?? Date.now)()).toISOString(),
  };
  const temp = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, JSON.stringify(owner) + '\n');
  try {
    if (!tryLink(temp, lockFile)) {
      const holder = readOwner(lockFile);
      if (holder === undefined || !isStale(holder)) throw new LockHeldError(lockFile, holder);
      options.onStale?.(holder);
      rmSync(lockFile, { force: true });
      // Two runs taking over the same stale lock at once: the second link fails, as it should.
      if (!tryLink(temp, lockFile)) throw new LockHeldError(lockFile, readOwner(lockFile));
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
      rmSync(lockFile, { force: true });
    },
  };
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

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, started: String(value.started) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
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
