import type { CheckedPattern } from '../checked-pattern.ts';
import { PATTERN_MAX_LENGTH } from '../../model/field-limits.ts';
import { quote } from '../quote.ts';

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

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

// Every check walks the same lists: each is built once per list (checks never change what they read).
const itemsOf = new WeakMap<unknown[], Item[]>();

/** The object items of a top-level list, or undefined when the list is absent or not an array. */
export function listOf(data: unknown, key: 'projects' | 'releases' | 'drivers'): Item[] | undefined {
  if (!isRecord(data) || !Array.isArray(data[key])) return undefined;
  const list = data[key] as unknown[];
  let items = itemsOf.get(list);
  if (items === undefined) {
    items = [];
    for (const [index, value] of list.entries()) {
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

/** Drivers' ci blocks that are objects. */
export function ciBlocks(data: unknown): CiBlock[] {
  return (listOf(data, 'drivers') ?? []).flatMap((driver) =>
    isRecord(driver.value.ci) ? [{ driver, pointer: `${driver.pointer}/ci`, ci: driver.value.ci }] : [],
  );
}

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

/** How problems name a driver: by vendor and name, which people recognise, rather than by index. */
export function driverLabel(driver: Json): string {
  const vendor = typeof driver.vendor === 'string' ? driver.vendor : '?';
  const name = typeof driver.name === 'string' ? driver.name : '?';
  return quote(`${vendor} / ${name}`, 200);
}
