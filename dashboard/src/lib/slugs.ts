import { digest } from './hash.ts';
import { slugify } from './text.ts';

/**
 * Longest slug: file names stay far below the 255 bytes a file system allows (a page's slug also names
 * its feed and badge files), and URLs stay readable.
 */
export const MAX_SLUG = 60;

/**
 * `slugify(text)`, cut to MAX_SLUG characters when longer: at a dash where one is near, then a digest of
 * the whole text, so two long names that share a beginning still get different slugs, the same ones
 * on every build.
 */
export function shortSlug(text: string, max = MAX_SLUG): string {
  const slug = slugify(text);
  if (slug.length <= max) return slug;
  const suffix = digest(slug, 8);
  const room = max - suffix.length - 1;
  const cut = slug.slice(0, room);
  const dash = cut.lastIndexOf('-');
  return `${dash > room / 2 ? cut.slice(0, dash) : cut.replace(/-$/, '')}-${suffix}`;
}

/**
 * A unique slug for each name, aligned with the input. Names that slugify alike are numbered in
 * sorted order of their identity, so a permalink only moves when a colliding entry is added.
 */
export function uniqueSlugs(
  items: ReadonlyArray<{ base: string; identity: string }>,
  fallback: string,
): string[] {
  const order = items
    .map((item, index) => ({ index, base: shortSlug(item.base) || fallback, identity: item.identity }))
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

/** Project slugs from the id's last path segment ("openstack/cinder" → "cinder"), numbered on collision. */
export function projectSlugs(ids: readonly string[]): Map<string, string> {
  const distinct = [...new Set(ids)];
  const slugs = uniqueSlugs(
    distinct.map((id) => ({ base: id.split('/').pop() ?? id, identity: id })),
    'project',
  );
  return new Map(distinct.map((id, i) => [id, slugs[i]!]));
}

/** A release's path segment: its id in lower case ("Flamingo" → "flamingo"), made safe for a path. */
export function releaseSlug(id: string): string {
  return shortSlug(id) || `release-${digest(id, 8)}`;
}
