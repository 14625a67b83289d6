import { isDeepStrictEqual } from 'node:util';
import type { Driver, DriverUpstream, Registry, SupportValue } from '../model/types.ts';

/** Something a project's matrices say that the registry did not say before. */
export type SyncEvent =
  | {
      kind: 'gain' | 'lose' | 'change';
      driver: string;
      feature: string;
      release: string;
      from: Value;
      to: Value;
    }
  | { kind: 'enter' | 'leave'; driver: string; release: string };
type Value = SupportValue | null;

/** What one project's sync changes in the registry. */
export interface ProjectChanges {
  project: string;
  features: { added: string[]; removed: string[]; changed: string[] };
  /** Releases whose matrix is read for the first time, or no longer. */
  releases: { added: string[]; removed: string[] };
  /** upstream_ids of drivers --add-new created. */
  added: string[];
  /** upstream_ids of existing drivers that gain an `upstream`, or lose it. */
  linked: string[];
  unlinked: string[];
  /** New facts about drivers that had an upstream before and still do. */
  events: SyncEvent[];
  /** How many earlier facts no longer hold (a matrix was corrected, or a ref changed). */
  revised: number;
  /** Whether anything sync owns in this project differs at all. */
  changed: boolean;
}

const RANK: Record<string, number> = { complete: 2, partial: 1 };
const rank = (value: Value) => (value === null ? 0 : (RANK[value] ?? 0));

export function diffProject(before: Registry, after: Registry, projectId: string): ProjectChanges {
  const oldProject = before.projects.find((project) => project.id === projectId);
  const newProject = after.projects.find((project) => project.id === projectId);
  const oldFeatures = new Map((oldProject?.features ?? []).map((feature) => [feature.id, feature]));
  const newFeatures = new Map((newProject?.features ?? []).map((feature) => [feature.id, feature]));
  const own = (registry: Registry) => registry.drivers.filter((driver) => driver.project_id === projectId);
  const byId = (drivers: Driver[]) =>
    new Map(drivers.flatMap((driver) => (driver.upstream_id ? [[driver.upstream_id, driver] as const] : [])));
  const oldDrivers = byId(own(before));
  const newDrivers = byId(own(after));
  const oldData = dataReleases(own(before), after);
  const newData = dataReleases(own(after), after);

  const changes: ProjectChanges = {
    project: projectId,
    features: {
      added: [...newFeatures.keys()].filter((id) => !oldFeatures.has(id)),
      removed: [...oldFeatures.keys()].filter((id) => !newFeatures.has(id)),
      changed: [...newFeatures]
        .filter(([id, f]) => oldFeatures.has(id) && !isDeepStrictEqual(f, oldFeatures.get(id)))
        .map(([id]) => id),
    },
    releases: {
      added: newData.filter((release) => !oldData.includes(release)),
      removed: oldData.filter((release) => !newData.includes(release)),
    },
    added: [...newDrivers.keys()].filter((id) => !oldDrivers.has(id)),
    linked: [],
    unlinked: [],
    events: [],
    revised: 0,
    changed:
      !isDeepStrictEqual(oldProject?.features, newProject?.features) ||
      !isDeepStrictEqual(
        own(before).map((driver) => [driver.upstream_id, driver.upstream]),
        own(after).map((driver) => [driver.upstream_id, driver.upstream]),
      ) ||
      own(before).length !== own(after).length,
  };
  for (const [id, driver] of newDrivers) {
    const old = oldDrivers.get(id);
    if (!old) continue;
    if (!old.upstream && driver.upstream) changes.linked.push(id);
    if (old.upstream && !driver.upstream) changes.unlinked.push(id);
    if (!old.upstream || !driver.upstream) continue;
    const was = new Set(eventsOf(id, old.upstream, oldData).map((event) => JSON.stringify(event)));
    const now = eventsOf(id, driver.upstream, newData);
    const kept = now.filter((event) => was.has(JSON.stringify(event))).length;
    changes.events.push(...now.filter((event) => !was.has(JSON.stringify(event))));
    changes.revised += was.size - kept;
  }
  return changes;
}

/** Releases some driver of the project is in the tree in, in the registry's release order. */
function dataReleases(drivers: Driver[], registry: Registry): string[] {
  const listed = new Set(drivers.flatMap((driver) => driver.upstream?.in_tree ?? []));
  return (registry.releases ?? []).map((release) => release.id).filter((id) => listed.has(id));
}

/** The facts one driver's upstream states: each value change, and each entry into and exit from the tree. */
function eventsOf(driver: string, upstream: DriverUpstream, data: string[]): SyncEvent[] {
  const events: SyncEvent[] = [];
  for (const [feature, pairs] of Object.entries(upstream.features ?? {})) {
    pairs.forEach(([release, to], i) => {
      if (i === 0) return;
      const from = pairs[i - 1]![1];
      const kind = rank(to) > rank(from) ? 'gain' : rank(to) < rank(from) ? 'lose' : 'change';
      // A row the matrix gains (or drops) as "missing" or "unknown" says nothing new of the driver.
      if (kind === 'change' && (from === null || to === null)) return;
      events.push({ kind, driver, feature, release, from, to });
    });
  }
  const inTree = new Set(upstream.in_tree);
  data.forEach((release, i) => {
    if (!inTree.has(release)) return;
    const previous = data[i - 1];
    const next = data[i + 1];
    if (previous !== undefined && !inTree.has(previous)) events.push({ kind: 'enter', driver, release });
    if (next !== undefined && !inTree.has(next)) events.push({ kind: 'leave', driver, release });
  });
  return events;
}
