// A short, stable digest of a string for names and ids that must not change between builds. Not for
// security: it only has to spread distinct names apart. Pure, so the dashboard's browser bundle may import it.

/** 32-bit FNV-1a over the string's UTF-16 code units, seeded, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `length` hex digits (at most 32) that depend on every character of `text`. */
export function digest(text: string, length = 8): string {
  let out = '';
  for (let seed = 0; out.length < length; seed++) out += fnv1a(text, seed * 0x9e3779b9);
  return out.slice(0, length);
}
