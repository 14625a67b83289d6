import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { evidenceSinceHead, HandEditError } from '../../backend/update/commit-content.ts';
import { ACME_CI, driver, registry } from '../helpers/update-fixtures.ts';

const record = {
  ci_result: true,
  review_url: 'https://review.example/c/openstack/cinder/+/5',
  change_number: 5,
  patch_set: 1,
  branch: 'stable/2024.1',
  ci_id: 'acme-ci',
  comment: '- acme-iscsi https://ci/1 : SUCCESS',
  timestamp: '2024-05-01T10:00:00Z',
};

describe('evidenceSinceHead', () => {
  it('lists the evidence a commit adds, scan state alone adding none', () => {
    const head = formatRegistry(registry());
    const scanned = registry([driver({ verification: { Caracal: record } })]);
    scanned.scan_state = { gerrit_url: 'https://review.example', projects: {} };
    expect(evidenceSinceHead('d.json', head, formatRegistry(scanned))).toMatchObject([
      { driver: 'openstack/cinder:Acme:Acme iSCSI', release: 'Caracal', kind: 'verified' },
    ]);
    const stateOnly = { ...registry(), scan_state: scanned.scan_state };
    expect(evidenceSinceHead('d.json', head, formatRegistry(stateOnly))).toEqual([]);
  });

  it('refuses any other edit, naming where it is', () => {
    const head = formatRegistry(registry());
    const edited = registry([driver({ ci: { ...ACME_CI, success_pattern: 'SUCCESS' } })]);
    expect(() => evidenceSinceHead('d.json', head, formatRegistry(edited))).toThrow(HandEditError);
    expect(() => evidenceSinceHead('d.json', head, formatRegistry(edited))).toThrow(
      'first at /drivers/0/ci/success_pattern',
    );
  });
});
