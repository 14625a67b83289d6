import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DriverlogError } from './errors.ts';

/** The file could not be replaced; unless the message says otherwise, it is unchanged. */
export class WriteError extends DriverlogError {
  constructor(
    readonly file: string,
    cause: unknown,
    outcome = `${file} is unchanged`,
  ) {
    super(`could not write ${file}: ${reasonOf(cause)}; ${outcome}`, 'WRITE_FAILED', 'io', { cause });
  }
}

// What a user can act on, for the failures a full or locked-down disk gives.
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device (ENOSPC): free some space and run again',
  EDQUOT: 'the disk quota is exceeded (EDQUOT): free some space and run again',
  EACCES: 'permission denied (EACCES): the folder must be writable by this user',
  EPERM: 'operation not permitted (EPERM): the folder must be writable by this user',
  EROFS: 'the file system is read-only (EROFS)',
};

function reasonOf(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code]) return REASONS[code];
  return cause instanceof Error ? cause.message : String(cause);
}

/** fs.writeSync's shape: writes up to `length` bytes and says how many it wrote. Injectable for tests. */
export type WriteBytes = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/**
 * Replaces `file` so that a crash or a full disk at any instant leaves either the old content or the
 * new: write a temporary file in the same directory (rename is only atomic within one file system),
 * every byte of it (a write may write fewer bytes than asked, and a full disk does), check its size,
 * fsync it, rename it over the target, then fsync the directory so the rename itself is durable.
 */
export function writeFileAtomic(file: string, content: string, options: { write?: WriteBytes } = {}): void {
  const write = options.write ?? writeSync;
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = Buffer.from(content, 'utf8');
  try {
    const fd = openSync(temp, 'wx', modeOf(file));
    try {
      for (let written = 0; written < bytes.length;) {
        const count = write(fd, bytes, written, bytes.length - written);
        if (!(count > 0))
          throw new Error(`the file system took no more bytes after ${written} of ${bytes.length}`);
        written += count;
      }
      fsyncSync(fd);
      // What is on disk, not what the writes said: the rename below must never put a short file in place.
      const size = fstatSync(fd).size;
      if (size !== bytes.length) throw new Error(`only ${size} of ${bytes.length} bytes reached the disk`);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new WriteError(file, error);
  }
  try {
    syncDirectory(dir);
  } catch (error) {
    throw new WriteError(file, error, `the new content is in place, but may not survive a power loss`);
  }
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
