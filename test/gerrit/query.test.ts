import { describe, expect, it } from 'vitest';
import { changeUrl } from '../../backend/gerrit/change-url.ts';
import { currentPatchSet } from '../../backend/gerrit/current-patch-set.ts';
import { buildChangeQuery } from '../../backend/gerrit/query.ts';
import type { ChangeInfo } from '../../backend/gerrit/types.ts';

describe('buildChangeQuery', () => {
  it('quotes the UTC time for after:', () => {
    const after = Date.UTC(2024, 4, 9, 16, 41, 7, 250);
    expect(buildChangeQuery({ project: 'openstack/cinder', status: 'merged', after })).toBe(
      'project:openstack/cinder status:merged after:"2024-05-09 16:41:07"',
    );
    expect(buildChangeQuery({ project: 'openstack/nova', branch: 'stable/2024.1' })).toBe(
      'project:openstack/nova branch:stable/2024.1',
    );
  });
});

describe('changeUrl', () => {
  it('builds the page people open', () => {
    expect(changeUrl('https://review.opendev.org/', 'openstack/cinder', 912345)).toBe(
      'https://review.opendev.org/c/openstack/cinder/+/912345',
    );
  });
});

describe('currentPatchSet', () => {
  const base = {
    id: 'x',
    project: 'p',
    branch: 'master',
    change_id: 'I1',
    subject: 's',
    status: 'MERGED',
  } as const;
  const change = (extra: Partial<ChangeInfo>): ChangeInfo => ({
    ...base,
    created: '',
    updated: '',
    _number: 1,
    owner: { _account_id: 1 },
    ...extra,
  });

  it('prefers current_revision_number, else the current revision entry', () => {
    expect(currentPatchSet(change({ current_revision_number: 4 }))).toBe(4);
    expect(
      currentPatchSet(
        change({ current_revision: 'abc', revisions: { abc: { _number: 3 }, def: { _number: 2 } } }),
      ),
    ).toBe(3);
    expect(currentPatchSet(change({}))).toBeUndefined();
    expect(currentPatchSet(change({ current_revision: 'zzz', revisions: {} }))).toBeUndefined();
  });
});
