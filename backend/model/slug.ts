import { digest } from '../common/digest.ts';

// The path segments of the site's permalinks (a driver's page, its feed, its badges), and the one rule that
// makes them unique, which `validate` (the slug-collision check) and the dashboard both call. A permalink
// is promised never to move because another driver was added:
//
// - Names that slugify alike collide. The one whose identity sorts first (driver key, project / vendor / name,
//   compared by code point, which is the order of their UTF-8 bytes: no case folding, no locale) keeps the
//   plain slug; every other takes `<slug>--<8 hex digits of its identity>`. That suffix depends on nothing
//   but its own identity, and no plain slug holds "--", so a suffixed slug can never be another's plain one
//   ("Foo (" once renumbered "Foo 2" out of foo-2).
// - So an added driver moves no one unless it sorts before a driver it collides with; validate refuses every
//   collision (the check names both and asks to rename), which keeps that out of a reviewed registry.

/** Longest slug: file names stay far below 255 bytes (a slug also names feed and badge files), URLs readable. */
export const MAX_SLUG = 60;

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

const NOT_WORD = /[^a-z0-9]+/g;
const END_DASHES = /^-+|-+$/g;
const MARKS = /[\u0300-\u036f]/g;

/** ASCII, lower-case, dash-separated; "" when nothing word-like is left. Never holds "--". */
export function slugify(text: string): string {
  // ASCII text has nothing to decompose: validate slugs every driver, and NFKD is most of the cost.
  const folded = ASCII.test(text) ? text : text.normalize('NFKD').replace(MARKS, '');
  return folded.toLowerCase().replace(NOT_WORD, '-').replace(END_DASHES, '');
}

/**
 * `slugify(text)`, cut to `max` characters when longer: at a dash where one is near, then a digest of the whole
 * text, so two long names that share a beginning still get different slugs, the same ones on every build.
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

/** Code point order, which is the order of the strings' UTF-8 bytes. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

export interface SlugItem {
  /** What the slug is made of. */
  base: string;
  /** What tells the item from every other: collisions are ordered by it. */
  identity: string;
}

/** A unique slug for each item, aligned with the input, by the rule above. */
export function uniqueSlugs(items: readonly SlugItem[], fallback: string): string[] {
  const order = items
    .map((item, index) => ({ index, base: shortSlug(item.base) || fallback, identity: item.identity }))
    .sort((a, b) => compareCodePoints(a.identity, b.identity) || a.index - b.index);
  const taken = new Set<string>();
  const result = new Array<string>(items.length);
  for (const entry of order) {
    let slug = entry.base;
    // Past the first suffix only for a 32-bit digest collision, or an identity listed twice.
    for (let attempt = 0; taken.has(slug); attempt++) {
      const key = attempt === 0 ? entry.identity : `${entry.identity}\u0000${attempt}`;
      slug = `${shortSlug(entry.base, MAX_SLUG - 10)}--${digest(key, 8)}`;
    }
    taken.add(slug);
    result[entry.index] = slug;
  }
  return result;
}

export interface SlugDriver {
  project_id: string;
  vendor: string;
  name: string;
}

/** What a driver's slug is made of: the project's last path segment, the vendor and the name. */
export function driverSlugItem(driver: SlugDriver): SlugItem {
  return {
    base: driverSlugBase(driver),
    identity: `${driver.project_id}\u0000${driver.vendor}\u0000${driver.name}`,
  };
}

/** The text a driver's slug is made from. */
export function driverSlugBase(driver: SlugDriver): string {
  return `${driver.project_id.slice(driver.project_id.lastIndexOf('/') + 1)} ${driver.vendor} ${driver.name}`;
}

/** Every driver's slug, aligned with the input. */
export function driverSlugs(drivers: readonly SlugDriver[]): string[] {
  return uniqueSlugs(drivers.map(driverSlugItem), 'driver');
}
