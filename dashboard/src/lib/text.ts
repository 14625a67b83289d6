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

/** ASCII, lower-case, dash-separated; "" when nothing word-like is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The first sentence-ish part of a description, cut at a word boundary near `max` characters. */
export function shortDescription(text: string | undefined, max = 120): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The short name of a project: "Cinder (Block Storage)" → "Cinder". */
export function shortProjectName(name: string): string {
  const short = name.replace(/\s*\(.*\)\s*$/, '').trim();
  return short || name;
}

/** A site path under the base path: joinBase('/driverlog', 'drivers/x/') → '/driverlog/drivers/x/'. */
export function joinBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
