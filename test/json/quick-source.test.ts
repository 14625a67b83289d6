// parseJsonSource reads most texts with JSON.parse and finds positions only when asked (source.ts). These
// cases hold it to what the full parser gives: each value where the text puts it, every repeated key, and
// every number or nesting the full parser refuses, however the text is laid out.
import { describe, expect, it } from 'vitest';
import { parseJsonSource } from '../../backend/json/source.ts';
import { random } from '../helpers/random.ts';

/** A text with its values' offsets, recorded while writing it: the key's for a member, the value's for an item. */
function generate(seed: number): { text: string; offsets: Map<string, number> } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const space = () => pick(['', ' ', '\n  ', '\t', '\r\n', '   ']);
  const offsets = new Map<string, number>();
  let text = pick(['', '\ufeff']) + space();
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const write = (pointer: string, depth: number): void => {
    offsets.set(pointer, offsets.get(pointer) ?? text.length);
    const kind = depth > 4 ? Math.floor(next() * 4) : Math.floor(next() * 7);
    if (kind === 0)
      text += pick(['"plain"', '"a \\"quoted\\" \\\\ word"', '"\\u00e9:\\n"', '"http://x:1/"', '""']);
    else if (kind === 1) text += pick(['0', '-1.5e3', '12', '9007199254740991', '1e300']);
    else if (kind === 2) text += pick(['true', 'false', 'null']);
    else if (kind === 3) text += pick(['[]', '{}']);
    else if (kind <= 4) {
      text += '[';
      const count = Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        text += space();
        write(`${pointer}/${i}`, depth + 1);
        text += space() + (i < count - 1 ? ',' : '');
      }
      text += space() + ']';
    } else {
      text += '{';
      const keys = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(KEYS)))];
      keys.forEach((key, i) => {
        text += space();
        offsets.set(`${pointer}/${escape(key)}`, text.length);
        text += `${JSON.stringify(key).replace('é', '\\u00e9')}${space()}:${space()}`;
        // A member is located by its key, so its value must not record an offset of its own.
        write(`${pointer}/${escape(key)}`, depth + 1);
        text += space() + (i < keys.length - 1 ? ',' : '');
      });
      text += space() + '}';
    }
  };
  write('', 0);
  return { text: text + space(), offsets };
}
const KEYS = ['a', 'drivers', 'a/b', 'x~y', '0', '10', '__proto__', 'é', 'with "quote"', 'colon:key', ''];

const where = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column =
    offset - (before.lastIndexOf('\n') + 1) + 1 - (line === 1 && text.startsWith('\ufeff') ? 1 : 0);
  return { line, column };
};

describe('parseJsonSource on generated texts', () => {
  it('reads what JSON.parse reads and locates every value where the text has it', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { text, offsets } = generate(seed);
      const source = parseJsonSource(text);
      if (!source.ok) throw new Error(`seed ${seed}: ${source.error.message}`);
      expect(source.value, `seed ${seed}`).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
      expect(source.duplicates).toEqual([]);
      for (const [pointer, offset] of offsets) {
        expect(source.locate(pointer), `seed ${seed} ${pointer}`).toEqual(where(text, offset));
        expect(source.locate(`${pointer}/missing`)).toBeUndefined();
        expect(source.locateNearest(`${pointer}/missing/deeper`)).toEqual(where(text, offset));
      }
    }
  });

  it('finds a repeated key wherever it is, also among colons in strings and escaped colons', () => {
    const cases = [
      '{"a": "1:2:3", "b": {"c": 1, "c": 2}}',
      '{"u": "\\u003a", "a": 1, "a": 2}',
      '{"u:v": "x", "k": [{"k": 1}, {"k": 1, "k": 1}]}',
      // A key that ends in an escaped backslash ends in a quote all the same: miscounting it would hide "b".
      '{"a\\\\": 1, "b": 2, "b": 3}',
      '{"a\\\\" : 1, "b" : 2, "b" : 3}',
      '{"k": "x\\":y", "k": "\\\\\\":"}',
    ];
    for (const text of cases) {
      const source = parseJsonSource(text);
      expect(source.ok && source.duplicates.length, text).toBe(1);
    }
    const escaped = parseJsonSource('{"\\u003a": 1, ":": 2}');
    expect(escaped.ok && escaped.duplicates.map((d) => d.key)).toEqual([':']);
    expect(parseJsonSource('{"\\u003a": "\\u003A", "a": 1}')).toMatchObject({ ok: true, duplicates: [] });
  });

  it('refuses, deep in a valid text, the numbers and nesting the full parser refuses', () => {
    const deep = `{"a": [${'['.repeat(600)}${']'.repeat(600)}]}`;
    for (const [text, message] of [
      ['{"a": {"b": [1, 2, 12345678901234567890]}}', 'number 12345678901234567890 cannot be kept exactly'],
      ['{"a": {"b": [1, 2, -1e999]}}', 'number -1e999 cannot be kept exactly'],
      [deep, 'nesting deeper than 512 levels'],
    ] as const) {
      const source = parseJsonSource(text);
      expect(source.ok ? 'parsed' : source.error.message).toBe(message);
    }
    const kept = parseJsonSource('[1e20, 1.5e300, 9007199254740991]');
    expect(kept.ok && kept.value).toEqual([1e20, 1.5e300, 9007199254740991]);
  });
});
