import type { CheckedPattern } from '../checked-pattern.ts';
import { JOB_PATTERN_MAX_LENGTH, PATTERN_MAX_LENGTH } from '../../model/field-limits.ts';
import { quote } from '../../common/quote.ts';
import { vendorResolver, type VendorResolver } from '../../model/resolve-vendor.ts';
import type { Vendor } from '../../model/types.ts';

// Checks run on files that may fail the schema, so they read the data through these guards and
// skip what is not the expected shape (the schema check reports that).

export type Json = Record<string, unknown>;

export interface Item {
  index: number;
  pointer: string;
  value: Json;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What identifies a driver, as far as its entry has it. */
export interface DriverKey {
  project_id: string;
  vendor: string;
  name: string;
}

/** Whether a driver's entry has its whole key (checks skip an entry that does not: the schema reports it). */
export function hasDriverKey(value: Json): value is Json & DriverKey {
  return (
    typeof value.project_id === 'string' && typeof value.vendor === 'string' && typeof value.name === 'string'
  );
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

// Every check walks the same lists: each is built once per list (checks never change what they read).
const itemsOf = new WeakMap<unknown[], Item[]>();

/** The object items of a top-level list, or undefined when the list is absent or not an array. */
export function listOf(
  data: unknown,
  key: 'projects' | 'vendors' | 'releases' | 'drivers',
): Item[] | undefined {
  if (!isRecord(data) || !Array.isArray(data[key])) return undefined;
  const list = data[key] as unknown[];
  let items = itemsOf.get(list);
  if (items === undefined) {
    items = [];
    for (let index = 0; index < list.length; index++) {
      const value = list[index];
      if (isRecord(value)) items.push({ index, pointer: `/${key}/${index}`, value });
    }
    itemsOf.set(list, items);
  }
  return items;
}

export interface CiBlock {
  driver: Item;
  pointer: string;
  ci: Json;
}

/** Drivers' ci blocks that are objects (built once per list of drivers, as listOf's items: five checks read them). */
export function ciBlocks(data: unknown): CiBlock[] {
  const drivers = listOf(data, 'drivers');
  if (drivers === undefined) return [];
  let blocks = blocksOf.get(drivers);
  if (blocks === undefined) {
    blocks = [];
    for (const driver of drivers)
      if (isRecord(driver.value.ci))
        blocks.push({ driver, pointer: `${driver.pointer}/ci`, ci: driver.value.ci });
    blocksOf.set(drivers, blocks);
  }
  return blocks;
}

const blocksOf = new WeakMap<Item[], CiBlock[]>();

export type PatternField = 'success_pattern' | 'failure_pattern';
export const PATTERN_FIELDS: PatternField[] = ['success_pattern', 'failure_pattern'];

export interface CiPattern {
  driver: Item;
  field: PatternField;
  /** Pointer of the pattern itself. */
  pointer: string;
  source: string;
  compiled: CheckedPattern;
}

/**
 * Every CI pattern that is a string no longer than the schema allows (the schema check reports longer
 * ones), with its compiled form (the run memoizes compile).
 */
export function ciPatterns(data: unknown, compile: (source: string) => CheckedPattern): CiPattern[] {
  // Six checks read every pattern; the run's compile function identifies the run.
  const cached = patternsOf.get(compile);
  if (cached && cached.data === data) return cached.patterns;
  const patterns: CiPattern[] = [];
  for (const { driver, ci, pointer } of ciBlocks(data)) {
    for (const field of PATTERN_FIELDS) {
      const source = ci[field];
      if (typeof source !== 'string' || source.length > PATTERN_MAX_LENGTH) continue;
      patterns.push({ driver, field, pointer: `${pointer}/${field}`, source, compiled: compile(source) });
    }
  }
  patternsOf.set(compile, { data, patterns });
  return patterns;
}

const patternsOf = new WeakMap<object, { data: unknown; patterns: CiPattern[] }>();

/** A `ci.jobs` entry: an RE2 pattern matched against a whole Zuul job name. */
export interface JobPattern {
  driver: Item;
  field: 'jobs';
  pointer: string;
  source: string;
  compiled: CheckedPattern;
}

/** Every `ci.jobs` entry that is a string no longer than the schema allows, compiled as written. */
export function jobPatterns(data: unknown, compile: (source: string) => CheckedPattern): JobPattern[] {
  return ciBlocks(data).flatMap(({ driver, ci, pointer }) =>
    (Array.isArray(ci.jobs) ? (ci.jobs as unknown[]) : []).flatMap((source, index): JobPattern[] =>
      typeof source !== 'string' || source.length > JOB_PATTERN_MAX_LENGTH
        ? []
        : [{ driver, field: 'jobs', pointer: `${pointer}/jobs/${index}`, source, compiled: compile(source) }],
    ),
  );
}

/** Both kinds of RE2 pattern, for the rules every one of them is held to (syntax, ReDoS shapes). */
export function everyPattern(
  data: unknown,
  compile: (source: string) => CheckedPattern,
): Array<CiPattern | JobPattern> {
  return [...ciPatterns(data, compile), ...jobPatterns(data, compile)];
}

/** How a problem names a pattern's field. */
export function fieldLabel(field: PatternField | 'jobs'): string {
  return field === 'jobs' ? 'jobs entry' : field;
}

/** How problems name a driver: by vendor and name, which people recognise, rather than by index. */
export function driverLabel(driver: Json): string {
  const vendor = typeof driver.vendor === 'string' ? driver.vendor : '?';
  const name = typeof driver.name === 'string' ? driver.name : '?';
  return quote(`${vendor} / ${name}`, 200);
}

/**
 * The vendors list as far as it has the schema's shape (entries without a string id and name are left out,
 * and aliases that are not strings), or undefined when the registry has none.
 */
export function vendorsOf(data: unknown): Vendor[] | undefined {
  const items = listOf(data, 'vendors');
  if (!items) return undefined;
  return items.flatMap(({ value }) => {
    const id = stringAt(value, 'id');
    const name = stringAt(value, 'name');
    if (id === undefined || name === undefined) return [];
    const aliases = Array.isArray(value.aliases)
      ? value.aliases.filter((alias): alias is string => typeof alias === 'string')
      : [];
    return [{ id, name, aliases }];
  });
}

// Several checks resolve every driver's vendor: the resolver is built once per parsed document.
const resolvers = new WeakMap<object, VendorResolver>();

/** The vendors list's resolver for a parsed registry (one with no list resolves nothing). */
export function vendorsResolver(data: unknown): VendorResolver {
  if (!isRecord(data)) return vendorResolver(undefined);
  let resolve = resolvers.get(data);
  if (!resolve) resolvers.set(data, (resolve = vendorResolver(vendorsOf(data))));
  return resolve;
}
