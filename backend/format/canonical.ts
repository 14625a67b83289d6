import { compareDrivers, compareProjects, compareReleases } from '../model/key-order.ts';
// Imported, not read from a path relative to this file: the CLI runs from a bundle that lives elsewhere.
import registrySchema from '../../schema/driverlog.schema.json' with { type: 'json' };

// The canonical form of a registry, as `driverlog format` writes it and the batch job saves it.
// Only order changes: every value of the input is in the output, once per occurrence.

/** What the schema says about one place in the document: its keys' order and its children's shapes. */
interface Shape {
  keys: string[];
  properties: Record<string, Shape>;
  items?: Shape;
  /** The shape of values in a map (additionalProperties with a schema). */
  values?: Shape;
}

const shapeCache = new Map<string, Shape>();

/** The shape of the document the schema's definition `def` describes ('' for the registry itself). */
function shapes(def = ''): Shape {
  let root = shapeCache.get(def);
  if (!root) {
    const schema = registrySchema as Record<string, unknown>;
    const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
    const build = (node: Record<string, unknown> | undefined, depth: number): Shape => {
      const shape: Shape = { keys: [], properties: {} };
      if (!node || depth > 20) return shape;
      const ref = typeof node.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1] : undefined;
      if (ref !== undefined) return build(defs[ref], depth + 1);
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      shape.keys = Object.keys(properties);
      for (const key of shape.keys) shape.properties[key] = build(properties[key], depth + 1);
      if (typeof node.items === 'object')
        shape.items = build(node.items as Record<string, unknown>, depth + 1);
      if (typeof node.additionalProperties === 'object') {
        shape.values = build(node.additionalProperties as Record<string, unknown>, depth + 1);
      }
      return shape;
    };
    root = build(def === '' ? schema : defs[def], 0);
    root.keys = ['$schema', ...root.keys.filter((key) => key !== '$schema')];
    shapeCache.set(def, root);
  }
  return root;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain object with `entries` in order ("__proto__" stays an ordinary key, as in JSON). */
function objectOf(entries: Array<[string, unknown]>): Json {
  const object: Json = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function orderKeys(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, shape?.items));
  if (!isRecord(value)) return value;
  const declared = (key: string): Shape | undefined =>
    shape && Object.hasOwn(shape.properties, key) ? shape.properties[key] : undefined;
  const known = (shape?.keys ?? []).filter((key) => Object.hasOwn(value, key));
  const unknown = Object.keys(value).filter((key) => !declared(key));
  return objectOf(
    [...known, ...unknown].map((key) => [key, orderKeys(value[key], declared(key) ?? shape?.values)]),
  );
}

/** Stable sort of a copy (Array.prototype.sort is stable: ties keep file order). */
const sorted = <T>(list: T[], compare: (a: T, b: T) => number): T[] => [...list].sort(compare);

function sortMapByKey(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return objectOf(sorted(Object.entries(value), ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The registry in canonical order; any JSON value is accepted and returned with the same content. */
export function canonicalize(value: unknown): unknown {
  const registry = orderKeys(value, shapes());
  if (!isRecord(registry)) return registry;
  const result: Json = registry;
  if (Array.isArray(result.projects)) result.projects = sorted(result.projects, compareProjects);
  if (Array.isArray(result.releases)) result.releases = sorted(result.releases, compareReleases);
  const releaseIds = Array.isArray(result.releases)
    ? result.releases.map((release) => (isRecord(release) ? release.id : undefined))
    : [];
  const rank = (id: unknown): number => {
    const index = releaseIds.indexOf(id);
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const byRelease = (a: unknown, b: unknown): number => {
    const [rankA, rankB] = [rank(a), rank(b)];
    return rankA === rankB ? 0 : rankA < rankB ? -1 : 1;
  };
  if (Array.isArray(result.drivers)) {
    result.drivers = sorted(result.drivers, compareDrivers).map((driver) => {
      if (!isRecord(driver)) return driver;
      if (Array.isArray(driver.releases)) driver.releases = sorted(driver.releases, byRelease);
      if (isRecord(driver.verification)) {
        driver.verification = objectOf(
          sorted(Object.entries(driver.verification), ([a], [b]) => byRelease(a, b)),
        );
      }
      return driver;
    });
  }
  if (isRecord(result.scan_state)) {
    const state = result.scan_state;
    for (const key of ['projects', 'ci_fingerprints']) {
      if (isRecord(state[key])) state[key] = sortMapByKey(state[key]);
    }
    const accounts = state.unknown_ci_accounts;
    if (Array.isArray(accounts) && accounts.every((id) => typeof id === 'string')) {
      state.unknown_ci_accounts = sorted(accounts as string[], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
  }
  return result;
}

/**
 * The registry file's canonical text: 2-space indentation, LF line ends, a final newline; a driver's upstream
 * `in_tree` list, and each feature's `[release, value]` history, on one line, so a new release or a changed
 * feature is a one-line diff and the file stays small.
 */
export function formatRegistry(value: unknown): string {
  return `${serialize(canonicalize(value), '', registryRoot)}\n`;
}

/**
 * The runs file's text (see model/runs-file.ts): as formatRegistry, with each run on one line. Drivers and
 * releases keep the order they are given in, which splitting a canonical registry makes the registry's.
 */
export function formatRuns(value: unknown): string {
  return `${serialize(orderKeys(value, shapes('runsFile')), '', runsRoot)}\n`;
}

/** Where a child of a node sits, to find `drivers[i].upstream.features[id]` or `drivers[i].recent[release][k]`. */
type Place = (key: string) => Place | 'one-line' | undefined;

// Each names a node and says where its children sit.
const oneLineEach: Place = () => 'one-line';
const driverUpstream: Place = (key) =>
  key === 'features' ? oneLineEach : key === 'in_tree' ? 'one-line' : undefined;
const driver: Place = (key) => (key === 'upstream' ? driverUpstream : undefined);
const registryRoot: Place = (key) => (key === 'drivers' ? () => driver : undefined);
const runsByRelease: Place = () => oneLineEach;
const driverRuns: Place = (key) => (key === 'recent' ? runsByRelease : undefined);
const runsRoot: Place = (key) => (key === 'drivers' ? () => driverRuns : undefined);

/** JSON.stringify(value, null, 2), except that values at a 'one-line' place are written on one line. */
function serialize(value: unknown, indent: string, place: Place | undefined): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item, index) => {
      const child = place?.(String(index));
      return child === 'one-line' ? oneLine(item) : serialize(item, inner, child);
    });
    return `[\n${inner}${items.join(`,\n${inner}`)}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const members = keys.map((key) => {
    const item = (value as Record<string, unknown>)[key];
    const child = place?.(key);
    const text = child === 'one-line' ? oneLine(item) : serialize(item, inner, child);
    return `${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${inner}${members.join(`,\n${inner}`)}\n${indent}}`;
}

/** `{ "a": 1, "b": [2] }`: JSON on one line, with the spaces Prettier and people put in it. */
function oneLine(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(oneLine).join(', ')}]`;
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const members = keys.map(
    (key) => `${JSON.stringify(key)}: ${oneLine((value as Record<string, unknown>)[key])}`,
  );
  return `{ ${members.join(', ')} }`;
}
