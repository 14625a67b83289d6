import { describe, expect, it } from 'vitest';
import { parseJsonSource } from '../../../backend/json/source.ts';
import { publishedEmail } from '../../../backend/validate/checks/published-email.ts';
import { random } from '../../helpers/random.ts';
import { contextOf as context, expectShortcutAgreesWithWalk } from '../../helpers/text-shortcut.ts';

// published-email skips its walk of every value when the text has no '@' outside `email` members. Over texts that
// write keys, addresses and spaces every way JSON can, it must report exactly what the walk reports.
const KEYS = ['email', 'name', 'x"email', 'emails', 'notes', 'Email'];
const STRINGS = ['plain', 'ci@acme.example', 'jane.doe@acme.example', 'a "quoted" @ sign', 'no at here'];

/** A JSON text of random members, each key and '@' written plainly or escaped, with random spaces. */
function text(next: () => number, depth = 0): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const string = (value: string) =>
    JSON.stringify(value)
      .replace(/@/g, () => (next() < 0.3 ? '\\u0040' : '@'))
      .replace(/^"email"$/, (whole) => (next() < 0.3 ? '"em\\u0061il"' : whole));
  const space = () => pick(['', ' ', '\n  ', '\t']);
  const value = (): string =>
    depth < 3 && next() < 0.3
      ? text(next, depth + 1)
      : next() < 0.2
        ? `[${string(pick(STRINGS))}]`
        : string(pick(STRINGS));
  const members = Array.from(
    { length: 1 + Math.floor(next() * 4) },
    () => `${string(pick(KEYS))}${space()}:${space()}${value()}`,
  );
  return `{${members.join(',')}}`;
}

describe('published-email', () => {
  it('reports what a walk of every value reports, whatever the text', () => {
    const next = random(7);
    const { reported, quiet } = expectShortcutAgreesWithWalk(publishedEmail, () => text(next), {
      // An '@' in the text makes the check walk: the reference.
      walkText: '@',
      lookAlike: (written) => written.includes('@') || written.includes('\\u0040'),
    });
    expect(reported).toBeGreaterThan(500);
    expect(quiet).toBeGreaterThan(100);
  });

  it('keeps an address private under an email key written with an escape', () => {
    const source = parseJsonSource('{"maintainers": [{"em\\u0061il": "jane@acme.example"}]}');
    expect(publishedEmail.run(context(source))).toEqual([]);
  });
});
