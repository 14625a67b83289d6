import { describe, expect, it } from 'vitest';
import { upgradePairs } from '../../../backend/upgrade/upgrade-pairs.ts';
import { upgradeVerdicts } from '../../../backend/upgrade/upgrade-verdicts.ts';
import { buildModel } from '../../../dashboard/src/lib/model.ts';
import { driverUpgradeLinks, upgradePagePath, upgradeRows } from '../../../dashboard/src/lib/upgrade-view.ts';
import { upgradeRegistry } from '../../upgrade/upgrade-fixture.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const options = { from: 'Epoxy', to: 'Hibiscus', asOf: NOW, silentDays: 30 };

describe('the upgrade pages’ view', () => {
  const registry = upgradeRegistry(NOW);
  const model = buildModel(registry, NOW);

  it('links each reason to its evidence: the matrix page of the release, the review, the driver page', () => {
    const rows = upgradeRows(upgradeVerdicts(registry, options), model, '/dl/');
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row('Delta iSCSI').reasons).toEqual([
      {
        text: 'unsupported by the project at Flamingo, on the way to Hibiscus',
        href: '/dl/projects/cinder/flamingo/',
        label: 'Cinder in Flamingo',
      },
    ]);
    expect(row('Zeta NVMe').reasons[0]).toMatchObject({
      href: 'https://review.example.org/c/openstack/cinder/+/9000',
      label: 'the review (Hibiscus)',
    });
    expect(row('Theta FC').reasons[0]).toMatchObject({
      href: row('Theta FC').driverHref,
      label: 'the vendor’s claim',
    });
    expect(row('Acme iSCSI')).toMatchObject({ verdict: 'ok', gained: ['QoS'], project: 'Cinder' });
  });

  it('gives a driver page the upgrades from its newest claimed or in-tree release, filtered to it', () => {
    const pairs = upgradePairs(registry.releases!, NOW);
    const order = model.releases.map((r) => r.id);
    const driver = (name: string) => model.drivers.find((d) => d.name === name)!;
    // Neutron's linux bridge left the tree after Dalmatian.
    const q = `?project_id=openstack%2Fneutron&vendor=${driver('Linux bridge').vendorId}`;
    expect(driverUpgradeLinks(driver('Linux bridge'), order, pairs, '/')).toEqual(
      ['Flamingo', 'Gazpacho', 'Hibiscus', 'Indri'].map((to) => ({
        from: 'Dalmatian',
        to,
        href: `/upgrade/dalmatian-to-${to.toLowerCase()}/${q}`,
      })),
    );
    // Hibiscus is the newest release of most: only the release in development is after it.
    expect(driverUpgradeLinks(driver('Acme iSCSI'), order, pairs, '/').map((l) => l.to)).toEqual(['Indri']);
    // Claimed for Caracal only: no upgrade page starts there.
    expect(driverUpgradeLinks(driver('Acme Hadoop plugin'), order, pairs, '/')).toEqual([]);
    expect(upgradePagePath({ from: 'Epoxy', to: 'Hibiscus' })).toBe('upgrade/epoxy-to-hibiscus/');
  });
});
