// What JSON.parse does not say of a text it accepted: whether a key was repeated (it keeps the last value
// silently), whether a number would not survive a rewrite, and how deep the text nests. Counted, not
// parsed: every member of an object has one ':' outside strings, so the text's colons, less those inside
// the value's strings, are its members; fewer keys in the value than that means a key repeats.

/** Most nesting the parser accepts (parser.ts refuses deeper, as a syntax error). */
export const MAX_DEPTH = 512;

/**
 * Whether `value`, which JSON.parse read from `text`, is all of the text: no repeated key, every number as
 * written, nesting within MAX_DEPTH. False means the full parser must judge the text (it may still be fine).
 */
export function readsWhole(text: string, value: unknown): boolean {
  // An escaped colon is a colon in the value but not in the text: let the full parser count.
  if (/\\u003[aA]/.test(text)) return false;
  const tally = { keys: 0, colons: 0 };
  if (!walk(value, 0, tally)) return false;
  return colonsIn(text) - tally.colons === tally.keys;
}

function walk(value: unknown, depth: number, tally: { keys: number; colons: number }): boolean {
  if (typeof value === 'string') {
    tally.colons += colonsIn(value);
    return true;
  }
  if (typeof value === 'number') {
    // JSON.parse reads 1e400 as Infinity and rounds integers past 2^53: a rewrite would change them.
    return Number.isFinite(value) && (Number.isSafeInteger(value) || !Number.isInteger(value));
  }
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!walk(item, depth + 1, tally)) return false;
    return true;
  }
  for (const key of Object.keys(value)) {
    tally.keys++;
    tally.colons += colonsIn(key);
    if (!walk((value as Record<string, unknown>)[key], depth + 1, tally)) return false;
  }
  return true;
}

function colonsIn(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++;
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
