import type { Vendor } from './types.ts';
import { vendorKey } from './vendor-key.ts';

/** A vendor name or alias found in the vendors list: the company's entry and what it matched. */
export interface VendorMatch {
  vendor: Vendor;
  /** The name or alias of the entry that the looked-up text is a spelling of. */
  matched: string;
  /** Whether it matched the company's current name or one of its aliases. */
  as: 'name' | 'alias';
}

export type VendorResolver = (text: string) => VendorMatch | undefined;

/**
 * Looks names up in a vendors list: a text is a company's when it spells the company's `name` or one of its
 * `aliases` the way `vendorKey` compares them ("Dell-EMC" is the alias "Dell EMC"). A name or alias listed
 * twice resolves to its first entry (the `duplicate-vendor` check reports the second).
 */
export function vendorResolver(vendors: readonly Vendor[] | undefined): VendorResolver {
  const index = new Map<string, VendorMatch>();
  const add = (vendor: Vendor, matched: string, as: VendorMatch['as']): void => {
    const key = vendorKey(matched);
    if (!index.has(key)) index.set(key, { vendor, matched, as });
  };
  // Every name before any alias: a name someone also lists as another company's alias stays its own.
  for (const vendor of vendors ?? []) add(vendor, vendor.name, 'name');
  for (const vendor of vendors ?? []) for (const alias of vendor.aliases ?? []) add(vendor, alias, 'alias');
  // Drivers repeat a few hundred vendor spellings, and several checks resolve every driver's.
  const resolved = new Map<string, VendorMatch | undefined>();
  return (text) => {
    if (resolved.has(text)) return resolved.get(text);
    const match = index.get(vendorKey(text));
    resolved.set(text, match);
    return match;
  };
}

/** The vendors list's entry for a driver's `vendor` (a name or an alias), or undefined when none lists it. */
export function resolveVendor(vendors: readonly Vendor[] | undefined, text: string): VendorMatch | undefined {
  return vendorResolver(vendors)(text);
}

/**
 * The one rule for "the same company": two vendor texts are one company when they resolve to the same
 * vendors entry, or, where no entry lists them, when they are spellings of one name (`vendorKey`).
 */
export function companyKey(resolve: VendorResolver, text: string): string {
  // Drivers repeat a few hundred vendor texts, and validate keys every driver's in several checks.
  let keys = companyKeys.get(resolve);
  if (keys === undefined) companyKeys.set(resolve, (keys = new Map()));
  let key = keys.get(text);
  if (key === undefined) {
    const match = resolve(text);
    keys.set(text, (key = match ? `vendor ${match.vendor.id}` : `name ${vendorKey(text)}`));
  }
  return key;
}

const companyKeys = new WeakMap<VendorResolver, Map<string, string>>();
