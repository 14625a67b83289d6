import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';
import { quote } from '../quote.ts';

// These links are rendered on the dashboard: anything but an absolute http(s) URL is either broken
// (relative, typo) or dangerous (javascript:, data:).
export const urlScheme: Check = {
  id: 'url-scheme',
  description: 'Wiki, review and vendor links are absolute http or https URLs.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const parsed = new Map<string, URL | undefined>();
    const check = (owner: unknown, pointer: string, key: string): void => {
      if (!isRecord(owner) || typeof owner[key] !== 'string') return;
      const text = owner[key];
      const problem = urlProblem(text, parsed);
      if (!problem) return;
      // An empty link is only missing information; a wrong one is broken or dangerous.
      const empty = text.trim() === '';
      problems.push({
        check: 'url-scheme',
        severity: empty ? 'warning' : 'error',
        pointer: appendPointer(pointer, key),
        message: `${key} ${problem}`,
        hint: empty
          ? `link the page, or remove the empty "${key}"`
          : 'write an absolute link starting with https:// (or http://)',
      });
    };
    for (const release of listOf(data, 'releases') ?? []) check(release.value, release.pointer, 'wiki');
    for (const vendor of listOf(data, 'vendors') ?? []) check(vendor.value, vendor.pointer, 'url');
    for (const driver of listOf(data, 'drivers') ?? []) {
      check(driver.value, driver.pointer, 'wiki');
      const verification = driver.value.verification;
      if (!isRecord(verification)) continue;
      for (const [release, record] of Object.entries(verification)) {
        const pointer = appendPointer(`${driver.pointer}/verification`, release);
        check(record, pointer, 'review_url');
        if (isRecord(record)) check(record.last_success, `${pointer}/last_success`, 'review_url');
      }
    }
    return problems;
  },
};

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
