import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export class RegistryFileError extends Error {
  readonly code = 'REGISTRY_FILE';
  constructor(
    readonly file: string,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'RegistryFileError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

/** The text of a registry file named relative to `cwd`; a RegistryFileError says which file and why not. */
export async function readRegistryFile(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error as Error).message;
    throw new RegistryFileError(file, `cannot read ${resolve(cwd, file)}: ${reason}`, { cause: error });
  }
}
