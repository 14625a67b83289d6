// Reads the registry once per build. Pages import `site()`; nothing else touches the disk.
import { DriverlogError } from '../../../backend/common/errors.ts';
import type { Registry } from '../../../backend/model/types.ts';
import { openRegistry } from '../../../backend/store/open-registry.ts';
import type { LocatedProblem } from '../../../backend/validate/problem.ts';
import { formatText } from '../../../backend/validate/problem-output.ts';
import { buildClientIndex, decodeDriver, type ClientDriver, type ClientIndex } from '../lib/client-index.ts';
import { hiddenByDefault } from '../lib/lifecycle.ts';
import type { DriverView } from '../lib/driver-view.ts';
import { feedEvents, type FeedEvent } from '../lib/feed-events.ts';
import { buildModel, type SiteModel } from '../lib/model.ts';
import type { ProjectView } from '../lib/project-views.ts';
import { readSettings, type Settings } from './settings.ts';

/** The registry or its runs file is not JSON, or has entries the schema refuses: the build stops, saying where. */
export class RegistryReadError extends DriverlogError {
  constructor(readonly problems: LocatedProblem[]) {
    super(
      `${formatText(problems, new Set(problems.map((p) => p.file)).size).trimEnd()}\n` +
        "the site is built from a registry of the schema's shape only ('driverlog validate' shows every problem)",
      'REGISTRY_READ',
      'problems',
    );
  }
}

export interface Site {
  settings: Settings;
  /** The registry as read (validated, runs joined): for rules that take the registry itself, such as upgrades. */
  registry: Registry;
  model: SiteModel;
  /** The home table's data (drivers-index.json); the server renders its rows from the same entries. */
  index: ClientIndex;
  /** The index's entries as the browser decodes them, once per build for the rows the server renders. */
  clientDrivers: ClientDriver[];
  /** Per index entry, whether its row waits behind "show retired and removed" (and lives on the retired page). */
  goneByDefault: boolean[];
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

/** Problems that leave no registry to build from: a file that is not JSON, or entries the schema refuses. */
const UNREADABLE = new Set(['json-syntax', 'schema', 'runs-schema']);

export function site(): Site {
  if (cached) return cached;
  const settings = readSettings(process.env, Date.now());
  // The reading every command shares (store/open-registry.ts, through validate/read-registry.ts): both files
  // parsed once, validated, and the runs joined into the records. Other problems are the maintainers' to fix
  // and leave the site as true as the data.
  const opened = openRegistry(settings.dataPath);
  const refused = opened.problems.filter((p) => p.severity === 'error' && UNREADABLE.has(p.check));
  if (refused.length > 0 || opened.value === undefined) throw new RegistryReadError(refused);
  const registry: Registry = opened.value;
  const model = buildModel(registry, settings.now);
  cached = { settings, registry, model, ...derived(model, settings) };
  return cached;
}

/** Lookups several pages share, made once per build rather than once per page. */
function derived(model: SiteModel, settings: Settings): Omit<Site, 'settings' | 'registry' | 'model'> {
  const events = feedEvents(model, settings);
  const index = buildClientIndex(model, settings.now, settings.staleDays);
  const clientDrivers = index.drivers.map((d) => decodeDriver(d, index));
  return {
    index,
    clientDrivers,
    goneByDefault: clientDrivers.map((d) => hiddenByDefault(d, [])),
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
