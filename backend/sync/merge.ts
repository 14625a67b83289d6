import { driverKey } from '../model/driver-key.ts';
import type { Driver, Registry } from '../model/types.ts';
import { driverUpstream, indexMatrices, matrixDriverIds, type ReleaseMatrix } from './driver-upstream.ts';
import { guessVendor } from './vendor-guess.ts';

export interface ProjectMerge {
  registry: Registry;
  /** Drivers --add-new created: their vendor is a guess. */
  added: Array<{ upstream_id: string; vendor: string; name: string }>;
  /** Matrix drivers no registry driver links to (without --add-new, or whose new entry would collide). */
  notInRegistry: Array<{ upstream_id: string; title: string; in_tree: string[]; reason?: string }>;
  /** Registry drivers whose upstream_id no matrix lists. */
  notInMatrix: Array<{ driver: string; upstream_id: string }>;
}

const NAME_MAX = 120;

/**
 * The registry with one project caught up with its matrices (oldest release first, at least one): the
 * project's `features`, its drivers' `upstream`, and with `addNew` a driver for each unlinked matrix
 * driver. Nothing else changes, and unchanged drivers stay the same objects.
 */
export function mergeProject(
  registry: Registry,
  projectId: string,
  matrices: readonly ReleaseMatrix[],
  options: { addNew: boolean },
): ProjectMerge {
  const newest = matrices.at(-1);
  if (!newest) throw new Error(`mergeProject(${projectId}) needs at least one matrix`);
  const features = newest.matrix.features;
  const index = indexMatrices(matrices);
  const result: ProjectMerge = { registry, added: [], notInRegistry: [], notInMatrix: [] };

  const linked = new Set<string>();
  const drivers = registry.drivers.map((driver): Driver => {
    if (driver.project_id !== projectId) return driver;
    const id = driver.upstream_id;
    const upstream = id === undefined ? undefined : driverUpstream(id, index, features);
    if (id !== undefined) linked.add(id);
    if (id !== undefined && !upstream)
      result.notInMatrix.push({ driver: driverKey(driver), upstream_id: id });
    if (upstream) return { ...driver, upstream };
    if (driver.upstream === undefined) return driver;
    // sync owns `upstream`: a driver no matrix lists (any more) has none.
    const { upstream: _dropped, ...rest } = driver;
    return rest;
  });

  const vendors = [...new Set(registry.drivers.map((driver) => driver.vendor))];
  const taken = new Set(drivers.map(driverKey));
  for (const id of matrixDriverIds(index)) {
    if (linked.has(id)) continue;
    const upstream = driverUpstream(id, index, features)!;
    const title = upstream.title ?? id;
    const entry = { upstream_id: id, title, in_tree: upstream.in_tree ?? [] };
    if (!options.addNew) {
      result.notInRegistry.push(entry);
      continue;
    }
    const driver: Driver = {
      project_id: projectId,
      vendor: guessVendor(id, title, vendors),
      name: title.length > NAME_MAX ? `${title.slice(0, NAME_MAX - 1)}…` : title,
      upstream_id: id,
      upstream,
    };
    if (taken.has(driverKey(driver))) {
      result.notInRegistry.push({
        ...entry,
        reason: `a driver "${driver.vendor} / ${driver.name}" exists already: set its upstream_id to "${id}" if it is this one`,
      });
      continue;
    }
    taken.add(driverKey(driver));
    drivers.push(driver);
    result.added.push({ upstream_id: id, vendor: driver.vendor, name: driver.name });
  }

  const projects = registry.projects.map((project) =>
    project.id === projectId ? { ...project, features: [...features] } : project,
  );
  result.registry = { ...registry, projects, drivers };
  return result;
}
