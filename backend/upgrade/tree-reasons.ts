import { parseReleaseDate } from '../model/releases.ts';
import type { Driver, Project, Release, SupportValue } from '../model/types.ts';
import { featureValue, inTree, supportedByProject } from '../model/upstream-signals.ts';
import { treeAtTarget } from './removed-in.ts';
import { supportSource, treeSource, type SourceContext } from './sources.ts';
import type { UpgradePath } from './upgrade-path.ts';
import type { Reason } from './verdict-types.ts';

// What the project says on the way: in its tree, supported, its features; and whether it was retired. Every
// signal is upstream-signals.ts' (the rules the sync, the audit and the dashboard share).

export interface TreeContext extends SourceContext {
  releases: readonly Release[];
  path: UpgradePath;
  /** Whether the registry has read the project's tree at a release (some driver of it is in that tree). */
  hasTree: (projectId: string, release: string) => boolean;
}

const GOOD = new Set<SupportValue | null | undefined>(['complete', 'partial']);

export function treeReasons(
  driver: Driver,
  project: Project | undefined,
  ctx: TreeContext,
): { reasons: Reason[]; gained: string[] } {
  const { from, to, walked } = ctx.path;
  const reasons: Reason[] = [];
  const own = project ?? {};
  const at = (release: string) => ({ type: 'project' as const, project_id: driver.project_id, release });
  let gained: string[] = [];
  const target = treeAtTarget(driver, ctx.releases, to, (release) => ctx.hasTree(driver.project_id, release));
  if (target.state === 'in-tree') {
    if (!supportedByProject(own, driver, to, ctx.releases)) {
      reasons.push({
        kind: 'unsupported',
        release: to,
        source: supportSource(project, driver, to, ctx),
        on: at(to),
      });
    }
    if (inTree(driver, from)) {
      const features = featureChanges(driver, project, ctx);
      reasons.push(...features.lost);
      gained = features.gained;
    }
  } else if (target.state === 'removed') {
    reasons.push({
      kind: 'removed',
      release: target.release,
      source: treeSource(project, driver, target.release, ctx),
      on: at(target.release),
    });
  } else if (target.state === 'not-read') {
    reasons.push({
      kind: 'no-tree-data',
      release: to,
      source: `the registry: no reading of ${driver.project_id}'s tree at ${to} yet (driverlog sync)`,
      on: at(to),
    });
  }
  for (const release of walked.slice(0, -1)) {
    if (inTree(driver, release) && !supportedByProject(own, driver, release, ctx.releases)) {
      reasons.push({
        kind: 'unsupported-on-the-way',
        release,
        source: supportSource(project, driver, release, ctx),
        on: at(release),
      });
    }
  }
  const retired = project?.retired_on === undefined ? undefined : retiredBy(project.retired_on, ctx);
  if (retired !== undefined) {
    reasons.push({
      kind: 'retired',
      release: retired,
      retired_on: project!.retired_on,
      source: `openstack/governance reference/legacy.yaml: ${driver.project_id} retired on ${project!.retired_on}`,
      on: at(retired),
    });
  }
  return { reasons, gained };
}

/** The first release up to --to that starts after the project's retirement day, or undefined. */
function retiredBy(retiredOn: string, ctx: TreeContext): string | undefined {
  const day = Date.parse(`${retiredOn}T00:00:00Z`);
  const end = ctx.releases.findIndex((release) => release.id === ctx.path.to);
  return ctx.releases.slice(0, end + 1).find((release) => (parseReleaseDate(release.start) ?? -1) > day)?.id;
}

/** Features complete or partial at --from and not at --to (lost), and the reverse (gained). */
function featureChanges(
  driver: Driver,
  project: Project | undefined,
  ctx: TreeContext,
): { lost: Reason[]; gained: string[] } {
  const { from, to } = ctx.path;
  const support = project?.upstream?.support_feature;
  const titles = new Map((project?.features ?? []).map((feature) => [feature.id, feature.title]));
  const ids = [...new Set([...titles.keys(), ...Object.keys(driver.upstream?.features ?? {})])];
  const lost: Reason[] = [];
  const gained: string[] = [];
  for (const feature of ids) {
    if (feature === support) continue;
    const was = featureValue(driver, feature, from, ctx.releases);
    const now = featureValue(driver, feature, to, ctx.releases);
    if (GOOD.has(was) && !GOOD.has(now)) {
      lost.push({
        kind: 'feature-lost',
        release: to,
        feature,
        title: titles.get(feature) ?? feature,
        was: was!,
        now: now ?? null,
        source: treeSource(project, driver, to, ctx),
        on: { type: 'project', project_id: driver.project_id, release: to },
      });
    } else if (!GOOD.has(was) && GOOD.has(now)) {
      gained.push(feature);
    }
  }
  return { lost, gained };
}
