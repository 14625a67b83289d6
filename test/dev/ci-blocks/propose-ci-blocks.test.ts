import { describe, expect, it } from 'vitest';
import { proposeCiBlocks, readsOwnResult } from '../../../dev/ci-blocks/propose-ci-blocks.ts';
import { cinderWikiNames, novaWikiNames } from '../../../dev/ci-blocks/wiki-names.ts';
import type { Driver, Registry } from '../../../backend/model/types.ts';
import { registry } from '../../helpers/update-fixtures.ts';

const inTree = (upstream_id: string, releases = ['Caracal', 'Dalmatian']) =>
  ({ upstream_id, upstream: { in_tree: releases } }) as Partial<Driver>;
const cinder = (name: string, extra: Partial<Driver> = {}): Driver => ({
  project_id: 'openstack/cinder',
  vendor: 'Acme',
  name,
  ...extra,
});

const classes = [
  { fqn: 'cinder.volume.drivers.acme.AcmeFC', ci_wiki_name: 'Acme_CI', matrix_ids: ['acme', 'acme_old'] },
  { fqn: 'cinder.volume.drivers.acme.AcmeNFS', ci_wiki_name: 'Acme_CI', matrix_ids: ['acme_nfs'] },
  { fqn: 'cinder.volume.drivers.bolt.Bolt', ci_wiki_name: 'Bolt_CI', matrix_ids: ['bolt'] },
  { fqn: 'cinder.volume.drivers.multi.M1', ci_wiki_name: 'Multi_FC_CI', matrix_ids: ['multi'] },
  { fqn: 'cinder.volume.drivers.multi.M2', ci_wiki_name: 'Multi_NVMe_CI', matrix_ids: ['multi'] },
  { fqn: 'cinder.volume.drivers.lvm.LVMVolumeDriver', ci_wiki_name: 'Cinder_Jenkins', matrix_ids: ['lvm'] },
  { fqn: 'cinder.volume.drivers.none.None', ci_wiki_name: null, matrix_ids: ['none'] },
];

const value: Registry = registry([
  cinder('Acme FC', inTree('acme')),
  cinder('Acme NFS', {
    ...inTree('acme_nfs'),
    ci: {
      id: 'acme-ci',
      success_pattern: 'acme-nfs \\S+ : SUCCESS',
      failure_pattern: 'acme-nfs \\S+ : FAILURE',
    },
  }),
  cinder('Bolt', {
    ...inTree('bolt'),
    ci: { id: 'bolt', success_pattern: 'Build succeeded', failure_pattern: 'Build failed' },
  }),
  cinder('Multi', inTree('multi')),
  cinder('LVM', inTree('lvm')),
  cinder('None', inTree('none')),
  cinder('Gone', inTree('acme_old', ['Caracal'])),
]);

describe('proposeCiBlocks', () => {
  const proposal = proposeCiBlocks(value, 'openstack/cinder', cinderWikiNames(value, classes));
  const ci = (name: string) => proposal.registry.drivers.find((d) => d.name === name)?.ci;
  const kind = (name: string) => proposal.outcomes.get(`openstack/cinder:Acme:${name}`)?.kind;

  it("adds a block by the code's wiki name, and keeps one whose patterns read the driver's own job", () => {
    expect(ci('Acme FC')).toEqual({ wiki_name: 'Acme_CI' });
    expect(kind('Acme FC')).toBe('added');
    expect(ci('Acme NFS')?.id).toBe('acme-ci');
    expect(kind('Acme NFS')).toBe('kept');
  });

  it("replaces a block whose patterns read any result, and gives OpenStack's own CI its account and jobs", () => {
    expect(ci('Bolt')).toEqual({ wiki_name: 'Bolt_CI' });
    expect(kind('Bolt')).toBe('replaced');
    expect(ci('LVM')).toEqual({
      id: 'zuul',
      wiki_name: 'Cinder_Jenkins',
      jobs: ['cinder-tempest-plugin-lvm-lio-barbican'],
    });
  });

  it('leaves a driver its classes name several CIs or none for, and drivers not in the newest tree', () => {
    expect(ci('Multi')).toBeUndefined();
    expect(proposal.outcomes.get('openstack/cinder:Acme:Multi')?.why).toContain(
      '2 CIs (Multi_FC_CI, Multi_NVMe_CI)',
    );
    expect(ci('None')).toBeUndefined();
    expect(kind('Gone')).toBeUndefined();
    expect(ci('Gone')).toBeUndefined();
  });

  it('gives the same file when run again', () => {
    const again = proposeCiBlocks(
      proposal.registry,
      'openstack/cinder',
      cinderWikiNames(proposal.registry, classes),
    );
    expect(again.registry).toEqual(proposal.registry);
    expect([...again.outcomes.values()].filter((o) => o.kind === 'added' || o.kind === 'replaced')).toEqual(
      [],
    );
  });

  it('tells patterns that read a job of their own from generic ones', () => {
    expect(
      readsOwnResult({
        id: 'x',
        success_pattern: 'x-tempest \\S+ : SUCCESS',
        failure_pattern: 'x-tempest \\S+ : FAILURE',
      }),
    ).toBe(true);
    expect(
      readsOwnResult({ id: 'x', success_pattern: 'SUCCESS', failure_pattern: 'x-tempest \\S+ : FAILURE' }),
    ).toBe(false);
    expect(
      readsOwnResult({
        id: 'jenkins',
        success_pattern: 'x-tempest \\S+ : SUCCESS',
        failure_pattern: 'x-tempest \\S+ : FAILURE',
      }),
    ).toBe(false);
  });
});

describe('novaWikiNames', () => {
  it("reads the feature matrix's targets' ThirdPartySystems pages for the drivers they are", () => {
    const nova = registry([
      { project_id: 'openstack/nova', vendor: 'IBM', name: 'zVM', upstream_id: 'zvm' },
      { project_id: 'openstack/nova', vendor: 'V', name: 'CT', upstream_id: 'libvirt-vz-ct' },
      { project_id: 'openstack/nova', vendor: 'K', name: 'KVM', upstream_id: 'libvirt-kvm' },
    ]);
    const ini = [
      '[target.libvirt-virtuozzo-ct]',
      'title=libvirt+virtuozzo CT',
      'link=https://wiki.openstack.org/wiki/ThirdPartySystems/Virtuozzo_CI',
      '',
      '[target.zvm]',
      'link=https://wiki.openstack.org/wiki/ThirdPartySystems/IBM_z/VM_CI',
      '[operation.x]',
      'link=https://wiki.openstack.org/wiki/ThirdPartySystems/Not_A_Target',
    ].join('\n');
    expect([...novaWikiNames(nova, ini)]).toEqual([
      ['openstack/nova:IBM:zVM', ['IBM_z/VM_CI']],
      ['openstack/nova:V:CT', ['Virtuozzo_CI']],
      ['openstack/nova:K:KVM', []],
    ]);
  });
});
