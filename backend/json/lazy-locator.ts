import { memberAt, splitPointer } from './pointer.ts';
import { MAX_DEPTH, stringEnd } from './scan.ts';

// Where a JSON pointer's value is, in a text known to be valid JSON (JSON.parse read it), found by scanning
// only the containers on the pointer's path, each once: a registry without problems pays nothing for
// positions, and one with problems scans each container it reports into one time.

/** Member offsets of one object (by key: the key's offset; the last one when a key repeats) or array. */
type Children = Map<string, number> | number[];

const SPACE = /[ \t\n\r]*/y;
const CONTAINER_TEXT = /[^"{}[\]]*/y;
const SCALAR = /[^,}\] \t\n\r]*/y;

/** `walk(pointer)`: the offset of the pointer's value (its key, for a member), or of its nearest ancestor. */
export function lazyLocator(
  text: string,
  root: number,
): (pointer: string) => { offset: number; exact: boolean } {
  const scanned = new Map<number, Children>();
  const childrenAt = (offset: number): Children | undefined => {
    const c = text.charCodeAt(offset);
    if (c !== 123 && c !== 91) return undefined;
    let children = scanned.get(offset);
    if (children === undefined)
      scanned.set(offset, (children = c === 123 ? members(text, offset) : items(text, offset)));
    return children;
  };
  return (pointer) => {
    let offset = root;
    let at = root;
    for (const key of splitPointer(pointer)) {
      const children = childrenAt(at);
      const found = memberAt(children, key);
      if (found === undefined) return { offset, exact: false };
      offset = found;
      // A member's offset is its key's; its value follows the colon.
      at = Array.isArray(children) ? found : valueAfterKey(text, found);
    }
    return { offset, exact: true };
  };
}

function members(text: string, open: number): Map<string, number> {
  const children = new Map<string, number>();
  let pos = skipSpace(text, open + 1);
  while (text.charCodeAt(pos) === 34) {
    const end = stringEnd(text, pos);
    const raw = text.slice(pos + 1, end - 1);
    children.set(raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw, pos);
    pos = afterValue(text, valueAfterKey(text, pos));
  }
  return children;
}

function items(text: string, open: number): number[] {
  const children: number[] = [];
  let pos = skipSpace(text, open + 1);
  while (text.charCodeAt(pos) !== 93 && pos < text.length) {
    children.push(pos);
    pos = afterValue(text, pos);
  }
  return children;
}

/** The offset of a member's value, from the offset of its key. */
function valueAfterKey(text: string, key: number): number {
  return skipSpace(text, skipSpace(text, stringEnd(text, key)) + 1);
}

/** Past the value at `pos`, its separator and the space after it: the next member, item or closing bracket. */
function afterValue(text: string, pos: number): number {
  const end = skipSpace(text, valueEnd(text, pos));
  return text.charCodeAt(end) === 44 ? skipSpace(text, end + 1) : end;
}

function valueEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 34) return stringEnd(text, pos);
  if (c !== 123 && c !== 91) {
    SCALAR.lastIndex = pos;
    SCALAR.test(text);
    return SCALAR.lastIndex;
  }
  let depth = 0;
  for (;;) {
    CONTAINER_TEXT.lastIndex = pos;
    CONTAINER_TEXT.test(text);
    pos = CONTAINER_TEXT.lastIndex;
    if (pos >= text.length) return pos;
    const k = text.charCodeAt(pos);
    if (k === 34) pos = stringEnd(text, pos);
    else {
      depth += k === 123 || k === 91 ? 1 : -1;
      pos++;
      if (depth === 0 || depth > MAX_DEPTH) return pos;
    }
  }
}

function skipSpace(text: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.test(text);
  return SPACE.lastIndex;
}
