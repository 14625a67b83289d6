import { driverSlugBase, shortSlug } from '../../model/slug.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { identity } from './duplicate-driver.ts';
import { driverLabel, hasDriverKey, listOf, type Item } from './shape.ts';

// Drivers whose names slugify alike ("Ceph RADOS Block Device (RBD)" and the same in quotes) would share
// a permalink, a feed and a badge: the one whose identity sorts first keeps them (registry/slug.ts). An impostor
// that sorts first took the real driver's page and its "passing" badge, so no collision passes review.
export const slugCollision: Check = {
  id: 'slug-collision',
  description: "No two drivers share a permalink (the dashboard's page, feed and badge paths).",
  run: ({ data }) => {
    // Nearly every slug is one driver's: a group is made only when a second driver has it.
    const firstWith = new Map<string, Item>();
    const groups = new Map<string, Item[]>();
    for (const driver of listOf(data, 'drivers') ?? []) {
      if (!hasDriverKey(driver.value)) continue;
      const slug = shortSlug(driverSlugBase(driver.value)) || 'driver';
      const earlier = firstWith.get(slug);
      if (earlier === undefined) firstWith.set(slug, driver);
      else {
        const group = groups.get(slug);
        if (group) group.push(driver);
        else groups.set(slug, [earlier, driver]);
      }
    }
    const problems: Problem[] = [];
    for (const [slug, group] of groups) {
      // Every driver in a group has its key.
      const same = (a: Item, b: Item) =>
        (['project_id', 'vendor', 'name'] as const).every(
          (key) => identity(a.value[key] as string) === identity(b.value[key] as string),
        );
      for (const driver of group) {
        // The same driver listed twice is duplicate-driver's to report.
        const other = group.find((candidate) => !same(candidate, driver));
        if (other === undefined) continue;
        problems.push({
          check: 'slug-collision',
          severity: 'error',
          pointer: driver.pointer,
          message: `driver ${driverLabel(driver.value)} has the permalink of drivers[${other.index}] ${driverLabel(other.value)}: both are drivers/${slug}/ (and its feed and badges)`,
          hint: 'rename one of them so that their names differ in letters or digits, not only in case, spaces, punctuation or accents',
        });
      }
    }
    return problems;
  },
};
