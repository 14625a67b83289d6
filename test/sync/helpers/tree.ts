// A reader's view of a commit of a real temporary git repository, and the errors readers throw.
import { afterAll } from 'vitest';
import { MatrixError } from '../../../backend/sync/errors.ts';
import type { TreeAt } from '../../../backend/sync/matrix.ts';
import { openRepo, type UpstreamRepo } from '../../../backend/sync/repo.ts';
import { makeRepo, tempDir } from './git-repo.ts';

const opened: UpstreamRepo[] = [];
afterAll(() => {
  for (const repo of opened) repo.close();
});

/** Commits `files` to a new repository and returns the tree of that commit, named `ref` in messages. */
export async function treeWith(files: Record<string, string>, ref = 'stable/2025.1'): Promise<TreeAt> {
  const made = makeRepo();
  const commit = made.commit('2025-03-01T12:00:00Z', files);
  const repo = await openRepo(made.dir, { cwd: '/', cacheDir: tempDir('cache') });
  opened.push(repo);
  return { ref, commit, read: (path) => repo.readFile(commit, path) };
}

/** The MatrixError a read throws. */
export async function matrixError(read: () => Promise<unknown> | unknown): Promise<MatrixError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof MatrixError) return error;
    throw error;
  }
  throw new Error('expected a MatrixError');
}
