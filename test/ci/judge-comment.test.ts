import { describe, expect, it } from 'vitest';
import { judgeComment, type JudgeContext } from '../../backend/ci/judge-comment.ts';
import { compileCi } from '../../backend/ci/match-comment.ts';
import { createReleaseMapper } from '../../backend/ci/release-map.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../../backend/gerrit/types.ts';
import { ACME_CI, RELEASES, fail, pass } from '../helpers/update-fixtures.ts';

const driver = { ci: compileCi(ACME_CI) };
const since = Date.parse('2024-05-01T00:00:00Z');
const context: JudgeContext = { since, mapRelease: createReleaseMapper(RELEASES) };

function change(overrides: Partial<ChangeInfo> = {}): ChangeInfo {
  return {
    id: 'x',
    project: 'openstack/cinder',
    branch: 'stable/2024.1',
    change_id: 'I1',
    subject: 's',
    status: 'MERGED',
    created: '2024-05-01 00:00:00.000000000',
    updated: '2024-05-02 00:00:00.000000000',
    _number: 7,
    current_revision_number: 2,
    ...overrides,
  } as ChangeInfo;
}

function message(date: string, patchSet: number | undefined, body = pass()): ChangeMessageInfo {
  return {
    id: 'm',
    date,
    message: `Patch Set ${patchSet ?? 1}:\n\n${body}`,
    ...(patchSet === undefined ? {} : { _revision_number: patchSet }),
  };
}

const kinds = (j: ReturnType<typeof judgeComment>) => j.reasons.map((reason) => reason.kind);

describe('judgeComment', () => {
  it('counts a matching comment on the final patch set of a merged change, for its release', () => {
    const judged = judgeComment(change(), message('2024-05-01 10:00:00.000000000', 2), driver, context);
    expect(judged.reasons).toEqual([]);
    expect(judged.release).toBe('Caracal');
    expect(judged.verdict?.result).toBe(true);
    const failing = judgeComment(
      change(),
      message('2024-05-01 10:00:00.000000000', 2, fail()),
      driver,
      context,
    );
    expect(failing.verdict?.result).toBe(false);
    expect(failing.reasons).toEqual([]);
  });

  it('gives every reason a comment does not count, when asked for all', () => {
    const all = { ...context, allReasons: true };
    const judged = judgeComment(
      change({ status: 'NEW', branch: 'feature/x' }),
      message('2024-04-30 23:59:59.999000000', 1, 'Build succeeded.'),
      driver,
      all,
    );
    expect(kinds(judged)).toEqual([
      'not-merged',
      'not-final-patch-set',
      'before-window',
      'no-line-matched',
      'no-release',
    ]);
    const unmapped = judgeComment(
      change({ branch: 'feature/x' }),
      message('2024-05-02 00:00:00', 2),
      driver,
      all,
    );
    expect(unmapped.reasons).toEqual([{ kind: 'no-release', branch: 'feature/x' }]);
  });

  it('stops at the first reason otherwise, without searching the patterns', () => {
    const judged = judgeComment(
      change({ status: 'ABANDONED' }),
      message('2024-05-02 00:00:00', 2),
      driver,
      context,
    );
    expect(kinds(judged)).toEqual(['not-merged']);
    expect(judged.verdict).toBeUndefined();
  });

  it('never counts a comment when Gerrit names no final patch set, or the comment has no patch set', () => {
    const unknown = change({ current_revision_number: undefined });
    expect(kinds(judgeComment(unknown, message('2024-05-02 00:00:00', 2), driver, context))).toEqual([
      'final-patch-set-unknown',
    ]);
    const unnamed = judgeComment(change(), message('2024-05-02 00:00:00', undefined), driver, context);
    expect(unnamed.reasons).toEqual([{ kind: 'not-final-patch-set', finalPatchSet: 2 }]);
  });

  it('starts the window at its first millisecond, and ends it at `until` when given', () => {
    expect(
      judgeComment(change(), message('2024-05-01 00:00:00.000000000', 2), driver, context).reasons,
    ).toEqual([]);
    const late = { ...context, until: Date.parse('2024-06-01T00:00:00Z') };
    expect(kinds(judgeComment(change(), message('2024-06-01 00:00:01', 2), driver, late))).toEqual([
      'after-now',
    ]);
    expect(judgeComment(change(), message('2024-06-01 00:00:00', 2), driver, late).reasons).toEqual([]);
  });

  it('without a release mapper (no registry), the branch is not held against a comment', () => {
    const judged = judgeComment(change({ branch: 'feature/x' }), message('2024-05-02 00:00:00', 2), driver, {
      since,
      mapRelease: undefined,
    });
    expect(judged.reasons).toEqual([]);
    expect(judged.release).toBeUndefined();
  });
});
