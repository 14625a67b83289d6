import { ci, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    // Once hinted about possessive quantifiers, because of the "}+".
    check: 'pattern-syntax',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-\\p{Nope}+ \\S+ : SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /is not a valid RE2 pattern: invalid character class range: `\\p\{Nope\}`/,
    hint: /^RE2 knows no Unicode class \\p\{Nope\}: use a category or script it knows, e\.g\. \\p\{L\}/,
  },
  {
    check: 'pattern-syntax',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-iscsi a++ : SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /invalid nested repetition operator/,
    hint: /no possessive quantifiers/,
  },
];
