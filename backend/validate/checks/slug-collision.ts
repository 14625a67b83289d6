import { driverSlugItem, shortSlug } from '../../registry/slug.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { identity } from './duplicate-driver.ts';
import { driverLabel, listOf, stringAt } from './shape.ts';

// Drivers whose names slugify alike ("Ceph RADOS Block Device (RBD)" and the same in quotes) would share
// a permalink, a feed and a badge: the one whose identity sorts first keeps them (registry/slug.ts). An impostor
// that sorts first took the real driver's page and its "passing" badge, so no collision passes review.
export const slugCollision: Check = {
  id: 'slug-collision',
  description: "No two drivers share a permalink (the dashboard's page, feed and badge paths).",
  run: ({ data }) => {
    const bySlug = new Map<string, Array<{ pointer: string; index: number; label: string; key: string }>>();
    for (const driver of listOf(data, 'drivers') ?? []) {
      const [project, vendor, name] = ['project_id', 'vendor', 'name'].map((key) =>
        stringAt(driver.value, key),
      );
      if (project === undefined || vendor === undefined || name === undefined) continue;
      const slug = shortSlug(driverSlugItem({ project_id: project, vendor, name }).base) || 'driver';
      const entry = {
        pointer: driver.pointer,
        index: driver.index,
        label: driverLabel(driver.value),
        key: [project, vendor, name].map(identity).join('\u0000'),
      };
      const group = bySlug.get(slug);
      if (group) group.push(entry);
      else bySlug.set(slug, [entry]);
    }
    const problems: Problem[] = [];
    for (const [slug, group] of bySlug) {
      for (const driver of group) {
        // The same driver listed twice is duplicate-driver's to report.
        const other = group.find((candidate) => candidate.key !== driver.key);
        if (other === undefined) continue;
        problems.push({
          check: 'slug-collision',
          severity: 'error',
          pointer: driver.pointer,
          message: `driver ${driver.label} has the permalink of drivers[${other.index}] ${other.label}: both are drivers/${slug}/ (and its feed and badges)`,
          hint: 'rename one of them so that their names differ in letters or digits, not only in case, spaces, punctuation or accents',
        });
      }
    }
    return problems;
  },
};
