import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteError extends Error {
  readonly code = 'WRITE_FAILED';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`could not write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WriteError';
  }
}

/**
 * Replaces `file` so that a crash at any instant leaves either the old content or the new: write a
 * temporary file in the same directory (rename is only atomic within one file system), fsync it,
 * rename it over the target, then fsync the directory so the rename itself is durable.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', modeOf(file));
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new WriteError(file, error);
  }
  syncDirectory(dir);
}

/** Keep the permissions of the file being replaced. */
function modeOf(file: string): number {
  try {
    return statSync(file).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0o644;
    throw error;
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
