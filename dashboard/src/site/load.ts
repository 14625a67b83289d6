// Reads the registry once per build. Pages import `site()`; nothing else touches the disk.
import { DriverlogError } from '../../../backend/common/errors.ts';
import { openRegistry, type OpenedRegistry } from '../../../backend/registry/open-registry.ts';
import { joinRuns } from '../../../backend/registry/runs-file.ts';
import type { Registry } from '../../../backend/registry/types.ts';
import { buildClientIndex, type ClientIndex } from '../lib/client-index.ts';
import type { DriverView } from '../lib/driver-view.ts';
import { feedEvents, type FeedEvent } from '../lib/feed-events.ts';
import { buildModel, type SiteModel } from '../lib/model.ts';
import { normalizeRegistry, normalizeRuns } from '../lib/normalize.ts';
import type { ProjectView } from '../lib/project-views.ts';
import { readSettings, type Settings } from './settings.ts';

/** The registry file is not JSON (or not UTF-8): the message says where, as `driverlog validate` would. */
export class RegistryReadError extends DriverlogError {
  constructor(message: string) {
    super(message, 'REGISTRY_READ', 'problems');
  }
}

export interface Site {
  settings: Settings;
  model: SiteModel;
  /** The home table's data (drivers-index.json); the server renders its rows from the same entries. */
  index: ClientIndex;
  /** Every status change, newest first (the feeds). */
  events: FeedEvent[];
  /** Events per driver slug and per vendor id, newest first. */
  eventsByDriver: Map<string, FeedEvent[]>;
  eventsByVendor: Map<string, FeedEvent[]>;
  /** Drivers per vendor id and per project id. */
  driversByVendor: Map<string, DriverView[]>;
  driversByProject: Map<string, DriverView[]>;
  projectsById: Map<string, ProjectView>;
}

let cached: Site | undefined;

export function site(): Site {
  if (cached) return cached;
  const settings = readSettings(process.env, Date.now());
  // The one reader every command uses: a byte order mark or a non-UTF-8 byte is judged as `validate` does.
  const opened = openRegistry(settings.dataPath);
  if (!opened.source.ok) {
    const { position, message, hint } = opened.source.error;
    throw new RegistryReadError(
      `${settings.dataPath}:${position.line}:${position.column}: not a registry: ${message}\n    hint: ${hint}`,
    );
  }
  // Validation problems do not stop the build: normalizeRegistry keeps what has the right shape.
  const model = buildModel(
    withRuns(normalizeRegistry(opened.source.value, settings.dataPath), opened),
    settings.now,
  );
  cached = { settings, model, ...derived(model, settings) };
  return cached;
}

/**
 * The registry with the runs from the runs file beside it. openRegistry joins them only into a registry without
 * schema errors, since commands refuse any other; the site is built from whatever has the right shape, so it
 * joins the runs the same way (joinRuns) into the normalized registry. A runs file that is not JSON fails the
 * build where it breaks, as the registry does: a site silently without runs would look like silent CIs.
 */
function withRuns(registry: Registry, opened: OpenedRegistry): Registry {
  if (opened.runs === undefined) return registry;
  const broken = opened.problems.find((p) => p.file === opened.runs!.file && p.check === 'json-syntax');
  if (broken !== undefined) {
    throw new RegistryReadError(
      `${broken.file}:${broken.line}:${broken.column}: not a runs file: ${broken.message}\n    hint: ${broken.hint}`,
    );
  }
  const { source } = opened.runs;
  const runs = normalizeRuns(source.ok ? source.value : undefined, opened.runs.file);
  return joinRuns(registry, runs).registry;
}

/** Lookups several pages share, made once per build rather than once per page. */
function derived(model: SiteModel, settings: Settings): Omit<Site, 'settings' | 'model'> {
  const events = feedEvents(model, settings);
  return {
    index: buildClientIndex(model, settings.now, settings.staleDays),
    events,
    eventsByDriver: groupBy(events, (e) => e.driver.slug),
    eventsByVendor: groupBy(events, (e) => e.driver.vendorId),
    driversByVendor: groupBy(model.drivers, (d) => d.vendorId),
    driversByProject: groupBy(model.drivers, (d) => d.projectId),
    projectsById: new Map(model.projects.map((p) => [p.id, p])),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
