// The companies behind the drivers, one page each under the vendor's id. A driver names its vendor by the vendor's
// name or one of its aliases (the vendor-alias check flags the alias; the site still files the driver under its
// company); a name no vendor lists keeps a page of its own, under a slug of the name.
import { compareText } from '../../../backend/model/key-order.ts';
import type { Registry } from '../../../backend/model/types.ts';
import { vendorKey } from '../../../backend/model/vendor-key.ts';
import { shortSlug, uniqueSlugs } from './slugs.ts';
import { safeHref } from './text.ts';

export interface VendorView {
  /** The page's path segment: the vendor's id, or a slug of an unlisted name. */
  id: string;
  name: string;
  /** Other names the company went by; search finds its drivers by any of them. */
  aliases: string[];
  url?: string;
}

export interface Vendors {
  /** By name. */
  list: VendorView[];
  /** The vendor of a driver's `vendor` field. */
  of(vendor: string): VendorView;
  /** Slugs vendor pages had under the vendor's former names (the site named pages by vendor name): slug → id. */
  formerSlugs: Map<string, string>;
}

export function vendorViews(registry: Pick<Registry, 'vendors' | 'drivers'>): Vendors {
  const listed: VendorView[] = (registry.vendors ?? []).map((v) => {
    const view: VendorView = { id: shortSlug(v.id) || v.id, name: v.name, aliases: v.aliases ?? [] };
    const url = safeHref(v.url);
    if (url) view.url = url;
    return view;
  });
  const byKey = new Map<string, VendorView>();
  for (const v of listed)
    for (const name of [v.name, ...v.aliases]) if (!byKey.has(vendorKey(name))) byKey.set(vendorKey(name), v);
  const taken = new Set(listed.map((v) => v.id));
  const unlistedNames = [...new Set(registry.drivers.map((d) => d.vendor))]
    .filter((name) => !byKey.has(vendorKey(name)))
    .sort(compareText);
  const slugs = uniqueSlugs(
    unlistedNames.map((name) => ({ base: name, identity: name })),
    'vendor',
  );
  const unlisted = unlistedNames.map((name, i): VendorView => {
    let id = slugs[i]!;
    for (let n = 2; taken.has(id); n++) id = `${slugs[i]}-${n}`;
    taken.add(id);
    return { id, name, aliases: [] };
  });
  const exact = new Map(unlisted.map((v) => [v.name, v]));
  const list = [...listed, ...unlisted].sort((a, b) => compareText(a.name, b.name));
  // Names drivers still spell their listed vendor with, then the vendors' own names and aliases.
  const spelled = registry.drivers.flatMap((d) => {
    const v = exact.has(d.vendor) ? undefined : byKey.get(vendorKey(d.vendor));
    return v ? [[d.vendor, v] as const] : [];
  });
  const formerSlugs = new Map<string, string>();
  for (const [name, v] of [
    ...listed.flatMap((v) => [v.name, ...v.aliases].map((n) => [n, v] as const)),
    ...spelled,
  ]) {
    const slug = shortSlug(name);
    if (slug && !taken.has(slug) && !formerSlugs.has(slug)) formerSlugs.set(slug, v.id);
  }
  return {
    list,
    of: (vendor) => exact.get(vendor) ?? byKey.get(vendorKey(vendor))!,
    formerSlugs,
  };
}
