import { describe, expect, it } from 'vitest';
import { CiPatternError, compileCi, matchComment, verdictLines } from '../../backend/ci/match-comment.ts';
import type { Ci } from '../../backend/model/types.ts';

/** A block with patterns, compiled as update compiles it. */
function patterns(block: Ci) {
  const compiled = compileCi(block);
  if (compiled.kind !== 'patterns') throw new Error('expected a block read by its patterns');
  return compiled;
}

const ci = patterns({ id: 'acme-ci', success_pattern: 'acme .* : SUCCESS', failure_pattern: ': FAILURE' });

describe('matchComment', () => {
  it('excludes the Patch Set header, so a vote line cannot decide', () => {
    const votes = patterns({ id: 'x', success_pattern: 'Verified\\+1', failure_pattern: 'Verified-1' });
    expect(matchComment('Patch Set 3: Verified+1\n\nBuild failed.\n', votes)).toBeUndefined();
    expect(verdictLines('Patch Set 3: Verified+1\n\nBuild failed.\n\n')).toEqual(['Build failed.']);
  });

  it('keeps a first line that is not a Patch Set header', () => {
    expect(matchComment('- acme https://x : SUCCESS\n', ci)).toEqual({
      result: true,
      line: '- acme https://x : SUCCESS',
      judgedBy: 'patterns',
    });
  });

  it('lets the first matching line decide, success tried before failure on each line', () => {
    const text = 'Patch Set 1:\n\n- acme https://x : SUCCESS\n- other https://y : FAILURE\n';
    expect(matchComment(text, ci)).toMatchObject({ result: true });
    const reversed = 'Patch Set 1:\n\n- other https://y : FAILURE\n- acme https://x : SUCCESS\n';
    expect(matchComment(reversed, ci)).toMatchObject({ result: false, line: '- other https://y : FAILURE' });
    const both = patterns({ id: 'x', success_pattern: 'done', failure_pattern: 'done' });
    expect(matchComment('Patch Set 1:\n\n  done  \n', both)).toEqual({
      result: true,
      line: 'done',
      judgedBy: 'patterns',
    });
  });

  it('is case-sensitive and unanchored', () => {
    expect(matchComment('Patch Set 1:\n\n- acme x : success\n', ci)).toBeUndefined();
    expect(matchComment('Patch Set 1:\n\nprefix - acme x : SUCCESS suffix\n', ci)?.result).toBe(true);
  });

  it('says which pattern does not compile', () => {
    expect(() => compileCi({ id: 'x', success_pattern: 'ok', failure_pattern: '(' })).toThrow(CiPatternError);
    expect(() => compileCi({ id: 'x', success_pattern: 'ok', failure_pattern: '(' })).toThrow(
      /failure_pattern/,
    );
    expect(() => compileCi({ id: 'x', jobs: ['acme-.*', 'b('] })).toThrow(/ci\.jobs does not compile: "b\("/);
  });

  it('reads a block without both patterns as a Zuul report, restricted to its jobs when it has them', () => {
    expect(compileCi({ id: 'x' })).toEqual({ kind: 'zuul' });
    expect(compileCi({ wiki_name: 'Acme_CI', jobs: ['acme-.*'] })).toMatchObject({
      kind: 'zuul',
      jobs: [{}],
    });
  });
});
