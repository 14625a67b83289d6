import { DriverlogError } from '../common/errors.ts';
import { pointerOf } from './pointer.ts';
import { positionFinder, type Position } from './position.ts';

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

/** Thrown inside the parser only: parseJsonSource turns it into a value (`ok: false`). */
export class JsonSyntaxError extends DriverlogError {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(
      `${problem.position.line}:${problem.position.column}: ${problem.message}`,
      'JSON_SYNTAX',
      'problems',
    );
  }
}

// Speed matters (a CLI parses a few MB cold, before the JIT warms up), so the parser keeps only plain
// offsets, per container, keyed by member: no pointer string and no position object per value, which
// tripled the time (mostly garbage collection). Lines are counted only when a position is asked for,
// and the hot scans (whitespace, string bodies) are sticky regexes, which run natively even when cold.

/** Member offsets of one object (by key) or array (by index). */
export type Children = Map<string, number> | number[];

const MAX_DEPTH = 512;
const SPACE = /[ \t\n\r]*/y;
// Control characters are exactly what JSON forbids unescaped in strings, so the class must name them.
// eslint-disable-next-line no-control-regex
const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export class Parser {
  readonly children = new Map<object, Children>();
  root = 0;
  readonly duplicates: DuplicateKey[] = [];
  /** Keys from the root to the value being parsed: pointers are only built for the rare duplicate. */
  private readonly path: Array<string | number> = [];
  private pos = 0;
  private readonly position: (offset: number) => Position;

  constructor(private readonly text: string) {
    // Editors save a byte order mark invisibly; it is not content, so skip it rather than fail.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.position = positionFinder(text);
  }

  parseDocument(): unknown {
    this.skipSpace();
    this.root = this.pos;
    const value = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(
        `unexpected ${this.describeHere()} after the end of the JSON value`,
        'remove it, or wrap the values in an array or object',
      );
    }
    return value;
  }

  private here(): Position {
    return this.position(this.pos);
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
    SPACE.lastIndex = this.pos;
    SPACE.test(this.text);
    this.pos = SPACE.lastIndex;
  }

  private parseValue(depth: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.parseObject(depth);
    if (c === 91) return this.parseArray(depth);
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
    if (this.pos >= this.text.length) {
      const empty = this.text.trim().replace(/^\ufeff/, '') === '';
      this.fail(
        'unexpected end of input: expected a value',
        empty
          ? 'the file is empty: a registry is an object, {"projects": [], "drivers": []}'
          : 'the file looks truncated',
      );
    }
    if (rest.startsWith("'"))
      this.fail('unexpected "\'": expected a value', 'JSON strings use double quotes');
    if (rest.startsWith('/'))
      this.fail("unexpected '/': expected a value", 'JSON has no comments; remove them');
    if (/^(?:NaN|-?Infinity|undefined)/.test(rest)) {
      this.fail(`unexpected '${rest.match(/^-?[A-Za-z]+/)![0]}': not a JSON value`, 'use null, or a number');
    }
    this.fail(
      `unexpected ${this.describeHere()}: expected a value`,
      'a value is an object, array, "string", number, true, false or null',
    );
  }

  private parseObject(depth: number): Record<string, unknown> {
    if (depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, 'flatten the data');
    const object: Record<string, unknown> = {};
    const children = new Map<string, number>();
    this.children.set(object, children);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34) this.failKeyExpected();
      const keyOffset = this.pos;
      const key = this.parseString();
      const first = children.get(key);
      if (first !== undefined) {
        this.duplicates.push({
          pointer: pointerOf(...this.path, key),
          key,
          position: this.position(keyOffset),
          first: this.position(first),
        });
      }
      children.set(key, keyOffset);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) {
        this.fail(
          `unexpected ${this.describeHere()}: expected ':' after property name "${key}"`,
          'write "name": value',
        );
      }
      this.pos++;
      this.skipSpace();
      this.path.push(key);
      const value = this.parseValue(depth + 1);
      this.path.pop();
      // A plain assignment of "__proto__" would set the prototype instead of a property.
      if (key === '__proto__')
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
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
    if (c === '}')
      this.fail("unexpected '}': expected a property name after ','", 'remove the trailing comma');
    if (c === "'") this.fail('unexpected "\'": expected a property name', 'property names use double quotes');
    if (c !== undefined && /[A-Za-z_$]/.test(c)) {
      this.fail(`unexpected '${c}': expected a property name in double quotes`, 'quote the property name');
    }
    if (c === '/') this.fail("unexpected '/': expected a property name", 'JSON has no comments; remove them');
    if (c === undefined)
      this.fail('unexpected end of input: expected a property name', 'the file looks truncated');
    this.fail(`unexpected ${this.describeHere()}: expected a property name`, 'write "name": value');
  }

  private parseArray(depth: number): unknown[] {
    if (depth >= MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, 'flatten the data');
    const array: unknown[] = [];
    const children: number[] = [];
    this.children.set(array, children);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return array;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) === 93)
        this.fail("unexpected ']': expected a value after ','", 'remove the trailing comma');
      children.push(this.pos);
      this.path.push(array.length);
      array.push(this.parseValue(depth + 1));
      this.path.pop();
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
    const start = this.pos + 1;
    PLAIN_STRING.lastIndex = start;
    PLAIN_STRING.test(this.text);
    const end = PLAIN_STRING.lastIndex;
    if (this.text.charCodeAt(end) === 34) {
      this.pos = end + 1;
      return this.text.slice(start, end);
    }
    return this.parseEscapedString(start, end);
  }

  private parseEscapedString(start: number, from: number): string {
    const text = this.text;
    const parts = [text.slice(start, from)];
    let pos = from;
    for (;;) {
      const c = text.charCodeAt(pos);
      this.pos = pos;
      if (Number.isNaN(c))
        this.fail('unexpected end of input: unterminated string', 'close the string with "');
      if (c === 34) break;
      if (c < 32) {
        this.fail(
          c === 10 || c === 13
            ? 'line break inside a string'
            : `control character U+${c.toString(16).padStart(4, '0')} inside a string`,
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
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          this.fail(
            'invalid \\u escape: expected four hex digits',
            'write \\u followed by four hex digits, e.g. \\u00e9',
          );
        parts.push(String.fromCharCode(parseInt(hex, 16)));
        pos += 6;
      } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
        parts.push(ESCAPES[escape]);
        pos += 2;
      } else {
        this.fail(
          `invalid escape '\\${escape ?? ''}' in string`,
          'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write a backslash as \\\\',
        );
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
    if (
      !match ||
      match[0] === '-' ||
      (next >= 48 && next <= 57) ||
      next === 46 ||
      next === 101 ||
      next === 69
    ) {
      this.fail(
        `invalid number '${this.text.slice(this.pos, this.pos + 12).match(/^[-+.\deE]*/)![0]}'`,
        'JSON numbers have no leading zeros, no trailing dot, and digits after "." and "e"',
      );
    }
    const value = Number(match[0]);
    // A number a double cannot hold would be rewritten by `driverlog format` (1e400 as null, a huge
    // integer rounded), silently changing the data: refuse it here, where its position is known.
    if (!Number.isFinite(value) || (!Number.isSafeInteger(value) && /^-?\d+$/.test(match[0]))) {
      this.fail(
        `number ${match[0].length > 24 ? `${match[0].slice(0, 24)}…` : match[0]} cannot be kept exactly`,
        'write it as a "string", or as a number between -9007199254740991 and 9007199254740991',
      );
    }
    this.pos = end;
    return value;
  }
}

const LITERALS: Array<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
