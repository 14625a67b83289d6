import { describe, expect, it } from 'vitest';
import { auditRegistry } from '../../backend/audit/audit-registry.ts';
import type { AuditKind } from '../../backend/audit/finding.ts';
import type { Registry } from '../../backend/model/types.ts';
import { AS_OF, daysBefore, driver, inMatrix, record, registry, runs } from './audit-fixtures.ts';

const audit = (value: Registry, silentDays = 30) => auditRegistry(value, { asOf: AS_OF, silentDays });
const ofKind = (value: Registry, kind: AuditKind) => audit(value).findings.filter((f) => f.kind === kind);

describe('auditRegistry: scope', () => {
  it('audits the active releases and the one in development at --as-of', () => {
    const report = audit(registry([]));
    expect(report.releases).toEqual(['Caracal', 'Dalmatian', 'Epoxy']);
    expect(report.development_release).toBe('Epoxy');
    expect(report.as_of).toBe('2025-03-01T00:00:00Z');
    // A later "now" moves development on: the audit depends on --as-of, not on the clock.
    expect(
      auditRegistry(registry([]), { asOf: Date.parse('2025-05-01T00:00:00Z'), silentDays: 30 }).releases,
    ).toEqual(['Caracal', 'Dalmatian', 'Flamingo']);
  });
});

describe('silent', () => {
  const lastRun = (daysAgo: number) =>
    registry([driver({ verification: { Caracal: record(runs([true, true, true], daysAgo)) } })]);

  it('is a CI whose newest counting comment is older than --silent-days, with the date of its last report', () => {
    expect(ofKind(lastRun(31), 'silent')).toEqual([
      expect.objectContaining({
        kind: 'silent',
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI',
        ci_id: 'acme-ci',
        last_report: daysBefore(31),
        days_since_report: 31,
        review_url: 'https://review.example.org/c/openstack/cinder/+/5000',
      }),
    ]);
  });

  it('is not a CI that reported 29 days ago', () => {
    expect(ofKind(lastRun(29), 'silent')).toEqual([]);
  });

  it('follows --silent-days', () => {
    expect(audit(lastRun(29), 28).findings.map((f) => f.kind)).toContain('silent');
  });

  it('counts the newest comment over every release, runs in recent included', () => {
    const value = registry([
      driver({
        verification: {
          Bobcat: record(runs([true], 2), 'stable/2023.2'),
          Caracal: record(runs([true], 90)),
        },
      }),
    ]);
    expect(ofKind(value, 'silent')).toEqual([]);
    // The record's own fields say 40 days, a run in its recent says 3 (a late comment on an older change).
    const late = record(runs([true], 40));
    late.recent = [
      ...runs([true], 40),
      { timestamp: daysBefore(3), change_number: 1, patch_set: 1, ci_result: true },
    ];
    expect(ofKind(registry([driver({ verification: { Caracal: late } })]), 'silent')).toEqual([]);
  });

  it('is a CI that never reported, with last_report null and a link to its comments', () => {
    const value = registry([driver({ verification: {} })], {
      scan_state: { gerrit_url: 'https://review.example.org', projects: {} },
    });
    expect(ofKind(value, 'silent')).toEqual([
      expect.objectContaining({
        last_report: null,
        search_url: 'https://review.example.org/q/project:openstack/cinder+commentby:acme-ci',
      }),
    ]);
  });

  it('is never a driver without a ci block', () => {
    const { ci: _ci, ...noCi } = driver({ verification: {} });
    expect(ofKind(registry([noCi]), 'silent')).toEqual([]);
  });
});

describe('failing', () => {
  const withRuns = (results: boolean[]) =>
    registry([driver({ verification: { Caracal: record(runs(results)) } })]);

  it('is a release whose newest 3 runs all failed', () => {
    expect(ofKind(withRuns([false, false, false, true, true, true, true]), 'failing')).toEqual([
      expect.objectContaining({ release: 'Caracal', rule: 'newest-3-failed', runs: 7, passed: 4 }),
    ]);
  });

  it('is not a release whose newest 2 runs failed and the third passed', () => {
    expect(ofKind(withRuns([false, false, true, true, true]), 'failing')).toEqual([]);
  });

  it('needs 3 runs for the streak', () => {
    expect(ofKind(withRuns([false, false]), 'failing')).toEqual([]);
  });

  it('is a release where fewer than half of 5 or more runs passed', () => {
    expect(ofKind(withRuns([true, false, true, false, false]), 'failing')).toEqual([
      expect.objectContaining({ rule: 'fewer-than-half-passed', runs: 5, passed: 2 }),
    ]);
  });

  it('is not a release where half passed, nor one with only 4 runs', () => {
    expect(ofKind(withRuns([true, false, true, false, true, false]), 'failing')).toEqual([]);
    expect(ofKind(withRuns([true, false, false, true]), 'failing')).toEqual([]);
  });

  it('reads runs in time order whatever order the file has them in', () => {
    const shuffled = runs([false, false, false, true, true]).reverse();
    expect(
      ofKind(registry([driver({ verification: { Caracal: record(shuffled) } })]), 'failing'),
    ).toHaveLength(1);
  });

  it('looks only at audited releases', () => {
    const value = registry([
      driver({ verification: { Bobcat: record(runs([false, false, false]), 'stable/2023.2') } }),
    ]);
    expect(ofKind(value, 'failing')).toEqual([]);
  });
});

describe('claim-without-evidence', () => {
  it('is an audited release the driver claims with no record for it', () => {
    const value = registry([driver({ releases: ['Bobcat', 'Caracal', 'Dalmatian'] })]);
    expect(ofKind(value, 'claim-without-evidence')).toEqual([
      expect.objectContaining({ release: 'Dalmatian', ci_id: 'acme-ci' }),
    ]);
  });

  it('is not a claimed release with a record, nor an old release', () => {
    const value = registry([driver({ releases: ['Bobcat', 'Caracal'] })]);
    expect(ofKind(value, 'claim-without-evidence')).toEqual([]);
  });

  it('names a driver that has no ci block at all', () => {
    const { ci: _ci, verification: _v, ...noCi } = driver({ releases: ['Caracal'] });
    expect(ofKind(registry([noCi]), 'claim-without-evidence')).toEqual([
      expect.objectContaining({ release: 'Caracal' }),
    ]);
    expect(ofKind(registry([noCi]), 'claim-without-evidence')[0]).not.toHaveProperty('ci_id');
  });
});

describe('unsupported-candidate', () => {
  it('is a release the matrix marks supported while the CI is failing', () => {
    const value = registry([
      driver({ ...inMatrix('complete'), verification: { Caracal: record(runs([false, false, false])) } }),
    ]);
    expect(ofKind(value, 'unsupported-candidate')).toEqual([
      expect.objectContaining({ release: 'Caracal', because: ['failing'], rule: 'newest-3-failed' }),
    ]);
  });

  it('is every in-tree release of a driver whose CI is silent', () => {
    const value = registry([
      driver({ ...inMatrix('complete'), verification: { Caracal: record(runs([true], 45)) } }),
    ]);
    expect(ofKind(value, 'unsupported-candidate')).toEqual([
      expect.objectContaining({ release: 'Caracal', because: ['silent'], last_report: daysBefore(45) }),
      expect.objectContaining({ release: 'Dalmatian', because: ['silent'] }),
    ]);
  });

  it('is not a supported driver whose CI passes and reports', () => {
    const value = registry([
      driver({ ...inMatrix('complete'), verification: { Caracal: record(runs([false, false, true])) } }),
    ]);
    expect(ofKind(value, 'unsupported-candidate')).toEqual([]);
  });

  it('needs the matrix: a failing CI of a driver sync never matched is only failing', () => {
    const value = registry([driver({ verification: { Caracal: record(runs([false, false, false])) } })]);
    expect(ofKind(value, 'unsupported-candidate')).toEqual([]);
    expect(ofKind(value, 'failing')).toHaveLength(1);
  });
});

describe('restore-candidate', () => {
  it('is a release the matrix marks unsupported while the CI passed its newest 3 runs', () => {
    const value = registry([
      driver({ ...inMatrix('missing'), verification: { Caracal: record(runs([true, true, true, false])) } }),
    ]);
    expect(ofKind(value, 'restore-candidate')).toEqual([
      expect.objectContaining({ release: 'Caracal', runs: 4, passed: 3 }),
    ]);
  });

  it('is not one whose third newest run failed, nor a supported one', () => {
    const failedThird = registry([
      driver({ ...inMatrix('missing'), verification: { Caracal: record(runs([true, true, false])) } }),
    ]);
    expect(ofKind(failedThird, 'restore-candidate')).toEqual([]);
    const supported = registry([
      driver({ ...inMatrix('complete'), verification: { Caracal: record(runs([true, true, true])) } }),
    ]);
    expect(ofKind(supported, 'restore-candidate')).toEqual([]);
  });
});

describe('account-not-found', () => {
  const state = (unknown: string[]) => ({
    scan_state: { gerrit_url: 'https://review.example.org', projects: {}, unknown_ci_accounts: unknown },
  });

  it('is a driver whose ci.id the last scan did not find on Gerrit', () => {
    expect(ofKind(registry([driver()], state(['acme-ci'])), 'account-not-found')).toEqual([
      expect.objectContaining({ ci_id: 'acme-ci', name: 'Acme iSCSI' }),
    ]);
  });

  it('is not a driver whose account is known', () => {
    expect(ofKind(registry([driver()], state(['other-ci'])), 'account-not-found')).toEqual([]);
    expect(ofKind(registry([driver()]), 'account-not-found')).toEqual([]);
  });
});

describe('order and counts', () => {
  it('orders findings by project, vendor, driver and release, and counts each kind', () => {
    const failing = {
      Caracal: record(runs([false, false, false])),
      Dalmatian: record(runs([false, false, false])),
    };
    const value = registry([
      driver({ project_id: 'openstack/nova', vendor: 'Acme', name: 'A', verification: failing }),
      driver({ vendor: 'Bolt', name: 'B', verification: failing }),
      driver({ vendor: 'Acme', name: 'Z', verification: failing }),
      driver({
        vendor: 'Acme',
        name: 'C',
        verification: { Dalmatian: failing.Dalmatian, Caracal: failing.Caracal },
      }),
    ]);
    const report = audit(value);
    expect(report.findings.map((f) => `${f.project_id} ${f.vendor} ${f.name} ${f.release}`)).toEqual([
      'openstack/cinder Acme C Caracal',
      'openstack/cinder Acme C Dalmatian',
      'openstack/cinder Acme Z Caracal',
      'openstack/cinder Acme Z Dalmatian',
      'openstack/cinder Bolt B Caracal',
      'openstack/cinder Bolt B Dalmatian',
      'openstack/nova Acme A Caracal',
      'openstack/nova Acme A Dalmatian',
    ]);
    expect(report.counts).toEqual({
      silent: 0,
      failing: 8,
      'claim-without-evidence': 0,
      'unsupported-candidate': 0,
      'restore-candidate': 0,
      'account-not-found': 0,
    });
  });
});
