import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../../backend/update/apply.ts';
import { commitMessage } from '../../backend/update/commit-message.ts';

const change = (kind: RecordChange['kind'], name: string, release = 'Caracal'): RecordChange => ({
  driver: `openstack/cinder:Acme:${name}`,
  vendor: 'Acme',
  name,
  project: 'openstack/cinder',
  release,
  kind,
  ...(kind === 'dropped'
    ? {}
    : {
        record: {
          ci_result: kind !== 'failing',
          review_url: 'https://r/c/openstack/cinder/+/5',
          change_number: 5,
          patch_set: 1,
          branch: 'stable/2024.1',
          ci_id: 'acme-ci',
          comment: 'x',
          timestamp: '2024-05-01T00:00:00Z',
        },
      }),
});

describe('commitMessage', () => {
  it('names a single change in the subject', () => {
    expect(commitMessage([change('verified', 'iSCSI')])).toBe(
      'cinder: Acme iSCSI passes on Caracal\n\n- cinder: Acme iSCSI passes on Caracal (https://r/c/openstack/cinder/+/5)\n',
    );
  });

  it('counts drivers when there are several, and lists every change in the body', () => {
    const message = commitMessage([
      change('verified', 'iSCSI'),
      change('verified', 'iSCSI', 'Dalmatian'),
      change('verified', 'FC'),
      change('failing', 'NVMe'),
      change('updated', 'RBD'),
    ]);
    expect(message.split('\n')[0]).toBe('Update CI evidence: 2 drivers newly verified, 1 newly failing');
    expect(message.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(5);
  });

  it('says when only the scan state moved', () => {
    expect(commitMessage([])).toBe('Update CI scan state\n');
  });

  it('says when only runs changed (a late run older than the record), and names records when they changed too', () => {
    expect(commitMessage([], true)).toBe('Update recent CI runs\n');
    expect(commitMessage([change('verified', 'iSCSI')], true)).toBe(
      commitMessage([change('verified', 'iSCSI')]),
    );
  });
});
