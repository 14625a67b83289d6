// Small text helpers shared by the pages, the API files and the browser script.

/** The URL as a link target when it is an absolute http(s) URL; anything else is not linkable. */
export function safeHref(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch (error) {
    // Not a URL at all: the caller renders it as plain text.
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

// The backend's slugify: permalinks and `driverlog validate`'s slug-collision check agree.
export { slugify } from '../../../backend/model/slug.ts';

/** The first sentence-ish part of a description, cut at a word boundary near `max` characters. */
export function shortDescription(text: string | undefined, max = 120): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The short name of a project: "Cinder (Block Storage)" → "Cinder". A scan rather than a regular
 * expression: a backtracking engine takes quadratic time on a name of many "(" (it runs once per row).
 */
export function shortProjectName(name: string): string {
  const trimmed = name.trimEnd();
  if (!trimmed.endsWith(')')) return name.trim() || name;
  // The parenthesis opening the trailing group: the first "(" on the last line.
  const open = trimmed.indexOf('(', trimmed.lastIndexOf('\n') + 1);
  const short = open === -1 ? trimmed : trimmed.slice(0, open).trim();
  return short || name;
}

/** A site path under the base path: joinBase('/driverlog', 'drivers/x/') → '/driverlog/drivers/x/'. */
export function joinBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A link to a page of the site from outside it: absolute with the site's public URL, else from the host's root. */
export function publicHref(siteUrl: string | undefined, base: string, path: string): string {
  return siteUrl ? `${siteUrl}${path.replace(/^\/+/, '')}` : joinBase(base, path);
}
