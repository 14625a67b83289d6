import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../../backend/format/canonical.ts';
import type { Driver, Registry } from '../../../backend/model/types.ts';
import { validateText } from '../../../backend/validate/validate.ts';
import {
  applyVendorFacts,
  VendorFactsError,
  type VendorFacts,
} from '../../../dev/registry-edits/apply-vendor-facts.ts';
import { validRegistry } from '../../helpers/registry-fixture.ts';

const facts: VendorFacts = {
  vendors: [{ id: 'acme', name: 'Acme', aliases: ['Zenith'] }],
  merges: [{ project: 'openstack/nova', into: 'Acme hypervisor', from: ['Zenith compute'], why: 'renamed' }],
  retired: { 'openstack/nova': '2019-01-01' },
};

/** The valid registry with its nova driver filed twice: once as today's, once under the former name. */
function twice(): Registry {
  const registry = validRegistry();
  registry.drivers[1] = {
    ...registry.drivers[1]!,
    maintainers: [{ name: 'Ada Lovelace', irc: 'ada' }],
    upstream_classes: ['nova.virt.acme.AcmeDriver'],
    upstream_id: 'acme',
    upstream: { title: 'Acme', in_tree: ['Rocky'] },
  };
  const former: Driver = {
    project_id: 'openstack/nova',
    vendor: 'Zenith',
    name: 'Zenith compute',
    description: 'Compute on Zenith machines.',
    maintainers: [{ name: 'ada lovelace' }, { name: 'Grace Hopper', launchpad_id: 'grace' }],
    releases: ['Queens'],
    ci: {
      id: 'zenith-ci',
      success_pattern: 'zenith \\S+ : SUCCESS',
      failure_pattern: 'zenith \\S+ : FAILURE',
    },
    upstream_classes: ['nova.virt.zenith.ZenithDriver', 'nova.virt.acme.AcmeDriver'],
    upstream_id: 'zenith',
    upstream: { title: 'Zenith', in_tree: ['Queens'] },
    verification: { Queens: { ...registry.drivers[0]!.verification!.Rocky!, branch: 'stable/queens' } },
  };
  registry.drivers.push(former);
  return registry;
}

describe('applyVendorFacts', () => {
  it('merges one driver filed twice, keeping every claim, the ci, every maintainer and class', () => {
    const { registry, log } = applyVendorFacts(twice(), facts);
    const nova = registry.drivers.filter((d) => d.project_id === 'openstack/nova');
    expect(nova).toEqual([
      {
        project_id: 'openstack/nova',
        vendor: 'Acme',
        name: 'Acme hypervisor',
        releases: ['Queens', 'Rocky'],
        maintainers: [
          { name: 'Ada Lovelace', irc: 'ada' },
          { name: 'Grace Hopper', launchpad_id: 'grace' },
        ],
        upstream_classes: ['nova.virt.acme.AcmeDriver', 'nova.virt.zenith.ZenithDriver'],
        // The kept entry's link to the matrix, and what sync wrote for it; the rest from the merged one.
        upstream_id: 'acme',
        upstream: { title: 'Acme', in_tree: ['Rocky'] },
        description: 'Compute on Zenith machines.',
        ci: twice().drivers[2]!.ci,
      },
    ]);
    expect(log.merged).toEqual([
      {
        project: 'openstack/nova',
        into: 'Acme hypervisor',
        from: ['Zenith compute'],
        why: 'renamed',
        dropped: [
          { name: 'Zenith compute', field: 'upstream_id', value: 'zenith' },
          { name: 'Zenith compute', field: 'verification', value: twice().drivers[2]!.verification },
        ],
      },
    ]);
    expect(log.renamed).toEqual([
      { project: 'openstack/nova', name: 'Zenith compute', from: 'Zenith', to: 'Acme' },
    ]);
  });

  it('lists every company, marks retired projects, and changes nothing the second time', () => {
    const once = applyVendorFacts(twice(), facts);
    expect(once.registry.vendors).toEqual(facts.vendors);
    expect(once.registry.projects.find((p) => p.id === 'openstack/nova')?.retired_on).toBe('2019-01-01');
    expect(once.log.retired).toEqual([{ project: 'openstack/nova', retired_on: '2019-01-01' }]);
    const again = applyVendorFacts(once.registry, facts);
    expect(formatRegistry(again.registry)).toBe(formatRegistry(once.registry));
    expect(again.log).toEqual({ addedVendors: [], renamed: [], merged: [], retired: [] });
  });

  it('gives a company the facts do not list an entry of its own, and keeps entries the registry has', () => {
    const registry = validRegistry();
    registry.vendors = [{ id: 'bolt', name: 'Bolt' }];
    registry.drivers[1]!.vendor = 'Nimbus Systems';
    const { registry: out, log } = applyVendorFacts(registry, { ...facts, merges: [] });
    expect(log.addedVendors).toEqual([{ id: 'nimbus-systems', name: 'Nimbus Systems' }]);
    expect(out.vendors?.map((v) => v.id)).toEqual(['acme', 'bolt', 'nimbus-systems']);
  });

  it('refuses a merge into a driver the registry does not have', () => {
    const registry = twice();
    registry.drivers[1]!.name = 'Acme hypervisor 2';
    expect(() => applyVendorFacts(registry, facts)).toThrow(VendorFactsError);
    expect(() => applyVendorFacts(registry, facts)).toThrow(
      'openstack/nova has 0 drivers named "Acme hypervisor" to merge "Zenith compute" into, not one',
    );
  });
});

describe('our registry', () => {
  const text = readFileSync(new URL('../../../default_data.json', import.meta.url), 'utf8');

  it('has the facts applied: one name per company, the duplicates merged, retired projects marked', () => {
    const registry = JSON.parse(text) as Registry;
    const { log } = applyVendorFacts(registry);
    expect(log).toEqual({ addedVendors: [], renamed: [], merged: [], retired: [] });
    const vendorProblems = validateText(text, 'default_data.json').filter((p) =>
      ['vendor-alias', 'unknown-vendor', 'duplicate-vendor', 'vendor-spelling', 'duplicate-driver'].includes(
        p.check,
      ),
    );
    expect(vendorProblems).toEqual([]);
  });
});
