import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

export class GitError extends Error {
  readonly code = 'GIT';
  constructor(message: string, cause?: unknown) {
    super(cause instanceof Error ? `${message}: ${cause.message.trim()}` : message, { cause });
    this.name = 'GitError';
  }
}

/** Throws when the text must not be committed (the registry's validator, injected). */
export type GuardText = (text: string) => void;

function repoOf(file: string): SimpleGit {
  return simpleGit({ baseDir: dirname(file) });
}

/** Commits the data file alone when git sees it modified; undefined when there is nothing to commit. */
export async function commitDataFile(
  file: string,
  message: string,
  guard: GuardText,
): Promise<{ sha: string; subject: string } | undefined> {
  const git = repoOf(file);
  const name = basename(file);
  try {
    const status = await git.status(['--', name]);
    if (status.files.length === 0) return undefined;
    // Never commit a file that fails validation, whoever wrote it.
    guard(readFileSync(file, 'utf8'));
    await git.add(['--', name]);
    await git.commit(message, ['--', name]);
    const sha = (await git.revparse(['HEAD'])).trim();
    return { sha, subject: message.split('\n')[0] ?? '' };
  } catch (error) {
    if (error instanceof GitError) throw error;
    throw new GitError(`could not commit ${file}`, error);
  }
}

const REMOTE_MOVED = /\[rejected\]|fetch first|non-fast-forward/;

/** Push; when the remote moved, rebase onto it once, re-check the file, push again. Never forces. */
export async function pushWithRebase(file: string, guard: GuardText): Promise<void> {
  const git = repoOf(file);
  try {
    await git.push();
    return;
  } catch (error) {
    if (!REMOTE_MOVED.test(error instanceof Error ? error.message : String(error))) {
      throw new GitError('push failed', error);
    }
  }
  try {
    await git.raw(['pull', '--rebase']);
  } catch (error) {
    await git.raw(['rebase', '--abort']).catch((abortError: unknown) => {
      throw new GitError(
        'pull --rebase failed and so did rebase --abort; fix the repository by hand',
        abortError,
      );
    });
    throw new GitError(
      'the remote moved and rebasing onto it failed (rebase aborted, local commit kept)',
      error,
    );
  }
  guard(readFileSync(file, 'utf8'));
  try {
    await git.push();
  } catch (error) {
    throw new GitError('push failed again after rebasing onto the remote', error);
  }
}
