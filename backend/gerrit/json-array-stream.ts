import { GerritError, bodyExcerpt } from './errors.ts';
import { JSON_PREFIX } from './response.ts';

export interface RequestLabel {
  method: string;
  url: string;
}

const PREFIX = Buffer.from(JSON_PREFIX);
const HEAD_BYTES = 200;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

type Phase = 'prefix' | 'open' | 'first' | 'value' | 'after' | 'element' | 'done';

/**
 * Splits a `)]}'`-prefixed JSON array into its elements as the bytes arrive, and parses each on its own:
 * a page of any size costs the memory of its largest element, never the page's text. Only the array's
 * own structure is checked here; JSON.parse checks each element.
 */
export class JsonArrayReader {
  private phase: Phase = 'prefix';
  private matched = 0;
  /** The body's first bytes, copied (a view would keep the whole first chunk alive), for error messages. */
  private head = Buffer.alloc(0);
  private total = 0;
  private parts: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The element is a number or a literal: it ends at the first delimiter. */
  private bare = false;
  private readonly decoder = new TextDecoder();

  constructor(private readonly request: RequestLabel) {}

  /** The elements this chunk completes, parsed, in order. */
  push(chunk: Uint8Array): unknown[] {
    this.total += chunk.length;
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    const out: unknown[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.phase === 'element') {
        i = this.scanElement(chunk, i, out);
        continue;
      }
      const byte = chunk[i]!;
      if (this.phase === 'prefix') {
        if (byte !== PREFIX[this.matched]) throw this.noPrefix();
        if (++this.matched === PREFIX.length) this.phase = 'open';
        i++;
        continue;
      }
      if (isSpace(byte)) {
        i++;
        continue;
      }
      i = this.structural(i, byte);
    }
    return out;
  }

  /** The body ended: it must have closed the array. */
  end(): void {
    if (this.phase === 'prefix') throw this.noPrefix();
    if (this.phase !== 'done') {
      throw this.badJson(`the body ends after ${this.total} bytes, inside its JSON array`);
    }
  }

  /** The body's first 200 bytes, as text, for error messages. */
  headText(): string {
    return new TextDecoder().decode(this.head);
  }

  private structural(i: number, byte: number): number {
    switch (this.phase) {
      case 'open':
        if (byte !== OPEN_BRACKET) throw this.badJson('expected a JSON array');
        this.phase = 'first';
        return i + 1;
      case 'first':
      case 'value':
        if (byte === CLOSE_BRACKET && this.phase === 'first') {
          this.phase = 'done';
          return i + 1;
        }
        if (byte === COMMA || byte === CLOSE_BRACKET)
          throw this.badJson('a JSON array with an empty element');
        this.startElement(byte);
        return i;
      case 'after':
        if (byte === COMMA) this.phase = 'value';
        else if (byte === CLOSE_BRACKET) this.phase = 'done';
        else throw this.badJson('expected , or ] between the elements of the JSON array');
        return i + 1;
      default:
        throw this.badJson('text after the end of the JSON array');
    }
  }

  private startElement(byte: number): void {
    this.phase = 'element';
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.bare = byte !== OPEN_BRACE && byte !== OPEN_BRACKET && byte !== QUOTE;
  }

  // The hot loop: every byte of every change passes here once. Inside strings, which hold most of the
  // bytes, it jumps from one quote or backslash to the next with a native search.
  private scanElement(chunk: Uint8Array, start: number, out: unknown[]): number {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const length = bytes.length;
    let { depth, inString, escaped } = this;
    let i = start;
    // The next backslash at or after i, -1 for none left in this chunk: searched again only once passed,
    // so a chunk without backslashes is searched once, not once per string.
    let backslash = bytes.indexOf(BACKSLASH, i);
    while (i < length) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        const quote = bytes.indexOf(QUOTE, i);
        if (backslash !== -1 && backslash < i) backslash = bytes.indexOf(BACKSLASH, i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          escaped = true;
          i = backslash + 1;
          continue;
        }
        if (quote === -1) {
          i = length;
          break;
        }
        inString = false;
        i = quote + 1;
        if (depth === 0) return this.finish(chunk, start, i, out);
        continue;
      }
      const byte = bytes[i]!;
      if (this.bare) {
        if (byte === COMMA || byte === CLOSE_BRACKET || isSpace(byte))
          return this.finish(chunk, start, i, out);
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (--depth === 0) return this.finish(chunk, start, i + 1, out);
      }
      i++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.parts.push(chunk.subarray(start));
    return length;
  }

  private finish(chunk: Uint8Array, start: number, end: number, out: unknown[]): number {
    this.parts.push(chunk.subarray(start, end));
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.phase = 'after';
    const text = this.decoder.decode(bytes);
    try {
      out.push(JSON.parse(text));
    } catch (error) {
      throw this.badJson(`an element of the JSON array is not valid JSON: "${bodyExcerpt(text)}"`, error);
    }
    return end;
  }

  private noPrefix(): GerritError {
    const head = this.headText();
    return new GerritError(
      `not a Gerrit REST response — often a login or proxy page (the body does not start with ${JSON_PREFIX}); it starts: "${bodyExcerpt(head)}"`,
      { code: 'NO_PREFIX', ...this.request, bodyStart: head },
    );
  }

  private badJson(message: string, cause?: unknown): GerritError {
    const head = this.headText();
    return new GerritError(`${message} (the body starts: "${bodyExcerpt(head, 80)}")`, {
      code: 'BAD_JSON',
      ...this.request,
      bodyStart: head,
      cause,
    });
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The parsed elements of a `)]}'`-prefixed JSON array arriving as `chunks`, one at a time. */
export async function* jsonArrayElements(
  chunks: AsyncIterable<Uint8Array>,
  request: RequestLabel,
): AsyncGenerator<unknown> {
  const reader = new JsonArrayReader(request);
  for await (const chunk of chunks) {
    for (const element of reader.push(chunk)) yield element;
  }
  reader.end();
}
