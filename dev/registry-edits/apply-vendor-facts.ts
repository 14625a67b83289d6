import { DriverlogError } from '../../backend/common/errors.ts';
import { vendorResolver } from '../../backend/model/resolve-vendor.ts';
import type { Driver, Registry, Vendor } from '../../backend/model/types.ts';
import { mergeDrivers, type Dropped } from './merge-drivers.ts';
import { MERGES, RETIRED, VENDORS, type DriverMerge } from './vendor-facts.ts';

export interface VendorFacts {
  vendors: readonly Vendor[];
  merges: readonly DriverMerge[];
  retired: Readonly<Record<string, string>>;
}

/** What applying the facts changed, for the person who runs it. */
export interface VendorFactsLog {
  /** Companies the facts do not list, given an entry of their own name. */
  addedVendors: Vendor[];
  /** Per driver whose vendor was a former name or another spelling: its project, name, and both vendors. */
  renamed: Array<{ project: string; name: string; from: string; to: string }>;
  merged: Array<{ project: string; into: string; from: string[]; why: string; dropped: Dropped[] }>;
  retired: Array<{ project: string; retired_on: string }>;
}

/** The facts cannot be applied to this registry as it is (a merge names a driver it does not have). */
export class VendorFactsError extends DriverlogError {
  constructor(message: string) {
    super(message, 'VENDOR_FACTS', 'problems');
  }
}

/**
 * The registry with the facts applied: the vendors list (the facts' entries, the registry's other ones, and an
 * entry for any company neither lists), every driver's vendor written as its company's name, the merges done,
 * and `retired_on` set. Applying it again changes nothing.
 */
export function applyVendorFacts(
  registry: Registry,
  facts: VendorFacts = { vendors: VENDORS, merges: MERGES, retired: RETIRED },
): { registry: Registry; log: VendorFactsLog } {
  const log: VendorFactsLog = { addedVendors: [], renamed: [], merged: [], retired: [] };
  const ids = new Set(facts.vendors.map((vendor) => vendor.id));
  const vendors = [...facts.vendors, ...(registry.vendors ?? []).filter((vendor) => !ids.has(vendor.id))];
  let resolve = vendorResolver(vendors);
  for (const driver of registry.drivers) {
    if (resolve(driver.vendor) !== undefined) continue;
    const vendor = { id: vendorId(driver.vendor), name: driver.vendor };
    if (vendors.some((known) => known.id === vendor.id)) {
      throw new VendorFactsError(
        `vendor ${JSON.stringify(driver.vendor)} is in no vendors entry, and its id "${vendor.id}" is taken: add it to the facts`,
      );
    }
    vendors.push(vendor);
    log.addedVendors.push(vendor);
    resolve = vendorResolver(vendors);
  }

  let drivers = registry.drivers.map((driver): Driver => {
    const name = resolve(driver.vendor)!.vendor.name;
    if (name === driver.vendor) return driver;
    log.renamed.push({ project: driver.project_id, name: driver.name, from: driver.vendor, to: name });
    return { ...driver, vendor: name };
  });

  const releaseOrder = (registry.releases ?? []).map((release) => release.id);
  for (const merge of facts.merges) {
    const named = (name: string) =>
      drivers.filter((driver) => driver.project_id === merge.project && driver.name === name);
    const from = merge.from.flatMap(named);
    // Merged on an earlier run.
    if (from.length === 0) continue;
    const into = named(merge.into);
    if (into.length !== 1) {
      throw new VendorFactsError(
        `${merge.project} has ${into.length} drivers named ${JSON.stringify(merge.into)} to merge ${merge.from.map((name) => JSON.stringify(name)).join(', ')} into, not one`,
      );
    }
    const { driver, dropped } = mergeDrivers(into[0]!, from, releaseOrder);
    drivers = drivers.flatMap((d) => (from.includes(d) ? [] : d === into[0] ? [driver] : [d]));
    log.merged.push({
      project: merge.project,
      into: merge.into,
      from: from.map((d) => d.name),
      why: merge.why,
      dropped,
    });
  }

  const projects = registry.projects.map((project) => {
    const retired = facts.retired[project.id];
    if (retired === undefined || project.retired_on === retired) return project;
    log.retired.push({ project: project.id, retired_on: retired });
    return { ...project, retired_on: retired };
  });
  return { registry: { ...registry, projects, vendors, drivers }, log };
}

/** A vendor id as the schema has them: lower case letters and digits, words joined by "-". */
export function vendorId(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z\d]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'vendor'
  );
}
