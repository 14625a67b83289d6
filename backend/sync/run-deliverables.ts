import type { Registry } from '../model/types.ts';
import { isDeepStrictEqual } from 'node:util';
import type { ProjectChanges } from './changes.ts';
import { describeChanges } from './describe-changes.ts';
import { mergeDeliverables, type DeliverablesMerge } from './merge-deliverables.ts';
import { readDeliverables, type DeliverablePlug } from './read-deliverables.ts';
import type { UpstreamRepo } from './repo.ts';

/** What `sync --deliverables` read and wrote. */
export interface DeliverablesReport {
  /** openstack/releases as read (a path or URL), its default branch and commit. */
  git: string;
  ref: string;
  head: string;
  /** Deliverables whose own repositories were read for their entry points (with --add-new). */
  read: Array<Pick<DeliverablePlug, 'name' | 'repo' | 'hash' | 'release'> & { plugs: string[] }>;
  linked: DeliverablesMerge['linked'];
  not_shipped: DeliverablesMerge['notShipped'];
  added_need_review: DeliverablesMerge['added'];
  skipped: DeliverablesMerge['skipped'];
  summary: string[];
}

export const RELEASES_GIT = 'https://opendev.org/openstack/releases';
/** A deliverable's repository (openstack/<name>) is at this address followed by its name. */
export const DELIVERABLE_GIT_BASE = 'https://opendev.org/';

export interface DeliverablesPass {
  registry: Registry;
  report: DeliverablesReport;
  changes: ProjectChanges[];
}

/**
 * The deliverables pass: every driver of `projects` linked by upstream_deliverable gets what openstack/releases
 * says it ships; with `openDeliverable`, deliverables of the plugged projects' teams are read for what they
 * plug in and added when nobody links them.
 */
export async function deliverablesPass(
  registry: Registry,
  projects: readonly string[],
  releases: { location: string; repo: UpstreamRepo },
  openDeliverable?: (name: string, repo: string) => Promise<UpstreamRepo>,
): Promise<DeliverablesPass> {
  const chosen = new Set(projects);
  const names = [
    ...new Set(
      registry.drivers.flatMap((driver) =>
        chosen.has(driver.project_id) && driver.upstream_deliverable ? [driver.upstream_deliverable] : [],
      ),
    ),
  ].sort();
  const read = await readDeliverables(
    names,
    registry.releases ?? [],
    releases.repo,
    openDeliverable && { open: openDeliverable },
  );
  const merged = mergeDeliverables(registry, chosen, read.facts, read.plugs);
  const changes = projects
    .map((project) => deliverableChanges(registry, merged.registry, project))
    .filter((diff) => diff.changed);
  const plugsOf = (name: string) =>
    read.plugs
      .filter((plug) => plug.name === name)
      .map((plug) => `${plug.group}: ${plug.entryPoints.join(', ')}`);
  const readRepos = [...new Set([...read.plugs.map((plug) => plug.name), ...read.plugsNothing])]
    .sort()
    .map((name) => {
      const newest = read.facts.get(name)!.newest!;
      return { name, repo: newest.repo, hash: newest.hash, release: newest.release, plugs: plugsOf(name) };
    });
  return {
    registry: merged.registry,
    changes,
    report: {
      git: releases.location,
      ref: read.ref,
      head: read.head,
      read: readRepos,
      linked: merged.linked,
      not_shipped: merged.notShipped,
      added_need_review: merged.added,
      skipped: merged.skipped,
      summary: changes.flatMap((diff) => describeChanges(diff).map((clause) => `${diff.project}: ${clause}`)),
    },
  };
}

/** What the deliverables pass changed in one project, by deliverable name: added, linked, unlinked. */
function deliverableChanges(before: Registry, after: Registry, project: string): ProjectChanges {
  const shipped = (registry: Registry) =>
    new Map(
      registry.drivers
        .filter((driver) => driver.project_id === project && driver.upstream_deliverable !== undefined)
        .map((driver) => [driver.upstream_deliverable!, driver]),
    );
  const old = shipped(before);
  const now = shipped(after);
  const hasFacts = (driver: Registry['drivers'][number] | undefined) =>
    driver?.upstream?.kind === 'out-of-tree';
  const names = [...now.keys()];
  return {
    project,
    features: { added: [], removed: [], changed: [] },
    releases: { added: [], removed: [] },
    added: names.filter((name) => !old.has(name)),
    linked: names.filter((name) => old.has(name) && !hasFacts(old.get(name)) && hasFacts(now.get(name))),
    unlinked: names.filter((name) => hasFacts(old.get(name)) && !hasFacts(now.get(name))),
    events: [],
    revised: 0,
    changed: names.some((name) => !isDeepStrictEqual(old.get(name)?.upstream, now.get(name)?.upstream)),
  };
}
