import { slugify } from './text.ts';

/**
 * A unique slug for each name, aligned with the input. Names that slugify alike are numbered in
 * sorted order of their identity, so a permalink only moves when a colliding entry is added.
 */
export function uniqueSlugs(
  items: ReadonlyArray<{ base: string; identity: string }>,
  fallback: string,
): string[] {
  const order = items
    .map((item, index) => ({ index, base: slugify(item.base) || fallback, identity: item.identity }))
    .sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : a.index - b.index));
  const taken = new Set<string>();
  const result: string[] = new Array<string>(items.length);
  for (const entry of order) {
    let slug = entry.base;
    for (let n = 2; taken.has(slug); n++) slug = `${entry.base}-${n}`;
    taken.add(slug);
    result[entry.index] = slug;
  }
  return result;
}

/** Driver slugs from the project's last path segment, the vendor and the driver name. */
export function driverSlugs(
  drivers: ReadonlyArray<{ project_id: string; vendor: string; name: string }>,
): string[] {
  return uniqueSlugs(
    drivers.map((d) => ({
      base: `${d.project_id.split('/').pop() ?? ''} ${d.vendor} ${d.name}`,
      identity: `${d.project_id}\u0000${d.vendor}\u0000${d.name}`,
    })),
    'driver',
  );
}

/** Vendor slugs, one per distinct vendor name (case-sensitive, as written in the registry). */
export function vendorSlugs(vendors: readonly string[]): Map<string, string> {
  const distinct = [...new Set(vendors)];
  const slugs = uniqueSlugs(
    distinct.map((v) => ({ base: v, identity: v })),
    'vendor',
  );
  return new Map(distinct.map((v, i) => [v, slugs[i]!]));
}
