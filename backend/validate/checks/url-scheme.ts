import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';

// These links are rendered on the dashboard: anything but an absolute http(s) URL is either broken
// (relative, typo) or dangerous (javascript:, data:).
export const urlScheme: Check = {
  id: 'url-scheme',
  description: 'Wiki and review links are absolute http or https URLs.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const check = (owner: unknown, pointer: string, key: string): void => {
      if (!isRecord(owner) || typeof owner[key] !== 'string') return;
      const text = owner[key];
      const problem = urlProblem(text);
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

/** Why `text` is not an http(s) URL, or undefined when it is one. */
export function urlProblem(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    if (error instanceof TypeError) return `${JSON.stringify(text)} is not an absolute URL`;
    throw error;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${JSON.stringify(text)} uses "${url.protocol}", not http or https`;
  if (text !== text.trim()) return `${JSON.stringify(text)} has surrounding spaces`;
  return undefined;
}
