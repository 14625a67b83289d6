import { isDeepStrictEqual } from 'node:util';
import type { Driver, Maintainer } from '../../backend/model/types.ts';

/** What a merge could not keep: a field both entries had with different values (the kept entry's stays). */
export interface Dropped {
  name: string;
  field: string;
  value: unknown;
}

// Fields merged value by value; every other field is the kept entry's, else the first merged entry's that has it.
const LISTS = new Set(['releases', 'maintainers', 'upstream_classes']);
// Written by the jobs for the entry's own identity: `update` re-reads the evidence, `sync` the matrix.
const MACHINE = new Set(['verification', 'upstream']);

/**
 * One driver from `kept` and the entries `merged` into it (the same driver, filed under other names): every
 * claimed release (in `releaseOrder`), every maintainer (by name), every class, and each other field from
 * `kept`, else from the first merged entry that has it. A field both have with different values keeps
 * `kept`'s and is listed in `dropped`. `verification` and `upstream` are `kept`'s alone: the jobs write them
 * for the driver they belong to, and rewrite them on their next run.
 */
export function mergeDrivers(
  kept: Driver,
  merged: readonly Driver[],
  releaseOrder: readonly string[],
): { driver: Driver; dropped: Dropped[] } {
  const driver: Record<string, unknown> = { ...kept };
  const dropped: Dropped[] = [];
  for (const other of merged) {
    for (const [field, value] of Object.entries(other)) {
      if (['project_id', 'vendor', 'name'].includes(field) || LISTS.has(field)) continue;
      if (MACHINE.has(field)) {
        // Evidence is not moved by hand: said, so nobody wonders where it went. Sync rewrites `upstream`.
        if (field === 'verification') dropped.push({ name: other.name, field, value });
        continue;
      }
      if (driver[field] === undefined) driver[field] = value;
      else if (!isDeepStrictEqual(driver[field], value)) dropped.push({ name: other.name, field, value });
    }
  }
  const all = [kept, ...merged];
  const rank = (release: string) => {
    const at = releaseOrder.indexOf(release);
    return at === -1 ? releaseOrder.length : at;
  };
  const releases = [...new Set(all.flatMap((d) => d.releases ?? []))].sort((a, b) => rank(a) - rank(b));
  if (releases.length > 0) driver.releases = releases;
  const maintainers = uniqueMaintainers(all.flatMap((d) => d.maintainers ?? []));
  if (maintainers.length > 0) driver.maintainers = maintainers;
  const classes = [...new Set(all.flatMap((d) => d.upstream_classes ?? []))];
  if (classes.length > 0) driver.upstream_classes = classes;
  return { driver: driver as unknown as Driver, dropped };
}

/** Maintainers once each, by name (case aside); the first entry of a name keeps its contact fields. */
function uniqueMaintainers(maintainers: readonly Maintainer[]): Maintainer[] {
  const seen = new Set<string>();
  return maintainers.filter((maintainer) => {
    const key = maintainer.name.trim().toLowerCase();
    return !seen.has(key) && seen.add(key);
  });
}
