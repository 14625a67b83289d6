import { lazyLocator } from './lazy-locator.ts';
import { JsonSyntaxError, Parser, type DuplicateKey, type JsonSyntaxProblem } from './parser.ts';
import { memberAt, splitPointer } from './pointer.ts';
import { positionFinder, type Position } from './position.ts';
import { readsWhole } from './scan.ts';

// JSON.parse gives neither positions nor duplicate keys, and both matter here: every problem must
// say file:line:column, and the original data file really did carry duplicate keys that JSON.parse
// silently resolved to the last one. Most files have neither a syntax error nor a repeated key, and
// JSON.parse reads them several times faster than any parser written in JavaScript, leaving little
// garbage: so JSON.parse reads the value, one pass over the text checks what it cannot say (repeated
// keys, numbers a rewrite would change, nesting), and positions are found only when asked for. At
// any doubt our single-pass parser (parser.ts) reads the text instead, and records both.

export type { Position };
export { JsonSyntaxError };
export type { DuplicateKey, JsonSyntaxProblem };

export type JsonSource =
  | {
      ok: true;
      /** The text read (a check may answer from it natively where that is sure). */
      text: string;
      value: unknown;
      /**
       * Where the value at `pointer` starts: the key for object members, the value itself otherwise;
       * undefined when the pointer names nothing in the document.
       */
      locate(pointer: string): Position | undefined;
      /** Like locate, but falls back to the nearest ancestor that exists (the root at worst). */
      locateNearest(pointer: string): Position;
      duplicates: DuplicateKey[];
    }
  | { ok: false; error: JsonSyntaxProblem };

export function parseJsonSource(text: string): JsonSource {
  return quickSource(text) ?? fullSource(text);
}

type Walk = (pointer: string) => { offset: number; exact: boolean };

function located(value: unknown, walk: Walk, text: string, duplicates: DuplicateKey[]): JsonSource {
  const position = positionFinder(text);
  return {
    ok: true,
    text,
    value,
    locate: (pointer) => {
      const { offset, exact } = walk(pointer);
      return exact ? position(offset) : undefined;
    },
    locateNearest: (pointer) => position(walk(pointer).offset),
    duplicates,
  };
}

const SPACE = /[ \t\n\r]*/y;

/** JSON.parse's reading, when nothing in the text needs the full parser; undefined otherwise. */
function quickSource(text: string): JsonSource | undefined {
  // Editors save a byte order mark invisibly; it is not content (parser.ts skips it too).
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let value: unknown;
  try {
    value = JSON.parse(start === 0 ? text : text.slice(start));
  } catch (error) {
    // Not the read's failure: the full parser reads the text again and says where and why it is not JSON.
    if (error instanceof SyntaxError || error instanceof RangeError) return undefined;
    throw error;
  }
  SPACE.lastIndex = start;
  SPACE.test(text);
  const root = SPACE.lastIndex;
  if (!readsWhole(text, value)) return undefined;
  return located(value, lazyLocator(text, root), text, []);
}

function fullSource(text: string): JsonSource {
  const parser = new Parser(text);
  try {
    const value = parser.parseDocument();
    const { children, root } = parser;
    const walk: Walk = (pointer) => {
      let node: unknown = value;
      let offset = root;
      for (const key of splitPointer(pointer)) {
        const members = node !== null && typeof node === 'object' ? children.get(node) : undefined;
        const found = memberAt(members, key);
        if (found === undefined) return { offset, exact: false };
        offset = found;
        node = (node as Record<string, unknown>)[key];
      }
      return { offset, exact: true };
    };
    return located(value, walk, text, parser.duplicates);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.problem };
    throw error;
  }
}
