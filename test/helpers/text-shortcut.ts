import { expect } from 'vitest';
import { parseJsonSource, type JsonSource } from '../../backend/json/source.ts';
import { checkPattern } from '../../backend/validate/checked-pattern.ts';
import type { Check, CheckContext } from '../../backend/validate/checks/index.ts';

/** A check's context for a parsed text, as validate builds it. */
export function contextOf(source: JsonSource): CheckContext {
  return { source, data: source.ok ? source.value : undefined, now: 0, compile: checkPattern };
}

/**
 * Holds a check that answers from the text when it can to what its walk of every value reports, over `count`
 * generated texts. `walkText` is a text that makes the check walk; `lookAlike` tells a text that a naive search
 * would take for one with a problem. Returns how many texts had problems, and how many look-alikes were quiet.
 */
export function expectShortcutAgreesWithWalk(
  check: Check,
  generate: () => string,
  {
    count = 3000,
    walkText,
    lookAlike,
  }: { count?: number; walkText: string; lookAlike: (text: string) => boolean },
): { reported: number; quiet: number } {
  let reported = 0;
  let quiet = 0;
  for (let i = 0; i < count; i++) {
    const source = parseJsonSource(generate());
    if (!source.ok) throw new Error('the generator wrote no JSON');
    const found = check.run(contextOf(source));
    expect(found).toEqual(check.run(contextOf({ ...source, text: walkText })));
    if (found.length > 0) reported++;
    else if (lookAlike(source.text)) quiet++;
  }
  return { reported, quiet };
}
