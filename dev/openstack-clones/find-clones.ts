// Local clones of the OpenStack repositories, for the acceptance tests and the sync benchmark: in the folder
// OPENSTACK_REPOS (default: beside this repository), each as `<name>`, `<name>.git` or `<owner>+<name>/repo`.
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
export { repositoryName as repoName } from '../../backend/sync/repo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where a clone of openstack/<name> is, if anywhere. */
export function findClone(
  name: string,
  base = process.env.OPENSTACK_REPOS ?? join(root, '..'),
): string | undefined {
  return [join(base, name), join(base, `${name}.git`), join(base, `openstack+${name}`, 'repo')].find((dir) =>
    existsSync(dir),
  );
}

/** A folder holding a link `<name>` to each clone found, as `driverlog sync --repos` reads them. */
export function reposFolder(names: readonly string[]): { dir: string; found: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-repos-'));
  const found: string[] = [];
  for (const name of names) {
    const clone = findClone(name);
    if (!clone) continue;
    symlinkSync(clone, join(dir, name));
    found.push(name);
  }
  return { dir, found };
}
