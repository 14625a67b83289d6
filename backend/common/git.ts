import { basename, dirname, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { DriverlogError, UsageError } from './errors.ts';

// With git-commit.ts, the only modules of the CLI that run git (sync reads upstream repositories with its own):
// this one reads history for `validate --changed-since`. Revisions from users
// are checked here and passed after --end-of-options, so `--output=FILE` can never reach git as an option.

/** git failed, or refused: the message ends with git's own words. */
export class GitError extends DriverlogError {
  constructor(message: string, cause?: unknown) {
    super(cause instanceof Error ? `${message}: ${cause.message.trim()}` : message, 'GIT', 'io', { cause });
  }
}

// What git's check-ref-format and revision syntax allow that matters here: no leading dash, no whitespace or
// control characters, nothing git itself could never resolve.
// eslint-disable-next-line no-control-regex
const REVISION = /^[^\s\x00-\x1f\x7f-][^\s\x00-\x1f\x7f]*$/;

/** A revision from the command line (origin/main, HEAD~1, a sha); UsageError for anything that is not one. */
export function checkRevision(option: string, ref: string): string {
  if (!REVISION.test(ref) || ref.includes('..') || ref.length > 255) {
    throw new UsageError(
      `${option} ${JSON.stringify(ref)} is not a git revision: give a branch, tag or commit such as origin/main`,
    );
  }
  return ref;
}

/** `git diff --unified=0 REF -- FILE` for a file in its own repository, as text. */
export async function diffSince(cwd: string, file: string, ref: string): Promise<string> {
  const path = resolve(cwd, file);
  checkRevision('--changed-since', ref);
  try {
    return await simpleGit(dirname(path)).raw([
      'diff',
      '--unified=0',
      '--no-color',
      '--end-of-options',
      ref,
      '--',
      path,
    ]);
  } catch (error) {
    throw new GitError(
      `cannot compare ${file} with ${ref} (fetch it first, e.g. git fetch origin main)`,
      error,
    );
  }
}

/** The text of FILE at revision REF (`git show REF:./FILE`), or undefined when FILE does not exist there. */
export async function showFileAt(cwd: string, file: string, ref: string): Promise<string | undefined> {
  const path = resolve(cwd, file);
  checkRevision('--changed-since', ref);
  const git = simpleGit(dirname(path));
  try {
    await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch (error) {
    throw new GitError(`cannot read ${file} at ${ref} (fetch it first, e.g. git fetch origin main)`, error);
  }
  try {
    return await git.raw(['show', '--end-of-options', `${ref}:./${basename(path)}`]);
  } catch (error) {
    // The revision exists (checked above): the file does not, at that revision.
    if (/does not exist|exists on disk, but not in/.test(error instanceof Error ? error.message : '')) {
      return undefined;
    }
    throw new GitError(`cannot read ${file} at ${ref}`, error);
  }
}

/** Where HEAD's history left REF's (`git merge-base REF HEAD`): a pull request's changes are the commits after it. */
export async function mergeBaseWithHead(cwd: string, file: string, ref: string): Promise<string> {
  checkRevision('--changed-since', ref);
  let base: string;
  try {
    base = (
      await simpleGit(dirname(resolve(cwd, file))).raw(['merge-base', '--end-of-options', ref, 'HEAD'])
    ).trim();
  } catch (error) {
    throw new GitError(
      `cannot find where HEAD left ${ref} (fetch it first, e.g. git fetch origin main)`,
      error,
    );
  }
  if (base === '') throw new GitError(`HEAD shares no history with ${ref}`);
  return base;
}

/** The commits of BASE..HEAD that change FILE, oldest first, with their full messages. */
export async function commitsChanging(
  cwd: string,
  file: string,
  base: string,
): Promise<Array<{ sha: string; message: string }>> {
  const path = resolve(cwd, file);
  checkRevision('--changed-since', base);
  return commitMessages(dirname(path), base, ['--', path], `the commits that changed ${file} since ${base}`);
}

/** Every commit of BASE..HEAD in the repository at `cwd`, oldest first, with its full message. */
export async function commitsSince(
  cwd: string,
  base: string,
  option = '--since',
): Promise<Array<{ sha: string; message: string }>> {
  checkRevision(option, base);
  return commitMessages(cwd, base, [], `the commits since ${base}`);
}

async function commitMessages(
  dir: string,
  base: string,
  paths: string[],
  what: string,
): Promise<Array<{ sha: string; message: string }>> {
  let log: string;
  try {
    log = await simpleGit(dir).raw([
      'log',
      '--reverse',
      '--format=%H%x00%B%x1e',
      '--end-of-options',
      `${base}..HEAD`,
      ...paths,
    ]);
  } catch (error) {
    throw new GitError(`cannot list ${what}`, error);
  }
  return log
    .split('\x1e')
    .map((entry) => entry.replace(/^\n+/, ''))
    .filter((entry) => entry.includes('\x00'))
    .map((entry) => ({
      sha: entry.slice(0, entry.indexOf('\x00')),
      message: entry.slice(entry.indexOf('\x00') + 1),
    }));
}
