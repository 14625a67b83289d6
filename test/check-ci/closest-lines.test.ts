import { describe, expect, it } from 'vitest';
import { closestLines, patternWords } from '../../backend/check-ci/closest-lines.ts';

describe('closestLines', () => {
  it("takes a regex's literal words, not its syntax", () => {
    expect(patternWords('acme-iscsi \\S+ : (SUCCESS|PASSED)[.]?')).toEqual([
      'acme',
      'iscsi',
      'success',
      'passed',
    ]);
  });

  it('ranks lines by the share of pattern words they contain', () => {
    const lines = [
      'Build succeeded.',
      '- acme-iscsi https://ci/1 :SUCCESS in 1h',
      '- acme-fc https://ci/2 : FAILURE',
    ];
    const ranked = closestLines(lines, {
      success_pattern: 'acme-iscsi \\S+ : SUCCESS',
      failure_pattern: 'acme-iscsi \\S+ : FAILURE',
    });
    expect(ranked[0]).toMatchObject({
      line: '- acme-iscsi https://ci/1 :SUCCESS in 1h',
      pattern: 'success_pattern',
      score: 1,
    });
    expect(ranked.map((r) => r.line)).not.toContain('Build succeeded.');
    // The SUCCESS line also shares words with the failure pattern: listed once, not twice.
    expect(ranked.map((r) => r.line)).toEqual([
      '- acme-iscsi https://ci/1 :SUCCESS in 1h',
      '- acme-fc https://ci/2 : FAILURE',
    ]);
  });
});
