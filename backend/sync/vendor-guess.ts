import { vendorKey } from '../model/vendor-key.ts';

// A first guess at the vendor of a driver sync adds: the report asks people to review every one.

/** Upstream ids whose title does not start with the vendor, or whose vendor has since been renamed. */
const BY_ID: Array<[RegExp, string]> = [
  [/^dell(_emc)?(_|$)/, 'Dell'],
  [/^emc(_|$)/, 'Dell'],
  [/^hpe?(_|$)/, 'HPE'],
  [/^huawei(_|$)/, 'Huawei'],
  [/^ibm(_|$)/, 'IBM'],
  [/^netapp(_|$)/, 'NetApp'],
  [/^pure(_|$)/, 'Everpure'],
  [/^(rbd|ceph|cephfs)(_|$)/, 'Ceph'],
  [/^(lvm|nfs|generic|zfsonlinux|container)(_|$)/, 'OpenStack Community'],
  [/^libvirt(-|_|$)/, 'OpenStack Community'],
  [/^(win|windows|hyperv)(_|-|$)/, 'Cloudbase'],
  [/^(vmware)(_|-|$)/, 'VMware'],
  [/^(vz|vzstorage)(_|-|$)/, 'Virtuozzo'],
  [/^vrts/, 'Veritas'],
  [/^zvm(_|$)/, 'IBM'],
  [/^powervm(_|$)/, 'IBM'],
  [/^vastdata(_|$)/, 'VAST Data'],
  [/^(ironic|sheepdog|hdfs)(_|$)/, 'OpenStack Community'],
  [/^xenserver(_|$)/, 'Citrix'],
  [/^glusterfs(_|$)/, 'Gluster'],
  [/^maprfs(_|$)/, 'MapR'],
  [/^nexenta/, 'Nexenta'],
  [/^vmstore(_|$)/, 'Tintri'],
  [/^yadro(_|$)/, 'YADRO'],
  [/^infinidat(_|$)/, 'Infinidat'],
  [/^inspur(_|$)/, 'Inspur'],
];

/** The vendor for a driver's upstream id and title, spelled like a vendor the registry already has. */
export function guessVendor(id: string, title: string, knownVendors: readonly string[]): string {
  const known = new Map(knownVendors.map((vendor) => [vendorKey(vendor), vendor]));
  const byId = BY_ID.find(([pattern]) => pattern.test(id.toLowerCase()))?.[1];
  if (byId) return known.get(vendorKey(byId)) ?? byId;
  const word = title.replace(/^[^A-Za-z0-9]+/, '').split(/[\s(/]+/)[0] ?? '';
  const candidate = word === '' ? id : word;
  // "Quobyte" is the "Quobyte Inc." the registry knows; "VMWare" its "VMware".
  const spelled =
    known.get(vendorKey(candidate)) ??
    knownVendors.find((vendor) => vendorKey(vendor.split(/\s/)[0] ?? '') === vendorKey(candidate));
  return spelled ?? candidate.charAt(0).toUpperCase() + candidate.slice(1);
}
