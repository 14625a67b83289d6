import { appendPointer } from './json-pointer.ts';

// JSON.parse gives neither positions nor duplicate keys, and both matter here: every problem must
// say file:line:column, and the original data file really did carry duplicate keys that JSON.parse
// silently resolved to the last one. This is a small single-pass parser that records both.

/** 1-based line and column (the column counts UTF-16 code units, as editors' "column" usually does). */
export interface Position {
  line: number;
  column: number;
}

export interface DuplicateKey {
  /** Pointer of the repeated member; its value (the last one) is the one kept, as JSON.parse does. */
  pointer: string;
  key: string;
  position: Position;
  first: Position;
}

export interface JsonSyntaxProblem {
  position: Position;
  message: string;
  hint: string;
}

export type JsonSource =
  | {
      ok: true;
      value: unknown;
      /** Pointer → where it starts: the key for object members, the value itself otherwise. */
      locations: Map<string, Position>;
      duplicates: DuplicateKey[];
    }
  | { ok: false; error: JsonSyntaxProblem };

export function parseJsonSource(text: string): JsonSource {
  const parser = new Parser(text);
  try {
    const value = parser.parseDocument();
    return { ok: true, value, locations: parser.locations, duplicates: parser.duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.problem };
    throw error;
  }
}

export class JsonSyntaxError extends Error {
  readonly code = 'JSON_SYNTAX';
  constructor(readonly problem: JsonSyntaxProblem) {
    super(`${problem.position.line}:${problem.position.column}: ${problem.message}`);
    this.name = 'JsonSyntaxError';
  }
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  readonly locations = new Map<string, Position>();
  readonly duplicates: DuplicateKey[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {
    // Editors save a byte order mark invisibly; it is not content, so skip it rather than fail.
    if (text.charCodeAt(0) === 0xfeff) this.pos = this.lineStart = 1;
  }

  parseDocument(): unknown {
    this.skipSpace();
    const value = this.parseValue('', 0);
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`, 'remove it, or wrap the values in an array or object');
    }
    return value;
  }

  private here(): Position {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private fail(message: string, hint: string): never {
    throw new JsonSyntaxError({ position: this.here(), message, hint });
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of input';
    const char = this.text[this.pos]!;
    return char === '\n' || char === '\r' ? 'line break' : `'${char}'`;
  }

  private skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 13) pos++;
      else if (c === 10) {
        pos++;
        this.line++;
        this.lineStart = pos;
      } else break;
    }
    this.pos = pos;
  }

  private parseValue(pointer: string, depth: number): unknown {
    if (pointer === '') this.locations.set('', this.here());
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.parseObject(pointer, depth);
    if (c === 91) return this.parseArray(pointer, depth);
    if (c === 34) return this.parseString();
    if (c === 45 || (c >= 48 && c <= 57)) return this.parseNumber();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    this.failValueExpected();
  }

  private failValueExpected(): never {
    const rest = this.text.slice(this.pos, this.pos + 9);
    if (this.pos >= this.text.length) this.fail('unexpected end of input: expected a value', 'the file looks truncated');
    if (rest.startsWith("'")) this.fail("unexpected \"'\": expected a value", 'JSON strings use double quotes');
    if (rest.startsWith('/')) this.fail("unexpected '/': expected a value", 'JSON has no comments; remove them');
    if (/^(?:NaN|-?Infinity|undefined)/.test(rest)) {
      this.fail(`unexpected '${rest.match(/^-?[A-Za-z]+/)![0]}': not a JSON value`, 'use null, or a number');
    }
    this.fail(`unexpected ${this.describeHere()}: expected a value`, 'a value is an object, array, "string", number, true, false or null');
  }

  private parseObject(pointer: string, depth: number): Record<string, unknown> {
    if (depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, 'flatten the data');
    const object: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34) this.failKeyExpected();
      const keyPosition = this.here();
      const key = this.parseString();
      const child = appendPointer(pointer, key);
      if (Object.hasOwn(object, key)) {
        this.duplicates.push({ pointer: child, key, position: keyPosition, first: this.locations.get(child)! });
      }
      this.locations.set(child, keyPosition);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) {
        this.fail(`unexpected ${this.describeHere()}: expected ':' after property name "${key}"`, 'write "name": value');
      }
      this.pos++;
      this.skipSpace();
      const value = this.parseValue(child, depth + 1);
      // A plain assignment of "__proto__" would set the prototype instead of a property.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 125) return object;
      if (c !== 44) {
        this.pos--;
        this.fail(
          `unexpected ${this.describeHere()}: expected ',' or '}' after the value of "${key}"`,
          this.pos >= this.text.length ? 'the file looks truncated' : 'separate members with commas',
        );
      }
      this.skipSpace();
    }
  }

  private failKeyExpected(): never {
    const c = this.text[this.pos];
    if (c === '}') this.fail("unexpected '}': expected a property name after ','", 'remove the trailing comma');
    if (c === "'") this.fail('unexpected "\'": expected a property name', 'property names use double quotes');
    if (c !== undefined && /[A-Za-z_$]/.test(c)) {
      this.fail(`unexpected '${c}': expected a property name in double quotes`, 'quote the property name');
    }
    if (c === '/') this.fail("unexpected '/': expected a property name", 'JSON has no comments; remove them');
    if (c === undefined) this.fail('unexpected end of input: expected a property name', 'the file looks truncated');
    this.fail(`unexpected ${this.describeHere()}: expected a property name`, 'write "name": value');
  }

  private parseArray(pointer: string, depth: number): unknown[] {
    if (depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, 'flatten the data');
    const array: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return array;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) === 93) this.fail("unexpected ']': expected a value after ','", 'remove the trailing comma');
      const child = `${pointer}/${array.length}`;
      this.locations.set(child, this.here());
      array.push(this.parseValue(child, depth + 1));
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 93) return array;
      if (c !== 44) {
        this.pos--;
        this.fail(
          `unexpected ${this.describeHere()}: expected ',' or ']' after item ${array.length - 1}`,
          this.pos >= this.text.length ? 'the file looks truncated' : 'separate items with commas',
        );
      }
      this.skipSpace();
    }
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 92 || c < 32 || Number.isNaN(c)) break;
      pos++;
    }
    return this.parseEscapedString(start, pos);
  }

  private parseEscapedString(start: number, from: number): string {
    const text = this.text;
    const parts = [text.slice(start, from)];
    let pos = from;
    for (;;) {
      const c = text.charCodeAt(pos);
      this.pos = pos;
      if (Number.isNaN(c)) this.fail('unexpected end of input: unterminated string', 'close the string with "');
      if (c === 34) break;
      if (c < 32) {
        this.fail(
          c === 10 || c === 13 ? 'line break inside a string' : `control character U+${c.toString(16).padStart(4, '0')} inside a string`,
          'close the string with " or escape the character (e.g. \\n)',
        );
      }
      if (c !== 92) {
        parts.push(text[pos]!);
        pos++;
        continue;
      }
      const escape = text[pos + 1];
      if (escape === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape: expected four hex digits', 'write \\u followed by four hex digits, e.g. \\u00e9');
        parts.push(String.fromCharCode(parseInt(hex, 16)));
        pos += 6;
      } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
        parts.push(ESCAPES[escape]);
        pos += 2;
      } else {
        this.fail(`invalid escape '\\${escape ?? ''}' in string`, 'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write a backslash as \\\\');
      }
    }
    this.pos = pos + 1;
    return parts.join('');
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    const end = match ? this.pos + match[0].length : this.pos;
    const next = this.text.charCodeAt(end);
    if (!match || match[0] === '-' || (next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69) {
      this.fail(`invalid number '${this.text.slice(this.pos, this.pos + 12).match(/^[-+.\deE]*/)![0]}'`, 'JSON numbers have no leading zeros, no trailing dot, and digits after "." and "e"');
    }
    this.pos = end;
    return Number(match[0]);
  }
}

const LITERALS: Array<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
