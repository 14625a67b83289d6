import { developmentRelease } from '../audit/scope.ts';
import { toIsoSeconds } from '../common/time.ts';
import type { Driver, Registry } from '../model/types.ts';
import { inTree } from '../model/upstream-signals.ts';
import { ciReasons } from './ci-reasons.ts';
import { treeReasons, type TreeContext } from './tree-reasons.ts';
import { upgradePath } from './upgrade-path.ts';
import {
  REASON_KINDS,
  verdictOf,
  type DriverVerdict,
  type Reason,
  type UpgradeReport,
} from './verdict-types.ts';

export interface UpgradeOptions {
  from: string;
  to: string;
  /** "Now", ms, for the audit's silent rule. */
  asOf: number;
  silentDays: number;
  /** The drivers to judge; default: every driver in the tree or claimed at `from`. */
  drivers?: readonly Driver[];
  /** Only drivers of these projects. */
  projects?: readonly string[];
}

/**
 * What happens to each driver on the upgrade from → to: blocked, attention or ok, with every reason and where it
 * comes from, and the features gained. Pure: the registry and the options in, the report out. An unknown release
 * or a `to` not after `from` is a UsageError.
 */
export function upgradeVerdicts(registry: Registry, options: UpgradeOptions): UpgradeReport {
  const releases = registry.releases ?? [];
  const path = upgradePath(releases, options.from, options.to);
  const projects = new Map((registry.projects ?? []).map((project) => [project.id, project]));
  const byProject = new Map<string, Driver[]>();
  for (const driver of registry.drivers) {
    const own = byProject.get(driver.project_id);
    if (own) own.push(driver);
    else byProject.set(driver.project_id, [driver]);
  }
  const read = new Map<string, boolean>();
  const tree: TreeContext = {
    releases,
    path,
    development: developmentRelease(releases, options.asOf),
    hasTree: (projectId, release) => {
      const key = `${projectId}\n${release}`;
      let known = read.get(key);
      if (known === undefined) {
        known = (byProject.get(projectId) ?? []).some((driver) => inTree(driver, release));
        read.set(key, known);
      }
      return known;
    },
  };
  const ci = {
    to: path.to,
    asOf: options.asOf,
    silentDays: options.silentDays,
    scanState: registry.scan_state,
  };
  const only = options.projects === undefined ? undefined : new Set(options.projects);
  const scope = (options.drivers ?? driversAt(registry.drivers, path.from)).filter(
    (driver) => only === undefined || only.has(driver.project_id),
  );
  const drivers = [...new Set(scope)].sort(byIdentity).map((driver): DriverVerdict => {
    const { reasons, gained } = treeReasons(driver, projects.get(driver.project_id), tree);
    reasons.push(...ciReasons(driver, ci), ...claimReasons(driver, path.from, path.to));
    reasons.sort(byKindThenRelease(releases.map((release) => release.id)));
    return {
      project_id: driver.project_id,
      vendor: driver.vendor,
      name: driver.name,
      verdict: verdictOf(reasons),
      reasons,
      gained,
    };
  });
  return {
    from: path.from,
    to: path.to,
    walked: path.walked,
    as_of: toIsoSeconds(options.asOf),
    silent_days: options.silentDays,
    drivers,
  };
}

/** The drivers an upgrade from `from` concerns by default: in the project's tree there, or claimed for it. */
export function driversAt(drivers: readonly Driver[], from: string): Driver[] {
  return drivers.filter((driver) => inTree(driver, from) || (driver.releases ?? []).includes(from));
}

function claimReasons(driver: Driver, from: string, to: string): Reason[] {
  const claims = driver.releases ?? [];
  const reasons: Reason[] = [];
  if (claims.includes(from) && !claims.includes(to)) {
    reasons.push({
      kind: 'claim-dropped',
      release: to,
      source: "the vendor's claim (releases)",
      on: { type: 'claim' },
    });
  }
  if (!claims.includes(from) && !inTree(driver, from)) {
    reasons.push({
      kind: 'unknown-at-from',
      release: from,
      source: `the vendor's claim (releases) and ${driver.project_id}'s tree at ${from}`,
      on: { type: 'claim' },
    });
  }
  return reasons;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byIdentity(a: Driver, b: Driver): number {
  return text(a.project_id, b.project_id) || text(a.vendor, b.vendor) || text(a.name, b.name);
}

function byKindThenRelease(order: readonly string[]) {
  const rank = (release: string | undefined) => (release === undefined ? -1 : order.indexOf(release));
  return (a: Reason, b: Reason) =>
    REASON_KINDS.indexOf(a.kind) - REASON_KINDS.indexOf(b.kind) || rank(a.release) - rank(b.release);
}
