import { describe, expect, it } from 'vitest';
import { parseJsonSource } from '../../backend/json/source.ts';

const error = (text: string) => {
  const result = parseJsonSource(text);
  if (result.ok) throw new Error(`expected a syntax error in ${JSON.stringify(text)}`);
  return result.error;
};

describe('parseJsonSource', () => {
  it('reads what JSON.parse reads', () => {
    const text =
      '{"a": [1, -2.5e3, true, false, null, "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"], "b": {}, "c": [], "__proto__": 1}';
    const result = parseJsonSource(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('says where truncated input ended and what was expected', () => {
    expect(error('{\n  "drivers": [\n    {"name": "x"},\n')).toMatchObject({
      position: { line: 4, column: 1 },
      message: 'unexpected end of input: expected a value',
    });
    expect(error('{"a": [1, 2')).toMatchObject({
      position: { line: 1, column: 12 },
      message: "unexpected end of input: expected ',' or ']' after item 1",
      hint: 'the file looks truncated',
    });
    expect(error('{"a": "abc')).toMatchObject({
      position: { line: 1, column: 11 },
      message: 'unexpected end of input: unterminated string',
    });
  });

  it('explains the usual mistakes', () => {
    expect(error('{\n  "a": 1,\n}')).toMatchObject({
      position: { line: 3, column: 1 },
      hint: 'remove the trailing comma',
    });
    expect(error('[1, 2,]')).toMatchObject({
      position: { line: 1, column: 7 },
      hint: 'remove the trailing comma',
    });
    expect(error("{'a': 1}").hint).toBe('property names use double quotes');
    expect(error('{a: 1}').message).toBe("unexpected 'a': expected a property name in double quotes");
    expect(error('{"a": 1 "b": 2}').message).toBe(
      "unexpected '\"': expected ',' or '}' after the value of \"a\"",
    );
    expect(error('{"a" 1}').message).toBe("unexpected '1': expected ':' after property name \"a\"");
    expect(error('{"a": 01}').message).toBe("invalid number '01'");
    expect(error('{"a": NaN}').message).toBe("unexpected 'NaN': not a JSON value");
    expect(error('{"a": "x\ny"}').message).toBe('line break inside a string');
    expect(error('{"a": "\\q"}').message).toBe("invalid escape '\\q' in string");
    expect(error('// c\n{}').hint).toBe('JSON has no comments; remove them');
    expect(error('{} {}')).toMatchObject({
      position: { line: 1, column: 4 },
      message: "unexpected '{' after the end of the JSON value",
    });
    expect(error('')).toMatchObject({ position: { line: 1, column: 1 } });
    expect(error(' \n').hint).toMatch(/^the file is empty/);
  });

  it('refuses numbers a rewrite would change, and keeps those it would not', () => {
    expect(error('{\n  "a": 1e400}')).toMatchObject({
      position: { line: 2, column: 8 },
      message: 'number 1e400 cannot be kept exactly',
    });
    expect(error('[12345678901234567890]').message).toBe(
      'number 12345678901234567890 cannot be kept exactly',
    );
    expect(error('[-9007199254740992]').hint).toMatch(/write it as a "string"/);
    const kept = parseJsonSource('[9007199254740991, -9007199254740991, 1e300, 1.5]');
    expect(kept.ok && kept.value).toEqual([9007199254740991, -9007199254740991, 1e300, 1.5]);
  });

  it('reports every repeated key at its second occurrence, keeping the last value like JSON.parse', () => {
    const result = parseJsonSource('{\n  "a": 1,\n  "b": {"x": 1, "y/z": 2, "y/z": 3},\n  "a": 4\n}');
    if (!result.ok) throw new Error('parse failed');
    expect(result.value).toEqual({ a: 4, b: { x: 1, 'y/z': 3 } });
    expect(result.duplicates).toEqual([
      { pointer: '/b/y~1z', key: 'y/z', position: { line: 3, column: 27 }, first: { line: 3, column: 17 } },
      { pointer: '/a', key: 'a', position: { line: 4, column: 3 }, first: { line: 2, column: 3 } },
    ]);
  });

  it('does not take equal keys in different objects for duplicates', () => {
    const result = parseJsonSource('[{"a": 1}, {"a": 2}, {"ci": {"id": 1}, "ci": {"id": 2}}]');
    expect(result.ok && result.duplicates.map((d) => d.pointer)).toEqual(['/2/ci']);
  });

  it('locates keys of members and values of items, and falls back to the nearest ancestor', () => {
    const result = parseJsonSource(
      '\ufeff{\n  "drivers": [\n    {\n      "ci": {"id": "x"}\n    }\n  ]\n}\n',
    );
    if (!result.ok) throw new Error('parse failed');
    expect(result.locate('')).toEqual({ line: 1, column: 1 });
    expect(result.locate('/drivers')).toEqual({ line: 2, column: 3 });
    expect(result.locate('/drivers/0')).toEqual({ line: 3, column: 5 });
    expect(result.locate('/drivers/0/ci/id')).toEqual({ line: 4, column: 14 });
    expect(result.locate('/drivers/0/ci/failure_pattern')).toBeUndefined();
    expect(result.locateNearest('/drivers/0/ci/failure_pattern')).toEqual({ line: 4, column: 7 });
    expect(result.locate('/drivers/1')).toBeUndefined();
    expect(result.locate('/drivers/01')).toBeUndefined();
  });

  it('refuses nesting deep enough to overflow the stack, as a syntax error', () => {
    expect(error('['.repeat(100_000)).message).toBe('nesting deeper than 512 levels');
  });
});
