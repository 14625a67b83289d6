// What JSON.parse does not say of a text it accepted: whether a key was repeated (it keeps the last value
// silently), whether a number would not survive a rewrite, and how deep the text nests. Counted, not
// parsed: in valid JSON every object member is a string followed by ':' (after optional spaces), and a
// quote that ends a string is never escaped, so the text's members are its unescaped quotes followed by a
// colon; fewer keys in the value than that means a key repeats.

/** Most nesting the parser accepts (parser.ts refuses deeper, as a syntax error). */
export const MAX_DEPTH = 512;

/**
 * A quote that no odd run of backslashes precedes, as a regular expression's source: in valid JSON, one that
 * starts or ends a string (an escaped quote is inside one).
 */
export const UNESCAPED_QUOTE = String.raw`(?<!(?:^|[^\\])(?:\\\\)*\\)"`;

// A key: an unescaped quote, then optional spaces and a colon.
const MEMBER = new RegExp(String.raw`${UNESCAPED_QUOTE}[ \t\n\r]*:`, 'g');

/**
 * Whether `value`, which JSON.parse read from `text`, is all of the text: no repeated key, every number as
 * written, nesting within MAX_DEPTH. False means the full parser must judge the text (it may still be fine).
 */
export function readsWhole(text: string, value: unknown): boolean {
  const keys = keyCount(value, 0);
  if (keys === undefined) return false;
  let members = 0;
  MEMBER.lastIndex = 0;
  while (MEMBER.test(text)) members++;
  return members === keys;
}

/** The keys of every object in `value`; undefined for a number a rewrite would change, or nesting too deep. */
function keyCount(value: unknown, depth: number): number | undefined {
  if (typeof value === 'number') {
    // JSON.parse reads 1e400 as Infinity and rounds integers past 2^53: a rewrite would change them.
    return Number.isFinite(value) && (Number.isSafeInteger(value) || !Number.isInteger(value))
      ? 0
      : undefined;
  }
  if (value === null || typeof value !== 'object') return 0;
  if (depth >= MAX_DEPTH) return undefined;
  let count = 0;
  // Indexes and for-in, not iterators and Object.keys: this walks every value of a registry, cold, and
  // allocates nothing on the way. (JSON.parse makes plain objects: for-in sees exactly their own keys.)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const inner = typeof item === 'string' ? 0 : keyCount(item, depth + 1);
      if (inner === undefined) return undefined;
      count += inner;
    }
    return count;
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    const inner = typeof item === 'string' ? 0 : keyCount(item, depth + 1);
    if (inner === undefined) return undefined;
    count += 1 + inner;
  }
  return count;
}

/** The offset just past the string that starts (with its quote) at `start`. */
export function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}
