import { describe, expect, it } from 'vitest';
import { readConfigValues } from '../../backend/upgrade/config-values.ts';
import { matchConfigValues } from '../../backend/upgrade/match-config.ts';
import { upgradeRegistry } from './upgrade-fixture.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');

const values = (file: string, text: string) =>
  readConfigValues(file, text).values.map((v) => [v.line, v.project_id, v.key, v.value]);

describe('readConfigValues', () => {
  it('reads cinder and manila back ends, with [DEFAULT] as the fallback of each section', () => {
    const text = [
      '[DEFAULT]',
      'enabled_backends = fast, slow ,',
      'volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver',
      'enabled_share_backends = files',
      '[fast]',
      'volume_driver = cinder.volume.drivers.rbd.RBDDriver',
      '[slow]',
      'volume_backend_name = slow',
      '[files]',
      'share_driver = manila.share.drivers.generic.GenericShareDriver',
    ].join('\n');
    expect(values('cinder.conf', text)).toEqual([
      [6, 'openstack/cinder', '[fast] volume_driver', 'cinder.volume.drivers.rbd.RBDDriver'],
      [3, 'openstack/cinder', '[slow] volume_driver', 'cinder.volume.drivers.lvm.LVMVolumeDriver'],
      [10, 'openstack/manila', '[files] share_driver', 'manila.share.drivers.generic.GenericShareDriver'],
    ]);
  });

  it('reads nova’s compute_driver in the nova.virt namespace first, and entry point names for neutron and ironic', () => {
    const reading = readConfigValues(
      'all.conf',
      '[DEFAULT]\ncompute_driver = libvirt.LibvirtDriver\nenabled_hardware_types = ipmi,redfish\n[ml2]\nmechanism_drivers = ovn\n',
    );
    expect(reading.values.map((v) => [v.line, v.key, v.match])).toEqual([
      [
        2,
        '[DEFAULT] compute_driver',
        { classes: ['nova.virt.libvirt.LibvirtDriver', 'libvirt.LibvirtDriver'] },
      ],
      [5, '[ml2] mechanism_drivers', { entryPoint: 'ovn' }],
      [3, '[DEFAULT] enabled_hardware_types', { entryPoint: 'ipmi' }],
      [3, '[DEFAULT] enabled_hardware_types', { entryPoint: 'redfish' }],
    ]);
    expect(values('n.conf', '[DEFAULT]\ncompute_driver = nova.virt.ironic.IronicDriver\n')[0]![3]).toBe(
      'nova.virt.ironic.IronicDriver',
    );
  });

  it('says where a back end names no section or no driver, and when a file enables nothing it reads', () => {
    const reading = readConfigValues('c.conf', '[DEFAULT]\nenabled_backends = a,b\n[b]\nx = 1\n');
    expect(reading.values).toEqual([]);
    expect(reading.problems).toEqual([
      {
        file: 'c.conf',
        line: 2,
        message: expect.stringContaining('names the back end "a", and the file has no [a]'),
      },
      { file: 'c.conf', line: 3, message: expect.stringContaining('[b] sets no volume_driver') },
    ]);
    expect(readConfigValues('k.conf', '[DEFAULT]\ndebug = true\n').problems[0]!.message).toMatch(
      /^enables no driver driverlog upgrade reads/,
    );
  });

  it('reads no other value: a password with a stray % is never interpolated', () => {
    const text = '[DEFAULT]\nenabled_backends = a\n[a]\nvolume_driver = x.Y\nsan_password = 50%off\n';
    expect(values('c.conf', text)).toEqual([[4, 'openstack/cinder', '[a] volume_driver', 'x.Y']]);
  });

  it('refuses a file that is not INI at FILE:LINE, without quoting the line', () => {
    expect(() => readConfigValues('c.conf', '[DEFAULT]\nhunter2-secret\n')).toThrow(
      /^c\.conf:2: this line is not a \[section\], an option "name = value", or a comment \(its text is not shown\)/,
    );
    expect(() => readConfigValues('c.conf', '[DEFAULT]\nhunter2-secret\n')).not.toThrow(/hunter2/);
    expect(() => readConfigValues('c.conf', 'password = x\n')).toThrow(
      /^c\.conf:1: an option before any \[section\]/,
    );
    expect(() => readConfigValues('c.conf', '[DEFAULT]\nenabled_backends = %(nope)s\n')).toThrow(
      /^c\.conf:2: /,
    );
  });
});

describe('matchConfigValues', () => {
  const drivers = upgradeRegistry(NOW).drivers;
  const read = (text: string) => readConfigValues('x.conf', text).values;

  it('matches class paths through upstream_classes and entry point names through upstream_id, per project', () => {
    const matched = matchConfigValues(
      drivers,
      read(
        '[DEFAULT]\ncompute_driver = libvirt.LibvirtDriver\nenabled_hardware_types = irmc\n[ml2]\nmechanism_drivers = ovn, irmc\n',
      ),
    );
    expect(matched.drivers.map((d) => d.name)).toEqual(['Libvirt', 'OVN', 'iRMC']);
    // irmc is an ironic id, not a neutron one.
    expect(matched.unmatched.map((u) => [u.value.key, u.value.value])).toEqual([
      ['[ml2] mechanism_drivers', 'irmc'],
    ]);
  });

  it('gives a class path that matches nothing with the closest known ones of its project', () => {
    const { drivers: found, unmatched } = matchConfigValues(
      drivers,
      read(
        '[DEFAULT]\nenabled_backends = a\n[a]\nvolume_driver = cinder.volume.drivers.acme.iscsi.AcmeISCSIDrivr\n',
      ),
    );
    expect(found).toEqual([]);
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]!.closest).toHaveLength(3);
    expect(unmatched[0]!.closest[0]).toBe('cinder.volume.drivers.acme.iscsi.AcmeISCSIDriver');
  });
});
