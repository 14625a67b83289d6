import { quote } from './quote.ts';

// Parsing a URL costs more than the rest of this check, and a registry's thousands of links share a few
// origins. Whether a URL parses at all is decided by its scheme and authority (the path, query and
// fragment are percent-encoded, never refused), so each distinct "scheme://authority" is parsed once.
const ORIGIN = /^[A-Za-z][A-Za-z\d+.-]*:\/\/[^/?#\\\s]+(?=[/?#]|$)/;

/** The origins of one run's links, each parsed once. */
export class ParsedOrigins {
  readonly urls = new Map<string, URL | undefined>();
  // One field's links mostly follow one another with one origin (every review link is Gerrit's): a text that
  // continues the last origin found with "/", "?", "#" or nothing is ORIGIN's match as well, without a search.
  private last = '';
  private lastUrl: URL | undefined;

  /** What the text's "scheme://authority" parses to (the whole text's parse when it has none). */
  of(text: string): URL | undefined {
    const length = this.last.length;
    if (length > 0 && text.startsWith(this.last)) {
      const next = text.charCodeAt(length);
      // "/", "?", "#", or the end
      if (next === 47 || next === 63 || next === 35 || Number.isNaN(next)) return this.lastUrl;
    }
    const origin = ORIGIN.exec(text)?.[0];
    const key = origin ?? text;
    if (!this.urls.has(key)) this.urls.set(key, parse(key));
    const url = this.urls.get(key);
    if (origin !== undefined) [this.last, this.lastUrl] = [origin, url];
    return url;
  }
}

/** Why `text` is not an http(s) URL, or undefined when it is one. `origins` memoizes them for a run. */
export function urlProblem(text: string, origins = new ParsedOrigins()): string | undefined {
  if (text.trim() === '') return 'is empty';
  const url = origins.of(text);
  if (url === undefined) return `${quote(text)} is not an absolute URL`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${quote(text)} uses "${url.protocol}", not http or https`;
  if (text !== text.trim()) return `${quote(text)} has surrounding spaces`;
  return undefined;
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}
