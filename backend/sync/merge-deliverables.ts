import { isDeepStrictEqual } from 'node:util';
import { driverKey } from '../model/driver-key.ts';
import type { Driver, DriverUpstream, Registry } from '../model/types.ts';
import type { DeliverableFacts, DeliverablePlug } from './read-deliverables.ts';
import { withDeliverableFacts } from './upstream-fields.ts';

export interface DeliverablesMerge {
  registry: Registry;
  /** Linked drivers and what they were found to ship. */
  linked: Array<{ driver: string; deliverable: string; releases: number; newest?: string }>;
  /** Linked drivers whose deliverable no release ships. */
  notShipped: Array<{ driver: string; deliverable: string }>;
  /** Drivers --add-new created (vendor OpenStack Community: the deliverables are OpenStack's own). */
  added: Array<{ project: string; deliverable: string; name: string; entry_points: string[] }>;
  /** Plugging deliverables not added, and why. */
  skipped: Array<{ project: string; deliverable: string; reason: string }>;
}

const VENDOR = 'OpenStack Community';

/** A driver's out-of-tree facts: the releases that ship the deliverable, and the version each ships. */
export function deliverableUpstream(
  facts: DeliverableFacts | undefined,
): Pick<DriverUpstream, 'kind' | 'deliverable' | 'in_tree'> | undefined {
  if (!facts || facts.versions.length === 0) return undefined;
  return {
    kind: 'out-of-tree',
    deliverable: {
      name: facts.name,
      versions: facts.versions.map(([release, version]) => [release, version]),
    },
    in_tree: facts.versions.map(([release]) => release),
  };
}

/**
 * The registry with the deliverable facts of every driver of `projects` linked by upstream_deliverable (and,
 * with `plugs`, a driver for each plugging deliverable nobody links). Nothing else changes; unchanged drivers
 * stay the same objects.
 */
export function mergeDeliverables(
  registry: Registry,
  projects: ReadonlySet<string>,
  facts: ReadonlyMap<string, DeliverableFacts>,
  plugs: readonly DeliverablePlug[] = [],
): DeliverablesMerge {
  const result: DeliverablesMerge = { registry, linked: [], notShipped: [], added: [], skipped: [] };
  const drivers = registry.drivers.map((driver): Driver => {
    if (!projects.has(driver.project_id)) return driver;
    const name = driver.upstream_deliverable;
    const found = name === undefined ? undefined : deliverableUpstream(facts.get(name));
    if (name !== undefined) {
      const versions = found?.deliverable?.versions ?? [];
      if (found) {
        result.linked.push({
          driver: driverKey(driver),
          deliverable: name,
          releases: versions.length,
          newest: versions.at(-1)?.[1],
        });
      } else result.notShipped.push({ driver: driverKey(driver), deliverable: name });
    }
    const upstream = withDeliverableFacts(driver.upstream, found);
    if (isDeepStrictEqual(upstream, driver.upstream)) return driver;
    if (upstream) return { ...driver, upstream };
    const { upstream: _dropped, ...rest } = driver;
    return rest;
  });

  const linkedNames = new Set(registry.drivers.flatMap((driver) => driver.upstream_deliverable ?? []));
  const taken = new Set(drivers.map(driverKey));
  for (const plug of plugs) {
    if (!projects.has(plug.project) || linkedNames.has(plug.name)) continue;
    const skip = (reason: string) =>
      result.skipped.push({ project: plug.project, deliverable: plug.name, reason });
    // The project's own matrix may list the deliverable's driver already (octavia's `ovn` provider).
    const listed = drivers.find(
      (driver) =>
        driver.project_id === plug.project &&
        driver.upstream_id !== undefined &&
        plug.entryPoints.includes(driver.upstream_id),
    );
    if (listed) {
      skip(`${plug.project}'s own matrix lists it as ${listed.upstream_id} (${driverKey(listed)})`);
      continue;
    }
    const upstream = deliverableUpstream(facts.get(plug.name));
    if (!upstream) {
      skip('no release ships it');
      continue;
    }
    const driver: Driver = {
      project_id: plug.project,
      vendor: VENDOR,
      name: plug.name,
      upstream_deliverable: plug.name,
      upstream,
    };
    if (taken.has(driverKey(driver))) {
      skip(
        `a driver "${VENDOR} / ${plug.name}" exists already: set its upstream_deliverable if it is this one`,
      );
      continue;
    }
    taken.add(driverKey(driver));
    linkedNames.add(plug.name);
    drivers.push(driver);
    result.added.push({
      project: plug.project,
      deliverable: plug.name,
      name: plug.name,
      entry_points: plug.entryPoints,
    });
  }
  result.registry = { ...registry, drivers };
  return result;
}
