import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../backend/ci/pattern.ts';
import { redosShapes } from '../../backend/ci/redos-shape.ts';
import { firstChars, parseRegexTree, type StepMeter } from '../../backend/ci/regex-tree.ts';
import { random } from '../helpers/random.ts';

// The analysis reads patterns from pull requests: it must end on any text, in work proportional to the
// text's length. The meter counts its steps; a budget of STEPS_PER_CHAR per character turns a loop that
// makes no progress, or quadratic work, into a thrown error instead of a hung test.
const STEPS_PER_CHAR = 24;
const budget = (pattern: string): StepMeter => ({ steps: 0, limit: STEPS_PER_CHAR * (pattern.length + 1) });

function analyse(pattern: string): { steps: number } {
  const meter = budget(pattern);
  parseRegexTree(pattern, meter);
  redosShapes(pattern, meter);
  return { steps: meter.steps };
}

// Pieces of RE2 syntax, whole and broken: what a fuzzer needs to reach every branch of the parser.
const TOKENS = [
  ...'ab:-^$.|()[]{},*+?\\',
  '[:',
  ':]',
  '[[:a]',
  '[:alpha:]',
  '[^',
  '\\]',
  '\\p{',
  '\\pL',
  '\\x4',
  '\\S',
  '(?:',
  '(?i)',
  '(?P<n>',
  '{0,3}',
  '{2,}',
  '{1',
  ' SUCCESS',
  'ok',
];

function generate(next: () => number, length: number): string {
  let pattern = '';
  while (pattern.length < length) pattern += TOKENS[Math.floor(next() * TOKENS.length)];
  return pattern;
}

describe('parseRegexTree and redosShapes', () => {
  it.each(['acme-job [[:a] (ok)+ SUCCESS', '[[:a][\\]]{0,3}()*', '[:', '[[:', '[[:]', ')))(((', '\\'])(
    'end on %j, which once looped for ever',
    (pattern) => {
      expect(analyse(pattern).steps).toBeGreaterThan(0);
    },
  );

  it('reads "[:" without ":]" as characters, the way RE2 does', () => {
    const tree = parseRegexTree('[[:a]');
    if (tree.type !== 'char') throw new Error(`expected one character class, got ${tree.type}`);
    expect([...':[a'].every((c) => tree.set[c.charCodeAt(0)] === 1)).toBe(true);
    expect(tree.set['b'.charCodeAt(0)]).toBe(0);
    expect(compilePattern('[[:a]').ok).toBe(true);
  });

  it('still reads named classes', () => {
    const { set } = firstChars(parseRegexTree('[[:digit:]]x'));
    expect(set['5'.charCodeAt(0)]).toBe(1);
  });

  it('stays within its step budget on 20,000 generated patterns', () => {
    const next = random(13);
    let worst = { pattern: '', perChar: 0 };
    for (let i = 0; i < 20_000; i++) {
      const pattern = generate(next, Math.floor(next() * 48));
      let steps: number;
      try {
        ({ steps } = analyse(pattern));
      } catch (error) {
        throw new Error(`${JSON.stringify(pattern)}: ${(error as Error).message}`, { cause: error });
      }
      const perChar = steps / (pattern.length + 1);
      if (perChar > worst.perChar) worst = { pattern, perChar };
    }
    expect(worst.perChar).toBeLessThanOrEqual(STEPS_PER_CHAR);
  });

  it.each([
    ['a 100 KB literal', 'a'.repeat(100_000)],
    ['100 KB of generated syntax', generate(random(9), 100_000)],
    [
      '50,000 alternatives under a star',
      `(${Array.from({ length: 50_000 }, (_, i) => (i % 2 ? 'a?' : 'b')).join('|')})*`,
    ],
    ['groups nested as deep as RE2 allows', '('.repeat(1000) + 'a+' + ')+'.repeat(1000)],
    ['groups nested deeper than RE2 allows', '('.repeat(100_000) + 'a' + ')*'.repeat(100_000)],
    ['100,000 stacked quantifiers', 'a' + '*'.repeat(100_000)],
    ['many repeated groups', '(a+)+'.repeat(20_000)],
    ['hex escapes', '\\x41'.repeat(25_000) + '(a|a)*'],
  ])('stays linear on %s', (_, pattern) => {
    expect(analyse(pattern).steps).toBeLessThanOrEqual(STEPS_PER_CHAR * (pattern.length + 1));
  });

  it('reports at most three shapes, however many the pattern has', () => {
    expect(redosShapes('(a+)+'.repeat(20_000))).toHaveLength(3);
  });
});
