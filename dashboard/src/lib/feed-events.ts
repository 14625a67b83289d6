// What the Atom feeds announce: each change of a driver's status on a release. CI flips come from the
// runs in `recent`, silence from the stale threshold, and the project's verdicts from its support
// matrices. Pure: every time is measured from the build's `now`.
import { changeUrl } from '../../../backend/gerrit/change-url.ts';
import { inTree, supportedByProject } from '../../../backend/model/upstream-signals.ts';
import type { Run } from '../../../backend/model/types.ts';
import { digest } from './hash.ts';
import type { DriverView } from './driver-view.ts';
import type { SiteModel } from './model.ts';
import type { ProjectView } from './project-views.ts';
import type { ReleaseView } from './release-views.ts';
import { routes } from './routes.ts';
import { safeHref } from './text.ts';

export type EventKind = 'fails' | 'passes-again' | 'silent' | 'leaves-tree' | 'unsupported';

export interface FeedEvent {
  /** Stable across builds: the same change of the same driver keeps its id. */
  id: string;
  kind: EventKind;
  /** When it happened, ms since the epoch. */
  at: number;
  driver: Pick<DriverView, 'key' | 'slug' | 'name' | 'vendorName' | 'vendorId' | 'projectName'>;
  release: string;
  title: string;
  summary: string;
  /** The evidence: a review (absolute URL) or a page of this site (path from the site root). */
  evidence?: { href: string; title: string; external: boolean };
}

const DAY = 86_400_000;

/** An urn:uuid made from a digest of the event's identity (not random: rebuilding must not change it). */
export function stableId(identity: string): string {
  const h = digest(identity, 32);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The review page of a run: the record's Gerrit (scheme and host of its review_url), else `gerritUrl`. */
export function runUrl(
  run: Pick<Run, 'change_number' | 'patch_set'>,
  reviewUrl: string,
  gerritUrl: string,
  project: string,
): string | undefined {
  if (!(run.change_number > 0)) return undefined;
  const safe = safeHref(reviewUrl);
  const origin = safe ? new URL(safe).origin : gerritUrl.replace(/\/+$/, '');
  return changeUrl(origin, project, run.change_number, run.patch_set > 0 ? run.patch_set : undefined);
}

interface Context {
  now: number;
  staleDays: number;
  gerritUrl: string;
  releases: readonly ReleaseView[];
}

function ciEvents(d: DriverView, ctx: Context): FeedEvent[] {
  const events: FeedEvent[] = [];
  const base = (kind: EventKind, release: string, at: number, identity: string) => ({
    id: stableId(`${d.key}\n${release}\n${kind}\n${identity}`),
    kind,
    at,
    driver: d,
    release,
  });
  for (const { release, record } of d.records) {
    const recent = record.recent ?? [];
    // `recent` is newest first: each run is compared with the one before it in time.
    for (let i = 0; i + 1 < recent.length; i++) {
      const newer = recent[i]!;
      const older = recent[i + 1]!;
      if (newer.ci_result === older.ci_result) continue;
      const at = Date.parse(newer.timestamp);
      const url = runUrl(newer, record.review_url, ctx.gerritUrl, d.gerritProject);
      const kind = newer.ci_result ? 'passes-again' : 'fails';
      events.push({
        ...base(kind, release, at, `${newer.timestamp} ${newer.change_number}/${newer.patch_set}`),
        title: newer.ci_result ? `${d.name} passes again on ${release}` : `${d.name} fails on ${release}`,
        summary: newer.ci_result
          ? `The CI of ${d.name} (${d.vendorName}) passed on ${release} on ${day(at)}, after failing before.`
          : `The CI of ${d.name} (${d.vendorName}) failed on ${release} on ${day(at)}, after passing before.`,
        evidence: url ? { href: url, title: `change ${newer.change_number}`, external: true } : undefined,
      });
    }
    const newest = Math.max(Date.parse(record.timestamp), ...recent.map((r) => Date.parse(r.timestamp)));
    const silentAt = newest + ctx.staleDays * DAY;
    if (silentAt <= ctx.now) {
      const url = safeHref(record.review_url);
      events.push({
        ...base('silent', release, silentAt, String(newest)),
        title: `${d.name} goes silent on ${release}`,
        summary: `The CI of ${d.name} (${d.vendorName}) has not reported on ${release} since ${day(newest)}: after ${ctx.staleDays} days its evidence is stale.`,
        evidence: url ? { href: url, title: 'its last report', external: true } : undefined,
      });
    }
  }
  return events;
}

function treeEvents(d: DriverView, project: ProjectView, ctx: Context): FeedEvent[] {
  if (!d.upstream) return [];
  const events: FeedEvent[] = [];
  const dates = new Map(ctx.releases.map((r) => [r.id, r.date]));
  const releases = project.matrixReleases;
  for (let i = 1; i < releases.length; i++) {
    const previous = releases[i - 1]!;
    const release = releases[i]!;
    const at = dates.get(release);
    if (at === undefined) continue;
    const matrix = {
      href: routes.project(project.slug, release),
      title: `${project.name} in ${release}`,
      external: false,
    };
    const identity = (kind: EventKind) => stableId(`${d.key}\n${release}\n${kind}`);
    if (inTree(d, previous) && !inTree(d, release)) {
      events.push({
        id: identity('leaves-tree'),
        kind: 'leaves-tree',
        at,
        driver: d,
        release,
        title: `${d.name} leaves the tree in ${release}`,
        summary: `${project.name}'s support matrix for ${release} no longer lists ${d.name} (${d.vendorName}); ${previous}'s did.`,
        evidence: matrix,
      });
    } else if (
      inTree(d, release) &&
      supportedByProject(project, d, previous, ctx.releases) &&
      !supportedByProject(project, d, release, ctx.releases)
    ) {
      events.push({
        id: identity('unsupported'),
        kind: 'unsupported',
        at,
        driver: d,
        release,
        title: `${d.name} becomes unsupported by the project in ${release}`,
        summary: `${project.name} marks ${d.name} (${d.vendorName}) unsupported in ${release}; it was supported in ${previous}.`,
        evidence: matrix,
      });
    }
  }
  return events;
}

/** Newest first; ties in a stable order, so two builds write the same feed. */
export function byNewest(a: FeedEvent, b: FeedEvent): number {
  return b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every event of every driver, newest first. */
export function feedEvents(
  model: Pick<SiteModel, 'drivers' | 'projects' | 'releases'>,
  ctx: Omit<Context, 'releases'>,
): FeedEvent[] {
  const context = { ...ctx, releases: model.releases };
  const projects = new Map(model.projects.map((p) => [p.id, p]));
  return model.drivers
    .flatMap((d) => [...ciEvents(d, context), ...treeEvents(d, projects.get(d.projectId)!, context)])
    .sort(byNewest);
}
