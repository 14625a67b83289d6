import type { Vendor } from '../../backend/model/types.ts';

// The companies of our registry, one entry per company, and what follows from it: drivers that are one
// driver filed twice, and retired projects. Facts, with where they come from; `apply-vendor-facts.ts`
// applies them and `scripts/apply-vendor-facts.ts` writes the result.
//
// Aliases are the other names one company has gone by that our file (or a project's tree) uses: spellings,
// renames, the storage and server business HP split into HPE, and companies another company of the file
// bought (EMC by Dell, SolidFire by NetApp, Nimble Storage by HPE, Dot Hill by Seagate, Tail-f and Embrane by
// Cisco, Big Switch by Arista, Dyn by Oracle). A company whose buyer is not in the file keeps its own name.

export const VENDORS: Vendor[] = [
  { id: '6wind', name: '6WIND' },
  { id: 'a10-networks', name: 'A10 Networks' },
  { id: 'akamai', name: 'Akamai' },
  { id: 'alcatel-lucent-enterprise', name: 'Alcatel-Lucent Enterprise' },
  { id: 'arista', name: 'Arista', aliases: ['Arista Networks', 'Big Switch', 'Big Switch Networks'] },
  { id: 'block-bridge', name: 'Block Bridge' },
  { id: 'brocade', name: 'Brocade' },
  { id: 'ceph', name: 'Ceph' },
  { id: 'cisco', name: 'Cisco', aliases: ['Cisco Systems', 'Embrane', 'Tail-f', 'Tail-f Systems'] },
  { id: 'citrix', name: 'Citrix' },
  { id: 'cloudbase', name: 'Cloudbase', aliases: ['Cloudbase Solutions'] },
  { id: 'cloudbyte', name: 'Cloud Byte' },
  { id: 'cloudfounders', name: 'Cloudfounders' },
  { id: 'coho-data', name: 'Coho Data' },
  { id: 'coprhd', name: 'CoprHD Community' },
  { id: 'coraid', name: 'Coraid' },
  { id: 'datacore', name: 'DataCore' },
  { id: 'datera', name: 'Datera' },
  { id: 'dell', name: 'Dell', aliases: ['Dell EMC', 'Dell Technologies', 'EMC'] },
  { id: 'designate', name: 'Designate' },
  { id: 'dynatrace', name: 'Dynatrace LLC', aliases: ['Dynatrace'] },
  // cinder's [driver.pure] is "Everpure Driver" on master, manila's back end "Everpure FlashBlade".
  { id: 'everpure', name: 'Everpure', aliases: ['Pure Storage'] },
  { id: 'extreme-networks', name: 'Extreme Networks' },
  { id: 'freescale', name: 'Freescale' },
  { id: 'fujitsu', name: 'Fujitsu' },
  { id: 'fungible', name: 'Fungible' },
  { id: 'fusion-io', name: 'Fusion-io' },
  { id: 'gluster', name: 'Gluster' },
  { id: 'h3c', name: 'H3C' },
  { id: 'hgst', name: 'HGST' },
  { id: 'hitachi', name: 'Hitachi', aliases: ['HDS', 'Hitachi Data Systems', 'Hitachi Vantara'] },
  { id: 'hortonworks', name: 'Hortonworks' },
  {
    id: 'hpe',
    name: 'HPE',
    aliases: ['HP', 'Hewlett Packard Enterprise', 'Hewlett-Packard', 'Nimble Storage'],
  },
  { id: 'huawei', name: 'Huawei' },
  { id: 'ibm', name: 'IBM' },
  { id: 'infinidat', name: 'Infinidat' },
  { id: 'infoblox', name: 'Infoblox' },
  { id: 'infortrend', name: 'Infortrend', aliases: ['InfoTrend'] },
  { id: 'inspur', name: 'Inspur' },
  { id: 'isc', name: 'ISC', aliases: ['Internet Systems Consortium'] },
  { id: 'itri', name: 'ITRI' },
  { id: 'juniper', name: 'Juniper', aliases: ['Juniper Networks'] },
  { id: 'kaminario', name: 'Kaminario' },
  { id: 'kemp-technologies', name: 'KEMP Technologies', aliases: ['KEMP'] },
  { id: 'kioxia', name: 'Kioxia' },
  { id: 'lenovo', name: 'Lenovo' },
  { id: 'lightbits', name: 'Lightbits', aliases: ['Lightbits Labs'] },
  { id: 'linbit', name: 'LinBit' },
  { id: 'macrosan', name: 'MacroSAN' },
  { id: 'mapr', name: 'MapR' },
  { id: 'mellanox', name: 'Mellanox' },
  { id: 'microsoft', name: 'Microsoft' },
  { id: 'midokura', name: 'Midokura' },
  { id: 'mirantis', name: 'Mirantis' },
  { id: 'nec', name: 'NEC' },
  // cinder's SolidFire driver is [driver.netapp_solidfire].
  { id: 'netapp', name: 'NetApp', aliases: ['SolidFire'] },
  { id: 'nexenta', name: 'Nexenta' },
  { id: 'nuage-networks', name: 'Nuage Networks' },
  { id: 'one-convergence', name: 'One Convergence' },
  { id: 'open-e', name: 'Open-E' },
  { id: 'open-networking-laboratory', name: 'Open Networking Laboratory', aliases: ['ON.Lab'] },
  { id: 'opendaylight', name: 'OpenDaylight' },
  { id: 'openstack-community', name: 'OpenStack Community' },
  { id: 'oracle', name: 'Oracle', aliases: ['Dyn', 'DynDNS'] },
  { id: 'parallels', name: 'Parallels' },
  { id: 'plumgrid', name: 'PLUMgrid' },
  { id: 'powerdns', name: 'PowerDNS' },
  { id: 'project-calico', name: 'Project Calico' },
  { id: 'prophetstor', name: 'ProphetStor' },
  { id: 'qlogic', name: 'QLogic' },
  { id: 'qnap', name: 'QNAP' },
  { id: 'quobyte', name: 'Quobyte Inc.', aliases: ['Quobyte'] },
  { id: 'radware', name: 'Radware' },
  { id: 'sandstone', name: 'SandStone' },
  { id: 'scality', name: 'Scality' },
  // cinder's Dot Hill driver became the Seagate (stx) driver in Train.
  { id: 'seagate', name: 'Seagate', aliases: ['Dot Hill'] },
  { id: 'storpool', name: 'StorPool' },
  { id: 'swiftstack', name: 'Swiftstack' },
  { id: 'synology', name: 'Synology' },
  { id: 'talligent', name: 'Talligent Inc', aliases: ['Talligent'] },
  { id: 'tegile', name: 'Tegile Systems', aliases: ['Tegile'] },
  { id: 'tesora', name: 'Tesora Inc', aliases: ['Tesora'] },
  { id: 'tintri', name: 'Tintri' },
  { id: 'toyou', name: 'TOYOU' },
  { id: 'varmour', name: 'vArmour' },
  { id: 'vast-data', name: 'VAST Data' },
  { id: 'veritas', name: 'Veritas' },
  { id: 'violin-memory', name: 'Violin Memory' },
  { id: 'vmware', name: 'VMware' },
  { id: 'x-io', name: 'X-IO Technologies', aliases: ['X-IO'] },
  { id: 'yadro', name: 'YADRO' },
  { id: 'zadara', name: 'Zadara Storage', aliases: ['Zadara'] },
];

/**
 * One driver filed more than once: the entries `from` (by name, in `project`, newest name first) merge into
 * `into`. Each is an upstream rename, checked in the project's tree (a renamed directory or matrix row, the
 * same notes and features): `into` is the entry of the current name, so its `upstream_id` is the one the
 * matrix still has.
 */
export interface DriverMerge {
  project: string;
  into: string;
  from: string[];
  /** What upstream did, for the log. */
  why: string;
}

export const MERGES: DriverMerge[] = [
  {
    project: 'openstack/cinder',
    into: 'Dell EMC XtremIO FC driver',
    from: ['Dell EMC XtremeIO Storage Driver (FC, iSCSI)'],
    why: "the matrix's dell_emc_xtremeio row (Rocky) is dell_emc_xtremio from Stein",
  },
  {
    project: 'openstack/cinder',
    into: 'Dell PowerFlex (ScaleIO) Storage Driver (ScaleIO, NVMe-TCP)',
    from: ['Dell EMC VxFlexOS', 'Dell EMC ScaleIO'],
    why: 'dell_emc/scaleio became dell_emc/vxflexos (Rocky), then dell_emc/powerflex (Victoria)',
  },
  {
    project: 'openstack/cinder',
    into: 'HPE 3PAR Fibre Channel driver',
    from: ['HP 3PAR Fibre Channel driver'],
    why: 'san/hp/hp_3par_fc.py became hpe/hpe_3par_fc.py (Mitaka)',
  },
  {
    project: 'openstack/cinder',
    into: 'HPE 3PAR iSCSI driver',
    from: ['HP 3PAR iSCSI driver'],
    why: 'san/hp/hp_3par_iscsi.py became hpe/hpe_3par_iscsi.py (Mitaka)',
  },
  {
    project: 'openstack/cinder',
    into: 'HPE LeftHand StoreVirtual driver',
    from: ['HP LeftHand StoreVirtual driver'],
    why: 'san/hp/hp_lefthand_iscsi.py became hpe/hpe_lefthand_iscsi.py (Mitaka)',
  },
  {
    project: 'openstack/cinder',
    into: 'HPE MSA Driver (iSCSI, FC)',
    from: ['HP MSA iSCSI/FC volume driver'],
    why: 'san/hp/hpmsa_*.py, in the tree since Liberty, is [driver.hpe_msa]',
  },
  {
    project: 'openstack/cinder',
    into: 'HPE Nimble Storage Driver (iSCSI, FC)',
    from: ['Nimble Storage iSCSI Volume driver'],
    why: 'nimble.py became hpe/nimble.py ([driver.nimble] → [driver.hpe_nimble], Zed)',
  },
  {
    project: 'openstack/cinder',
    into: 'Seagate Driver (iSCSI, FC)',
    from: ['Dot Hill iSCSI/FC volume driver'],
    why: 'dothill/ became stx/ (Train)',
  },
  {
    project: 'openstack/manila',
    into: 'Dell PowerFlex',
    from: ['Dell EMC PowerFlex'],
    why: 'the matrix row "Dell EMC PowerFlex" is "Dell PowerFlex" from Flamingo',
  },
  {
    project: 'openstack/manila',
    into: 'Dell PowerMax',
    from: ['Dell EMC PowerMax', 'Dell EMC VMAX Manila Driver'],
    why: 'plugins/vmax became plugins/powermax ("EMC VMAX" → "Dell EMC PowerMax", Caracal; "Dell PowerMax", Flamingo)',
  },
  {
    project: 'openstack/manila',
    into: 'Dell PowerScale',
    from: ['EMC Isilon'],
    why: 'plugins/isilon became plugins/powerscale ("EMC Isilon" → "Dell PowerScale", Flamingo)',
  },
  {
    project: 'openstack/manila',
    into: 'Dell PowerStore',
    from: ['Dell EMC PowerStore'],
    why: 'the matrix row "Dell EMC PowerStore" is "Dell PowerStore" from Flamingo',
  },
  {
    project: 'openstack/manila',
    into: 'Dell Unity',
    from: ['Dell EMC Unity Manila Driver'],
    why: 'the matrix row "EMC Unity" is "Dell Unity" from Flamingo',
  },
  {
    project: 'openstack/manila',
    into: 'Dell VNX',
    from: ['Dell EMC VNX Manila Driver'],
    why: 'the matrix row "EMC VNX" is "Dell VNX" from Flamingo',
  },
  {
    project: 'openstack/manila',
    into: 'Everpure FlashBlade',
    from: ['Pure Storage FlashBlade'],
    why: 'the matrix row "Pure Storage FlashBlade" is "Everpure FlashBlade" from Hibiscus',
  },
  {
    project: 'openstack/manila',
    into: 'HPE 3PAR Driver',
    from: ['HP 3PAR Driver'],
    why: 'the HP 3PAR share driver is the HPE 3PAR one (hpe/, Mitaka)',
  },
  {
    project: 'openstack/manila',
    into: 'INSPUR AS13000',
    from: ['INSPUR'],
    why: 'the matrix row "INSPUR" (Rocky, Stein: only inspur/as13000 existed) is "INSPUR AS13000" from Train',
  },
];

/** openstack/governance reference/legacy.yaml: `retired-on` of the projects of our file it lists. */
export const RETIRED: Record<string, string> = {
  'openstack/fuel': '2017-06-20',
  'openstack/sahara': '2024-05-10',
};
