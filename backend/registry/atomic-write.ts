import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class AtomicWriteError extends Error {
  readonly code = 'ATOMIC_WRITE';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'AtomicWriteError';
  }
}

/**
 * Replaces `path` with `text` so that readers see the old file or the new one, never half of it:
 * write a temporary file in the same directory (rename is only atomic within one file system), then
 * rename it over the original. The original's permissions are kept.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const mode = await stat(path).then(
    (stats) => stats.mode & 0o7777,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return 0o644;
      throw new AtomicWriteError(`cannot stat ${path}: ${error.message}`, { cause: error });
    },
  );
  try {
    await writeFile(temporary, text, { mode });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch((cleanup: NodeJS.ErrnoException) => {
      if (cleanup.code !== 'ENOENT')
        throw new AtomicWriteError(`cannot remove ${temporary}`, { cause: cleanup });
    });
    throw new AtomicWriteError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
