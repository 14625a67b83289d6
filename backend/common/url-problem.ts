import { quote } from './quote.ts';

// Parsing a URL costs more than the rest of this check, and a registry's thousands of links share a few
// origins. Whether a URL parses at all is decided by its scheme and authority (the path, query and
// fragment are percent-encoded, never refused), so each distinct "scheme://authority" is parsed once.
const ORIGIN = /^[A-Za-z][A-Za-z\d+.-]*:\/\/[^/?#\\\s]+(?=[/?#]|$)/;

/** Why `text` is not an http(s) URL, or undefined when it is one. `parsed` memoizes origins for a run. */
export function urlProblem(text: string, parsed = new Map<string, URL | undefined>()): string | undefined {
  if (text.trim() === '') return 'is empty';
  const origin = ORIGIN.exec(text)?.[0] ?? text;
  if (!parsed.has(origin)) parsed.set(origin, parse(origin));
  const url = parsed.get(origin);
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
