import { describe, expect, it } from 'vitest';
import { GENERIC_CI_LINES } from '../../backend/ci/generic-ci-lines.ts';
import { compilePattern, searchLine } from '../../backend/ci/pattern.ts';
import { lineSet } from '../../backend/validate/accepted-pattern.ts';
import { parsePlainPattern } from '../../backend/validate/plain-pattern.ts';
import { random } from '../helpers/random.ts';

// Validation judges plain patterns without RE2; the batch job runs them in RE2. The two must agree on
// every pattern the fast path takes: RE2 accepts it, and matches exactly the same lines.

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

// Each piece of a pattern with a text it matches, so that lines that match reach the automaton too.
const PATTERN_PIECES: ReadonlyArray<readonly [string, string]> = [
  ...[...'ab :-_1'].map((char) => [char, char] as const),
  ['.', 'y'],
  ['\\S', 'x'],
  ['\\s', ' '],
  ['\\d', '7'],
  ['\\D', '-'],
  ['\\w', 'w'],
  ['\\W', ':'],
  ['\\.', '.'],
  ['\\:', ':'],
  ['\\_', '_'],
  ['\\ ', ' '],
  ['\\t', '\t'],
  ['\\v', '\u000b'],
  ['\\\\', '\\'],
  ['\\$', '$'],
  ['\\^', '^'],
  ['\\*', '*'],
  ['\\+', '+'],
  ['\\-', '-'],
  ['*', ''],
  ['+', ''],
  ['?', ''],
  ['*?', ''],
  ['+?', ''],
  ['??', ''],
  ['^', ''],
  ['$', ''],
  ['{', '{'],
  ['é', 'é'],
  ['😀', '😀'],
  ['SUCCESS', 'SUCCESS'],
  ['job-a', 'job-a'],
];
const LINE_PIECES = [...'ab :-_1.\t\n\u000b\u00a0é', '😀', 'SUCCESS', 'job-a', 'job-a https://x/1 : SUCCESS'];

function generate(next: () => number, pieces: readonly string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(next, pieces);
  return text;
}

/** A pattern, and a line made of what each of its pieces matches. */
function generatePattern(next: () => number, length: number): { source: string; sample: string } {
  let source = '';
  let sample = '';
  for (let i = 0; i < length; i++) {
    const [piece, text] = pick(next, PATTERN_PIECES);
    source += piece;
    sample += text;
  }
  return { source, sample };
}

describe('parsePlainPattern', () => {
  it('agrees with RE2 on 4,000 generated patterns, each over 40 lines and as the first match of a set', () => {
    const next = random(2024);
    let plain = 0;
    let matched = 0;
    let found = 0;
    for (let i = 0; i < 4000; i++) {
      const { source, sample } = generatePattern(next, 1 + Math.floor(next() * 8));
      const fast = parsePlainPattern(source);
      if (!fast) continue;
      plain++;
      const compiled = compilePattern(source);
      expect(compiled, source).toMatchObject({ ok: true });
      if (!compiled.ok) continue;
      const lines = [
        '',
        sample,
        `${sample}${sample}`,
        `- ${sample} : SUCCESS`,
        ...GENERIC_CI_LINES.map((line) => line.text),
        ...Array.from({ length: 20 }, () => generate(next, LINE_PIECES, Math.floor(next() * 12))),
      ];
      for (const line of lines) {
        const expected = searchLine(compiled.regex, line);
        if (expected && line !== '') matched++;
        expect(fast.test(line), `${JSON.stringify(source)} on ${JSON.stringify(line)}`).toBe(expected);
      }
      // find() rules a set out by one search of its joined text: it must pick what testing each line picks.
      for (const set of [lineSet(lines.map((text) => ({ text }))), lineSet(GENERIC_CI_LINES)]) {
        const first = set.lines.find((line) => searchLine(compiled.regex, line.text));
        if (first !== undefined && set.lines !== GENERIC_CI_LINES) found++;
        expect(fast.find(set), JSON.stringify(source)).toBe(first);
      }
    }
    // The generator must exercise the fast path, not only the fallback, and lines that match.
    expect(plain).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(1000);
  });

  it.each([
    '(a)',
    'a|b',
    '[ab]',
    'a{2}',
    'a**',
    'a*+',
    '*a',
    'a^b',
    'a$b',
    '\\p{L}',
    '\\x41',
    '\\1',
    '\\',
    '\ud83d',
  ])('leaves %j to RE2', (source) => {
    expect(parsePlainPattern(source)).toBeUndefined();
  });

  it('takes the patterns vendors write', () => {
    const pattern = parsePlainPattern('^- acme-tempest-iscsi \\S+ : SUCCESS');
    expect(pattern?.test('- acme-tempest-iscsi https://ci.acme.example/1 : SUCCESS in 1h')).toBe(true);
    expect(pattern?.test('- acme-tempest-iscsi https://ci.acme.example/1 : FAILURE in 1h')).toBe(false);
  });
});
