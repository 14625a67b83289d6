import type { Driver } from '../model/types.ts';
import { editDistance } from '../common/closest.ts';
import type { ConfigValue } from './config-values.ts';

/** A config value that names no registry driver, with the known names most like it. */
export interface UnmatchedValue {
  value: ConfigValue;
  /** Up to 3 known class paths (or entry point names) of its project, closest first. */
  closest: string[];
}

export interface ConfigMatch {
  drivers: Driver[];
  unmatched: UnmatchedValue[];
}

const CLOSEST = 3;

/**
 * The registry drivers config values name: class paths through `upstream_classes`, entry point names through the
 * `upstream_id` the project's reader gives its drivers, each within the value's own project.
 */
export function matchConfigValues(drivers: readonly Driver[], values: readonly ConfigValue[]): ConfigMatch {
  const classes = new Map<string, Map<string, Driver>>();
  const ids = new Map<string, Map<string, Driver>>();
  const add = (index: Map<string, Map<string, Driver>>, project: string, name: string, driver: Driver) => {
    let own = index.get(project);
    if (!own) index.set(project, (own = new Map()));
    if (!own.has(name)) own.set(name, driver);
  };
  for (const driver of drivers) {
    for (const path of driver.upstream_classes ?? []) add(classes, driver.project_id, path, driver);
    if (driver.upstream_id !== undefined) add(ids, driver.project_id, driver.upstream_id, driver);
  }
  const matched = new Set<Driver>();
  const unmatched: UnmatchedValue[] = [];
  for (const value of values) {
    const index =
      ('classes' in value.match ? classes : ids).get(value.project_id) ?? new Map<string, Driver>();
    const names = 'classes' in value.match ? value.match.classes : [value.match.entryPoint];
    const driver = names.map((name) => index.get(name)).find((found) => found !== undefined);
    if (driver !== undefined) matched.add(driver);
    else unmatched.push({ value, closest: nearest(names[0]!, [...index.keys()]) });
  }
  return { drivers: [...matched], unmatched };
}

function nearest(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, CLOSEST)
    .map((entry) => entry.candidate);
}
