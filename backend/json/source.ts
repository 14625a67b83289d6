import { JsonSyntaxError, Parser, type DuplicateKey, type JsonSyntaxProblem } from './parser.ts';
import { splitPointer } from './pointer.ts';
import { positionFinder, type Position } from './position.ts';

// JSON.parse gives neither positions nor duplicate keys, and both matter here: every problem must
// say file:line:column, and the original data file really did carry duplicate keys that JSON.parse
// silently resolved to the last one. This is a small single-pass parser that records both.

export type { Position };
export { JsonSyntaxError };
export type { DuplicateKey, JsonSyntaxProblem };

export type JsonSource =
  | {
      ok: true;
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
  const parser = new Parser(text);
  try {
    const value = parser.parseDocument();
    const { children, root } = parser;
    const position = positionFinder(text);
    const walk = (pointer: string): { offset: number; exact: boolean } => {
      let node: unknown = value;
      let offset = root;
      for (const key of splitPointer(pointer)) {
        const members = node !== null && typeof node === 'object' ? children.get(node) : undefined;
        const found = Array.isArray(members)
          ? /^(?:0|[1-9]\d*)$/.test(key)
            ? members[Number(key)]
            : undefined
          : members?.get(key);
        if (found === undefined) return { offset, exact: false };
        offset = found;
        node = (node as Record<string, unknown>)[key];
      }
      return { offset, exact: true };
    };
    return {
      ok: true,
      value,
      locate: (pointer) => {
        const { offset, exact } = walk(pointer);
        return exact ? position(offset) : undefined;
      },
      locateNearest: (pointer) => position(walk(pointer).offset),
      duplicates: parser.duplicates,
    };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.problem };
    throw error;
  }
}
