import { describe, expect, it } from 'vitest';
import { GerritError } from '../../backend/gerrit/errors.ts';
import { JsonArrayReader, jsonArrayElements } from '../../backend/gerrit/json-array-stream.ts';

const request = { method: 'GET', url: 'https://review.example.org/changes/?q=status:merged' };

/** Every element the reader finds in `body` fed as `chunks`, or the error it throws. */
function read(chunks: Uint8Array[]): unknown[] {
  const reader = new JsonArrayReader(request);
  const out: unknown[] = [];
  for (const chunk of chunks) out.push(...reader.push(chunk));
  reader.end();
  return out;
}

function failure(body: string): GerritError {
  try {
    read([Buffer.from(body)]);
  } catch (error) {
    expect(error).toBeInstanceOf(GerritError);
    return error as GerritError;
  }
  throw new Error(`no error for ${body}`);
}

const tricky = [
  {
    _number: 1,
    subject: 'brackets ] } [ { in a string',
    messages: [{ message: 'a "quoted" \\ back\\slash' }],
  },
  { _number: 2, subject: 'Unicode: é ü 中文 😀', nested: [[1, [2]], { a: { b: [] } }], empty: {} },
  'a top-level string with ] and ,',
  42.5e3,
  -7,
  true,
  null,
  [],
  { _number: 3, escaped: '\u0000\n\t\u2028 \\"', _more_changes: true },
];
const body = `)]}'\n[ ${tricky.map((value) => JSON.stringify(value)).join(' ,\n ')} ]\n`;

describe('JsonArrayReader', () => {
  it('yields each element of the array as JSON.parse would read it', () => {
    expect(read([Buffer.from(body)])).toEqual(tricky);
    expect(read([Buffer.from(")]}'\n[]")])).toEqual([]);
    expect(read([Buffer.from(")]}'[1,2]")])).toEqual([1, 2]);
  });

  it('whatever the chunk boundaries, multi-byte characters and escapes included', () => {
    const bytes = Buffer.from(body);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(tricky);
    }
    const byByte = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(read(byByte)).toEqual(tricky);
  });

  it('hands out an element as soon as its last byte arrives, before the array ends', () => {
    const reader = new JsonArrayReader(request);
    expect(reader.push(Buffer.from(`)]}'\n[{"_number":1},{"_num`))).toEqual([{ _number: 1 }]);
    expect(reader.push(Buffer.from(`ber":2}`))).toEqual([{ _number: 2 }]);
    expect(reader.push(Buffer.from(`,7`))).toEqual([]);
    expect(reader.push(Buffer.from(`]`))).toEqual([7]);
    reader.end();
  });

  it("calls a body without )]}' what it probably is, and shows its start", () => {
    const html = '<!DOCTYPE html><html><head><title>Sign in</title></head>' + 'x'.repeat(500);
    const error = failure(html);
    expect(error.code).toBe('NO_PREFIX');
    expect(error.message).toContain('not a Gerrit REST response — often a login or proxy page');
    expect(error.message).toContain('<title>Sign in</title>');
    expect(error.bodyStart).toBe(html.slice(0, 200));
    expect(failure(')]}').code).toBe('NO_PREFIX');
    expect(failure('').code).toBe('NO_PREFIX');
  });

  it.each([
    [`)]}'\n{"_number":1}`, 'expected a JSON array'],
    [`)]}'\n[{"_number":1},{"_number":2`, 'the body ends after 32 bytes, inside its JSON array'],
    [`)]}'\n[1,2`, 'the body ends after 9 bytes, inside its JSON array'],
    [`)]}'\n[1,2] [3]`, 'text after the end of the JSON array'],
    [`)]}'\n[{"a":1} {"b":2}]`, 'expected , or ] between the elements'],
    [`)]}'\n[1,,2]`, 'a JSON array with an empty element'],
    [`)]}'\n[1,]`, 'a JSON array with an empty element'],
    [
      `)]}'\n[{"_number": 1, oops}]`,
      'an element of the JSON array is not valid JSON: "{"_number": 1, oops}"',
    ],
    [`)]}'\n[tru]`, 'an element of the JSON array is not valid JSON: "tru"'],
  ])('BAD_JSON for %j', (text, message) => {
    const error = failure(text);
    expect(error.code).toBe('BAD_JSON');
    expect(error.message).toContain(`GET ${request.url} failed: ${message}`);
    expect(error.message).toContain(`(the body starts: "`);
    expect(error.bodyStart).toBe(text.slice(0, 200));
  });
});

describe('jsonArrayElements', () => {
  it('reads an async stream of chunks', async () => {
    async function* chunks() {
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const out: unknown[] = [];
    for await (const value of jsonArrayElements(chunks(), request)) out.push(value);
    expect(out).toEqual(tricky);
  });
});
