import { describe, expect, it } from 'vitest';
import { planScan } from '../../backend/update/plan.ts';
import { ciFingerprint, releasesFingerprint } from '../../backend/update/fingerprint.ts';
import type { Registry } from '../../backend/model/types.ts';
import { ACME_CI, driver, registry, RELEASES } from '../helpers/update-fixtures.ts';

const URL = 'https://review.example';
const SINCE = Date.parse('2024-01-01T00:00:00Z');

function scanned(value: Registry, unknown: string[] = []): Registry {
  return {
    ...value,
    scan_state: {
      gerrit_url: URL,
      projects: {
        'openstack/cinder': { updated: '2024-06-01 10:00:00.500000000', since: '2024-01-01T00:00:00Z' },
      },
      ci_fingerprints: Object.fromEntries(
        value.drivers.map((d) => [`${d.project_id}:${d.vendor}:${d.name}`, ciFingerprint(d.ci!)]),
      ),
      releases_fingerprint: releasesFingerprint(RELEASES),
      ...(unknown.length ? { unknown_ci_accounts: unknown } : {}),
    },
  };
}

describe('planScan', () => {
  it('scans each Gerrit project once for all its drivers, repo before project_id', () => {
    const plan = planScan(
      registry([driver(), driver({ name: 'B' }), driver({ name: 'C', repo: 'x/acme-plugin' })]),
      URL,
      SINCE,
    );
    expect(plan.projects.map((p) => [p.project, p.drivers.length, p.full])).toEqual([
      ['openstack/cinder', 2, true],
      ['x/acme-plugin', 1, true],
    ]);
  });

  it('continues from the saved position (to the second, inclusive) and looks no account up', () => {
    const [project] = planScan(scanned(registry()), URL, SINCE).projects;
    expect(project).toMatchObject({
      full: false,
      reason: 'incremental',
      after: Date.parse('2024-06-01T10:00:00.500Z'),
    });
    expect(project?.drivers[0]?.lookupAccount).toBe(false);
  });

  it('never starts before --since, and rescans when the window starts earlier than what was covered', () => {
    expect(planScan(scanned(registry()), URL, Date.parse('2024-07-01T00:00:00Z')).projects[0]?.after).toBe(
      Date.parse('2024-07-01T00:00:00Z'),
    );
    expect(planScan(scanned(registry()), URL, Date.parse('2023-06-01T00:00:00Z')).projects[0]).toMatchObject({
      full: true,
      reason: 'window starts earlier',
    });
  });

  it('rescans for a changed ci block, changed releases or another Gerrit', () => {
    const changed = scanned(registry());
    changed.drivers[0]!.ci = { ...ACME_CI, success_pattern: 'other' };
    const [project] = planScan(changed, URL, SINCE).projects;
    expect(project).toMatchObject({ full: true, reason: 'new or changed ci block' });
    expect(project?.drivers[0]).toMatchObject({ ciChanged: true, lookupAccount: true });

    const releases = scanned(registry());
    releases.releases = [
      ...RELEASES,
      { id: 'Flamingo', wiki: 'w', start: '2025-10-01', branch: 'stable/2025.2' },
    ];
    expect(planScan(releases, URL, SINCE).projects[0]?.reason).toBe('releases changed');
    expect(planScan(scanned(registry()), 'https://other.example', SINCE).projects[0]).toMatchObject({
      full: true,
      reason: 'Gerrit URL changed',
    });
  });

  it('looks up again an account that was unknown last time', () => {
    expect(
      planScan(scanned(registry(), ['acme-ci']), URL, SINCE).projects[0]?.drivers[0]?.lookupAccount,
    ).toBe(true);
  });

  it('drops the records of a driver whose ci block is gone', () => {
    const removed = scanned(registry());
    delete removed.drivers[0]!.ci;
    const plan = planScan(removed, URL, SINCE);
    expect(plan.ciRemoved).toEqual([0]);
    expect(plan.projects).toEqual([]);
  });
});
