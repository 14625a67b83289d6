// The verdict table: each reason with a driver that meets it and a near miss that does not, over a registry whose
// every fact is in test/upgrade/upgrade-fixture.ts.
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../backend/model/types.ts';
import { upgradeVerdicts, type UpgradeOptions } from '../../backend/upgrade/upgrade-verdicts.ts';
import type { DriverVerdict } from '../../backend/upgrade/verdict-types.ts';
import { upgradeRegistry } from './upgrade-fixture.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');

function judge(
  from: string,
  to: string,
  options: Partial<UpgradeOptions> = {},
  registry = upgradeRegistry(NOW),
) {
  return upgradeVerdicts(registry, { from, to, asOf: NOW, silentDays: 30, ...options });
}

function verdictFor(
  name: string,
  from: string,
  to: string,
  registry = upgradeRegistry(NOW),
): DriverVerdict | undefined {
  const driver = registry.drivers.find((d) => d.name === name)!;
  return judge(from, to, { drivers: [driver] }, registry).drivers[0];
}

/** A verdict and its reasons as [kind, release, feature?], the table's shape. */
function shape(verdict: DriverVerdict | undefined) {
  return [
    verdict?.verdict,
    verdict?.reasons.map((r) => (r.feature ? [r.kind, r.release, r.feature] : [r.kind, r.release])),
  ];
}

describe('upgradeVerdicts', () => {
  it.each([
    // Blocked: removed, with the release that removed it (the walk skips nothing).
    ['Beta FC', 'Epoxy', 'Hibiscus', 'blocked', [['removed', 'Gazpacho']]],
    ['Beta FC', 'Epoxy', 'Flamingo', 'ok', []],
    // Near miss: in the tree to Hibiscus, and Indri's tree has not been read: unknown, not removed.
    [
      'Acme iSCSI',
      'Epoxy',
      'Indri',
      'attention',
      [
        ['no-tree-data', 'Indri'],
        ['no-ci-evidence', 'Indri'],
        ['claim-dropped', 'Indri'],
      ],
    ],
    // Blocked: unsupported at the target; near miss: supported up to the release before.
    ['Gamma NFS', 'Epoxy', 'Hibiscus', 'blocked', [['unsupported', 'Hibiscus']]],
    ['Gamma NFS', 'Epoxy', 'Gazpacho', 'ok', []],
    // Unsupported on the way: Epoxy → Hibiscus skips Flamingo, which is walked.
    ['Delta iSCSI', 'Epoxy', 'Hibiscus', 'attention', [['unsupported-on-the-way', 'Flamingo']]],
    ['Delta iSCSI', 'Epoxy', 'Gazpacho', 'attention', [['unsupported-on-the-way', 'Flamingo']]],
    ['Delta iSCSI', 'Epoxy', 'Flamingo', 'blocked', [['unsupported', 'Flamingo']]],
    // Near miss: unsupported at --from only, which is not on the way.
    ['Delta iSCSI', 'Caracal', 'Dalmatian', 'attention', [['no-ci-evidence', 'Dalmatian']]],
    // Features: complete → missing and partial → not stated are lost; missing → missing is nothing.
    [
      'Epsilon FC',
      'Epoxy',
      'Hibiscus',
      'attention',
      [
        ['feature-lost', 'Hibiscus', 'multiattach'],
        ['feature-lost', 'Hibiscus', 'replication'],
      ],
    ],
    // Near miss: complete → partial is still there.
    ['Acme iSCSI', 'Epoxy', 'Hibiscus', 'ok', []],
    // CI failing at the target (newest 3 failed), not at the release before.
    ['Zeta NVMe', 'Epoxy', 'Hibiscus', 'attention', [['failing', 'Hibiscus']]],
    ['Zeta NVMe', 'Epoxy', 'Gazpacho', 'ok', []],
    // Near miss: 2 of the newest 3 failed, half of 6 passed; yet failing on Gazpacho.
    ['Zeta iSCSI', 'Epoxy', 'Hibiscus', 'ok', []],
    ['Zeta iSCSI', 'Epoxy', 'Gazpacho', 'attention', [['failing', 'Gazpacho']]],
    // Silent: 45 days without a counting comment; near miss: exactly 30.
    ['Eta NFS', 'Epoxy', 'Hibiscus', 'attention', [['silent', undefined]]],
    ['Eta iSCSI', 'Epoxy', 'Hibiscus', 'ok', []],
    // Claimed at --from, not at --to; near miss: claimed at both.
    ['Theta FC', 'Epoxy', 'Hibiscus', 'attention', [['claim-dropped', 'Hibiscus']]],
    ['Theta FC', 'Dalmatian', 'Epoxy', 'attention', [['no-ci-evidence', 'Epoxy']]],
    // No CI declared at all.
    ['Iota NFS', 'Epoxy', 'Hibiscus', 'attention', [['no-ci-evidence', 'Hibiscus']]],
    // Unknown at --from: in the tree only from Gazpacho, never claimed.
    ['Kappa FC', 'Epoxy', 'Hibiscus', 'attention', [['unknown-at-from', 'Epoxy']]],
    // Neutron dropped linux bridge in Epoxy: removed, and unknown at Epoxy for a deployment that still names it.
    [
      'Linux bridge',
      'Epoxy',
      'Hibiscus',
      'blocked',
      [
        ['removed', 'Epoxy'],
        ['no-ci-evidence', 'Hibiscus'],
        ['unknown-at-from', 'Epoxy'],
      ],
    ],
    // A retired project: Sahara was retired before Dalmatian started.
    [
      'Acme Hadoop plugin',
      'Caracal',
      'Epoxy',
      'blocked',
      [
        ['retired', 'Dalmatian'],
        ['no-ci-evidence', 'Epoxy'],
        ['claim-dropped', 'Epoxy'],
      ],
    ],
  ])('%s, %s → %s: %s', (name, from, to, verdict, reasons) => {
    expect(shape(verdictFor(name, from, to))).toEqual([verdict, reasons]);
  });

  it('is not blocked by a retirement after the target started', () => {
    const registry = upgradeRegistry(NOW);
    registry.projects.find((p) => p.id === 'openstack/sahara')!.retired_on = '2025-06-01';
    expect(shape(verdictFor('Acme Hadoop plugin', 'Caracal', 'Epoxy', registry))).toEqual([
      'attention',
      [
        ['no-ci-evidence', 'Epoxy'],
        ['claim-dropped', 'Epoxy'],
      ],
    ]);
    expect(verdictFor('Acme Hadoop plugin', 'Caracal', 'Flamingo', registry)!.reasons[0]).toMatchObject({
      kind: 'retired',
      release: 'Flamingo',
      source: 'openstack/governance reference/legacy.yaml: openstack/sahara retired on 2025-06-01',
    });
  });

  it('lists the features gained, in the project’s order, beside the reasons', () => {
    expect(verdictFor('Acme iSCSI', 'Epoxy', 'Hibiscus')?.gained).toEqual(['qos']);
    expect(verdictFor('Acme iSCSI', 'Gazpacho', 'Hibiscus')?.gained).toEqual([]);
    // Lost features are not gained ones, and neither is the support feature.
    expect(verdictFor('Delta iSCSI', 'Flamingo', 'Gazpacho')?.gained).toEqual([]);
  });

  it('names the source of each reason: the matrix or code at a ref, a CI record with its review, the claim', () => {
    const sources = (name: string, from: string, to: string) =>
      verdictFor(name, from, to)!.reasons.map((r) => [r.kind, r.source, r.url]);
    expect(sources('Beta FC', 'Epoxy', 'Hibiscus')).toEqual([
      ['removed', 'openstack/cinder support matrix and driver classes at stable/2026.1', undefined],
    ]);
    expect(sources('Gamma NFS', 'Epoxy', 'Hibiscus')).toEqual([
      ['unsupported', 'openstack/cinder support matrix at stable/2026.2 (supported: missing)', undefined],
    ]);
    expect(sources('Zeta NVMe', 'Epoxy', 'Hibiscus')).toEqual([
      [
        'failing',
        'CI record for Hibiscus, newest run 2026-11-30T00:00:00Z',
        'https://review.example.org/c/openstack/cinder/+/9000',
      ],
    ]);
    expect(sources('Theta FC', 'Epoxy', 'Hibiscus')).toEqual([
      ['claim-dropped', "the vendor's claim (releases)", undefined],
    ]);
    expect(sources('iRMC', 'Epoxy', 'Hibiscus')[0]).toEqual([
      'removed',
      'openstack/ironic hardware types at stable/2026.2',
      undefined,
    ]);
    expect(sources('Acme iSCSI', 'Epoxy', 'Indri')[0]![1]).toContain("openstack/cinder's tree at Indri");
  });

  it('reads a release at the ref the project names for it', () => {
    const registry = upgradeRegistry(NOW);
    registry.projects[0]!.upstream!.refs = { Gazpacho: '2026.1.0' };
    expect(verdictFor('Beta FC', 'Epoxy', 'Hibiscus', registry)!.reasons[0]!.source).toBe(
      'openstack/cinder support matrix and driver classes at 2026.1.0',
    );
  });

  it('links a missing record to the CI’s comments in Gerrit, saying whether the project was scanned', () => {
    const registry: Registry = {
      ...upgradeRegistry(NOW),
      scan_state: {
        gerrit_url: 'https://review.example.org',
        projects: {
          'openstack/cinder': { updated: '2026-11-30T10:00:00Z', scanned: '2026-11-30T12:00:00Z' },
        },
      },
    };
    const [reason] = verdictFor('Theta FC', 'Dalmatian', 'Epoxy', registry)!.reasons;
    expect(reason!.source).toBe(
      "CI records: none for this release in openstack/cinder's scan (last scanned 2026-11-30)",
    );
    expect(reason!.url).toBe('https://review.example.org/q/project:openstack/cinder+commentby:theta_fc-ci');
    expect(verdictFor('Theta FC', 'Dalmatian', 'Epoxy')!.reasons[0]!.source).toBe(
      'CI records: openstack/cinder not yet scanned against Gerrit',
    );
  });

  it('judges, by default, every driver in the tree or claimed at --from, by project, vendor and name', () => {
    const names = (report: ReturnType<typeof judge>) =>
      report.drivers.map((d) => `${d.project_id} ${d.vendor} ${d.name}`);
    const report = judge('Epoxy', 'Hibiscus');
    expect(report.walked).toEqual(['Flamingo', 'Gazpacho', 'Hibiscus']);
    expect(names(report)).not.toContain('openstack/cinder Kappa Kappa FC');
    expect(names(report)).not.toContain('openstack/neutron OpenStack Linux bridge');
    expect(names(report)).toContain('openstack/ironic Fujitsu iRMC');
    expect(names(report)).toEqual([...names(report)].sort());
    expect(names(judge('Epoxy', 'Hibiscus', { projects: ['openstack/nova'] }))).toEqual([
      'openstack/nova OpenStack Libvirt',
    ]);
    expect(names(judge('Caracal', 'Dalmatian'))).toContain('openstack/sahara Acme Acme Hadoop plugin');
  });

  it('refuses an unknown release and a target that is not after the release run', () => {
    expect(() => judge('Epoxi', 'Hibiscus')).toThrow(
      /--from "Epoxi" is not a release .*did you mean Epoxy\?/,
    );
    expect(() => judge('Hibiscus', 'Epoxy')).toThrow(/--to Epoxy is before --from Hibiscus/);
    expect(() => judge('Epoxy', 'epoxy')).toThrow(/--to Epoxy is the same release as --from Epoxy/);
    expect(judge('epoxy', 'GAZPACHO').to).toBe('Gazpacho');
  });
});
