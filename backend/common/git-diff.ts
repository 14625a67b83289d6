import { dirname, resolve } from 'node:path';
import { simpleGit } from 'simple-git';

export class GitDiffError extends Error {
  readonly code = 'GIT_DIFF';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'GitDiffError';
  }
}

/** `git diff --unified=0 REF -- FILE` for a file in its own repository, as text. */
export async function diffSince(cwd: string, file: string, ref: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    return await simpleGit(dirname(path)).raw(['diff', '--unified=0', '--no-color', ref, '--', path]);
  } catch (error) {
    throw new GitDiffError(
      `cannot compare ${file} with ${ref}: ${error instanceof Error ? error.message.trim() : String(error)}`,
      { cause: error },
    );
  }
}
