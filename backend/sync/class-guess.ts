import { driverKey } from '../model/driver-key.ts';
import type { Driver } from '../model/types.ts';
import { vendorKey } from '../model/vendor-key.ts';
import { closest } from '../common/closest.ts';
import { guessVendor } from './vendor-guess.ts';

// Which registry driver a driver class nobody links to most likely is: the report names these, and
// `sync --add-new` links a class where one driver is the clear answer. Pure.

export interface LikelyDriver {
  driver: string;
  why: string;
}

export interface ClassGuess {
  /** At most three, the likeliest first. */
  likely: LikelyDriver[];
  /** The one driver --add-new may link the class to: a driver of a sibling class, or one upstream_id. */
  link?: Driver;
  /** The vendor a new driver for the class would have, and the words of its path, for its name. */
  vendor: string;
  words: string[];
}

const MAX_LIKELY = 3;

/** Where a class is: its module, its package when that is below the code's root, and its words there. */
export function classPlace(classPath: string, roots: readonly string[]) {
  const module = classPath.slice(0, classPath.lastIndexOf('.'));
  const root = roots
    .filter((r) => module === r || module.startsWith(`${r}.`))
    .sort((a, b) => b.length - a.length)[0];
  const below = root === undefined ? module : module.slice(root.length + 1);
  const words = below === '' ? [] : below.split('.');
  const parent = module.slice(0, module.lastIndexOf('.'));
  const inPackage = root !== undefined && parent.length > root.length && parent.startsWith(`${root}.`);
  return { module, words, package: inPackage ? parent : undefined };
}

/**
 * The drivers of `drivers` (one project's) a class most likely belongs to: the one linking another class of
 * its module, or of its package; one whose upstream_id its module path spells; those of the vendor its
 * path suggests.
 */
export function guessClass(
  classPath: string,
  roots: readonly string[],
  drivers: readonly Driver[],
  vendors: readonly string[],
): ClassGuess {
  const place = classPlace(classPath, roots);
  const likely: Array<LikelyDriver & { target: Driver }> = [];
  const add = (target: Driver, why: string) => {
    if (likely.some((entry) => entry.target === target)) return;
    likely.push({ driver: driverKey(target), why, target });
  };
  const sameModule = new Set<Driver>();
  for (const driver of drivers) {
    const sibling = (driver.upstream_classes ?? []).find(
      (linked) => classPlace(linked, roots).module === place.module,
    );
    if (sibling) {
      sameModule.add(driver);
      add(driver, `links ${sibling}, of the same module`);
    }
  }
  // A vendor's folder often holds several products: its own upstream_id says more than a neighbour.
  const byId = upstreamIdMatch(place.words, drivers);
  if (byId) add(byId.driver, `its upstream_id "${byId.driver.upstream_id}" is spelled by the module path`);
  const samePackage = new Set<Driver>();
  for (const driver of drivers) {
    const sibling = (driver.upstream_classes ?? []).find(
      (linked) => place.package !== undefined && classPlace(linked, roots).package === place.package,
    );
    if (sibling) {
      samePackage.add(driver);
      add(driver, `links ${sibling}, of the same package`);
    }
  }
  const tokens = place.words.join('_');
  const vendor = guessVendor(tokens, place.words[0] ?? tokens, vendors);
  const ofVendor = drivers.filter((driver) => vendorKey(driver.vendor) === vendorKey(vendor));
  for (const { driver } of byWordsShared(ofVendor, place.words))
    add(driver, `vendor ${vendor}, and a name like its path`);
  const sole = (set: Set<Driver>) => (set.size === 1 ? [...set][0] : undefined);
  const link =
    sameModule.size > 0
      ? sole(sameModule)
      : byId?.exact
        ? byId.driver
        : samePackage.size > 0
          ? sole(samePackage)
          : undefined;
  return {
    likely: likely.slice(0, MAX_LIKELY).map(({ driver, why }) => ({ driver, why })),
    ...(link ? { link } : {}),
    vendor,
    words: place.words,
  };
}

/**
 * The driver whose upstream_id is the longest run of the module path's words (dell_emc.powermax.fc →
 * dell_emc_powermax), or failing that one a typo away from the whole path's.
 */
function upstreamIdMatch(
  words: readonly string[],
  drivers: readonly Driver[],
): { driver: Driver; exact: boolean } | undefined {
  const byId = new Map(drivers.flatMap((d) => (d.upstream_id ? [[d.upstream_id, d] as const] : [])));
  const tokens = words.join('_').split('_');
  for (let length = tokens.length; length > 0; length--) {
    for (let start = 0; start + length <= tokens.length; start++) {
      const found = byId.get(tokens.slice(start, start + length).join('_'));
      if (found) return { driver: found, exact: true };
    }
  }
  // Short ids are a typo away from too many others ("rsd", "rbd").
  const whole = tokens.join('_');
  const near = whole.length < MIN_NEAR ? undefined : closest(whole, [...byId.keys()]);
  return near === undefined ? undefined : { driver: byId.get(near)!, exact: false };
}

const MIN_NEAR = 6;

/** The drivers whose name or upstream_id has some word of the path, most words first. */
function byWordsShared(drivers: readonly Driver[], words: readonly string[]) {
  const tokens = [...new Set(words.join('_').split('_'))].filter((token) => token.length > 2);
  return drivers
    .map((driver) => {
      const text = `${driver.name} ${driver.upstream_id ?? ''}`.toLowerCase();
      return { driver, shared: tokens.filter((token) => text.includes(token)).length };
    })
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared);
}
