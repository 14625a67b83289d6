import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { DriverlogError } from './errors.ts';
import { GitError } from './git.ts';

// `update --commit` / `--push` and `sync --commit`: commit the data file (and its runs file) alone, push, and
// rebase once when the remote moved. Never forces, and never commits a file its guard refuses.

/** Throws when the text must not be committed to `file` (the registry's validator, injected). */
export type GuardText = (text: string, file: string) => void;

function repoOf(file: string): SimpleGit {
  return simpleGit({ baseDir: dirname(file) });
}

/**
 * The commit message for the file's new text, given the committed one, and whether its companions changed too;
 * throws to refuse the commit.
 */
export type DescribeCommit = (headText: string, text: string, companionsChanged: boolean) => string;

/**
 * Commits the data file, and its `companions` in the same folder (the runs file), when git sees any of them
 * modified or new; undefined when there is nothing to commit. Nothing else in the work tree is committed.
 */
export async function commitDataFile(
  file: string,
  describe: DescribeCommit,
  guard: GuardText,
  companions: readonly string[] = [],
): Promise<{ sha: string; subject: string } | undefined> {
  const git = repoOf(file);
  const name = basename(file);
  const names = [name, ...companions.map((companion) => basename(companion))];
  try {
    const changed: string[] = [];
    for (const each of names) {
      // git status gives paths from the repository's root, not from the file's folder: ask file by file.
      if ((await git.status(['--', each])).files.length > 0) changed.push(each);
    }
    if (changed.length === 0) return undefined;
    const text = readFileSync(file, 'utf8');
    // Never commit a file that fails validation, whoever wrote it.
    for (const each of changed) {
      const path = resolve(dirname(file), each);
      guard(each === name ? text : readFileSync(path, 'utf8'), path);
    }
    const companionsChanged = changed.some((each) => each !== name);
    const message = describe(await git.raw(['show', `HEAD:./${name}`]), text, companionsChanged);
    await git.add(['--', ...changed]);
    await git.commit(message, ['--', ...changed]);
    const sha = (await git.revparse(['HEAD'])).trim();
    return { sha, subject: message.split('\n')[0] ?? '' };
  } catch (error) {
    // The guard's and describe's own refusals (invalid text, hand edits) keep their kind.
    if (error instanceof DriverlogError) throw error;
    throw new GitError(`could not commit ${file}`, error);
  }
}

const REMOTE_MOVED = /\[rejected\]|fetch first|non-fast-forward/;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim();
}

/** Whether a rebase stopped half-way (a failed pull --rebase may also have refused to start one). */
async function rebaseInProgress(git: SimpleGit, dir: string): Promise<boolean> {
  for (const name of ['rebase-merge', 'rebase-apply']) {
    const path = (await git.raw(['rev-parse', '--git-path', name])).trim();
    if (existsSync(resolve(dir, path))) return true;
  }
  return false;
}

/**
 * Push; when the remote moved, rebase onto it once, re-check the file, push again. Never forces.
 * Returns the commit pushed (the rebase gives the local commit a new sha).
 */
export async function pushWithRebase(
  file: string,
  guard: GuardText,
  companions: readonly string[] = [],
): Promise<string> {
  const git = repoOf(file);
  const head = async () => (await git.revparse(['HEAD'])).trim();
  try {
    await git.push();
    return await head();
  } catch (error) {
    if (!REMOTE_MOVED.test(messageOf(error))) throw new GitError('push failed', error);
  }
  try {
    await git.raw(['pull', '--rebase']);
  } catch (error) {
    // The cause (uncommitted changes, a conflict) ends the message; the abort only cleans up.
    if (!(await rebaseInProgress(git, dirname(file)))) {
      throw new GitError(
        'the remote moved and pull --rebase failed; local commit kept, nothing rebased',
        error,
      );
    }
    try {
      await git.raw(['rebase', '--abort']);
    } catch (abortError) {
      throw new GitError(
        `the remote moved, pull --rebase failed (${messageOf(error)}) and so did rebase --abort; finish or abort the rebase by hand`,
        abortError,
      );
    }
    throw new GitError(
      'the remote moved and rebasing onto it failed; rebase aborted, local commit kept (merge it by hand, or reset to the remote and run update again)',
      error,
    );
  }
  for (const each of [file, ...companions]) {
    if (each === file || existsSync(each)) guard(readFileSync(each, 'utf8'), each);
  }
  try {
    await git.push();
  } catch (error) {
    throw new GitError('push failed again after rebasing onto the remote', error);
  }
  return await head();
}

/** `--commit` and `--push`: the commit made (or, pushing, the one pushed after a rebase), if any. */
export async function commitAndPush(
  file: string,
  describe: DescribeCommit,
  guard: GuardText,
  push: boolean,
  companions: readonly string[] = [],
): Promise<{ sha: string; subject: string; pushed: boolean } | undefined> {
  const commit = await commitDataFile(file, describe, guard, companions);
  // Pushing even when nothing new was committed sends a commit an earlier run failed to push.
  const pushed = push ? await pushWithRebase(file, guard, companions) : undefined;
  if (commit === undefined) return undefined;
  return { ...commit, sha: pushed ?? commit.sha, pushed: pushed !== undefined };
}
