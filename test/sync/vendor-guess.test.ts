import { describe, expect, it } from 'vitest';
import { guessVendor } from '../../backend/sync/vendor-guess.ts';

const known = ['Dell EMC', 'Quobyte Inc.', 'VMware', 'LinBit', 'OpenStack Community'];

describe('guessVendor', () => {
  it.each([
    ['dell_emc_powermax', 'Dell PowerMax Storage Driver (iSCSI, FC)', 'Dell'],
    ['emc_isilon', 'EMC Isilon', 'Dell'],
    ['hpe_3par', 'HPE 3PAR Storage Driver (FC, iSCSI)', 'HPE'],
    ['pure', 'Pure Storage Driver (iSCSI, FC)', 'Everpure'],
    ['netapp_ontap_nfs', 'NetApp Data ONTAP Driver (NFS)', 'NetApp'],
    ['rbd_iscsi', '(Ceph) iSCSI Storage Driver (iSCSI)', 'Ceph'],
    ['lvm', 'Logical Volume Manager (LVM) Reference Driver (iSCSI)', 'OpenStack Community'],
    ['libvirt-kvm-x86', 'Libvirt KVM (x86)', 'OpenStack Community'],
  ])('knows %s is %s', (id, title, vendor) => {
    expect(guessVendor(id, title, known)).toBe(vendor);
  });

  it("takes the title's first word, spelled as the registry already spells that vendor", () => {
    expect(guessVendor('quobyte', 'Quobyte Storage Driver (quobyte)', known)).toBe('Quobyte Inc.');
    expect(guessVendor('vmware_vc', 'VMWare Storage Driver (vmdk)', known)).toBe('VMware');
    expect(guessVendor('linbit_linstor', 'LINBIT DRBD/LINSTOR Driver (DRBD)', known)).toBe('LinBit');
    expect(guessVendor('storpool', 'StorPool Storage Driver (storpool)', known)).toBe('StorPool');
    expect(guessVendor('acme', 'acme array', known)).toBe('Acme');
  });
});
