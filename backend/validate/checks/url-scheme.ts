import { appendPointer, pointerOf } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';
import { ParsedOrigins, urlProblem } from '../../common/url-problem.ts';

// These links are rendered on the dashboard: anything but an absolute http(s) URL is either broken
// (relative, typo) or dangerous (javascript:, data:).
export const urlScheme: Check = {
  id: 'url-scheme',
  description: 'Wiki, review and vendor links are absolute http or https URLs.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    // One set of origins per field: each field's links follow one another with one origin.
    const origins = new Map<string, ParsedOrigins>();
    // The pointer is a function, made only for a problem: validate reads every record of the evidence.
    const check = (owner: unknown, key: string, pointer: string | ((key: string) => string)): void => {
      if (!isRecord(owner) || typeof owner[key] !== 'string') return;
      const text = owner[key];
      let parsed = origins.get(key);
      if (parsed === undefined) origins.set(key, (parsed = new ParsedOrigins()));
      const problem = urlProblem(text, parsed);
      if (!problem) return;
      // An empty link is only missing information; a wrong one is broken or dangerous.
      const empty = text.trim() === '';
      problems.push({
        check: 'url-scheme',
        severity: empty ? 'warning' : 'error',
        pointer: typeof pointer === 'string' ? appendPointer(pointer, key) : pointer(key),
        message: `${key} ${problem}`,
        hint: empty
          ? `link the page, or remove the empty "${key}"`
          : 'write an absolute link starting with https:// (or http://)',
      });
    };
    for (const release of listOf(data, 'releases') ?? []) check(release.value, 'wiki', release.pointer);
    for (const vendor of listOf(data, 'vendors') ?? []) check(vendor.value, 'url', vendor.pointer);
    for (const driver of listOf(data, 'drivers') ?? []) {
      check(driver.value, 'wiki', driver.pointer);
      const verification = driver.value.verification;
      if (!isRecord(verification)) continue;
      for (const release in verification) {
        const record = verification[release];
        if (!isRecord(record)) continue;
        const at = (...keys: string[]) =>
          pointerOf('drivers', driver.index, 'verification', release, ...keys);
        check(record, 'review_url', at);
        check(record.last_success, 'review_url', (key) => at('last_success', key));
      }
    }
    return problems;
  },
};
