import { driverKey, gerritProject } from '../../../backend/model/driver-key.ts';
import type { Driver, DriverUpstream, ScanState, VerificationRecord } from '../../../backend/model/types.ts';
import { ciAccountOf } from '../../../backend/model/ci-account.ts';
import { removedIn } from './lifecycle.ts';
import type { ProjectView } from './project-views.ts';
import type { Evidence, StatusInput } from './status.ts';
import { safeHref, shortDescription } from './text.ts';
import type { VendorView } from './vendor-views.ts';

export interface MaintainerView {
  name: string;
  href?: string;
  irc?: string;
  launchpadId?: string;
}

/** The update job's last scan of a Gerrit project: when, if the job recorded it. */
export interface ScanView {
  at?: number;
}

export interface DriverView {
  key: string;
  slug: string;
  projectId: string;
  projectName: string;
  projectSlug: string;
  /** The vendor as the entry spells it (part of the driver's identity). */
  vendor: string;
  /** The company: its page, its current name and its other names. */
  vendorId: string;
  vendorName: string;
  name: string;
  description: string;
  short: string;
  wiki: string;
  wikiHref?: string;
  maintainers: MaintainerView[];
  /** Claimed release ids in release order. */
  claims: string[];
  ci?: {
    id?: string;
    /** The Gerrit account: `id`, or the one the last update found from `wikiName`. */
    account?: string;
    /** For a wiki name that named no account, or several: the usernames found. */
    candidates?: string[];
    wikiName?: string;
    jobs?: string[];
    successPattern?: string;
    failurePattern?: string;
  };
  repo?: string;
  gerritProject: string;
  /** The last scan of the Gerrit project its CI comments on; undefined when it was never scanned. */
  scan?: ScanView;
  status: StatusInput;
  /** Evidence rows for the driver page, newest release first. */
  records: Array<{ release: string; record: VerificationRecord }>;
  /** What the project's own support matrices say of the driver (from `driverlog sync`). */
  upstream?: DriverUpstream;
  upstreamId?: string;
  /** The first release without the driver in its project's tree, once it has left it. */
  removedIn?: string;
  /** The day its project was retired. */
  retiredOn?: string;
}

export function evidenceOf(record: VerificationRecord): Evidence {
  const e: Evidence = { ok: record.ci_result, at: Date.parse(record.timestamp) };
  const url = safeHref(record.review_url);
  if (url) e.url = url;
  if (!record.ci_result && record.last_success) {
    e.passAt = Date.parse(record.last_success.timestamp);
    const passUrl = safeHref(record.last_success.review_url);
    if (passUrl) e.passUrl = passUrl;
  }
  return e;
}

export interface DriverContext {
  slug: string;
  vendor: VendorView;
  project: ProjectView;
  /** Release order: a negative number when `a` is older. */
  byPosition: (a: string, b: string) => number;
  scans: ReadonlyMap<string, ScanView>;
  scanState?: ScanState;
}

export function driverView(d: Driver, ctx: DriverContext): DriverView {
  const { project } = ctx;
  const records = Object.entries(d.verification ?? {})
    .map(([release, record]) => ({ release, record }))
    .sort((a, b) => ctx.byPosition(b.release, a.release));
  const evidence: Record<string, Evidence> = {};
  for (const { release, record } of records) evidence[release] = evidenceOf(record);
  const claims = [...new Set(d.releases ?? [])].sort(ctx.byPosition);
  const gerrit = gerritProject(d);
  const scan = ctx.scans.get(gerrit);
  const view: DriverView = {
    key: driverKey(d),
    slug: ctx.slug,
    projectId: d.project_id,
    projectName: project.name,
    projectSlug: project.slug,
    vendor: d.vendor,
    vendorId: ctx.vendor.id,
    vendorName: ctx.vendor.name,
    name: d.name,
    description: d.description ?? '',
    short: shortDescription(d.description),
    wiki: d.wiki ?? '',
    wikiHref: safeHref(d.wiki),
    maintainers: (d.maintainers ?? []).map((m) => ({
      name: m.name,
      href: m.launchpad_id ? `https://launchpad.net/~${encodeURIComponent(m.launchpad_id)}` : undefined,
      irc: m.irc,
      launchpadId: m.launchpad_id,
    })),
    claims,
    ci: d.ci && {
      id: d.ci.id,
      ...accountOf(d, ctx.scanState),
      wikiName: d.ci.wiki_name,
      jobs: d.ci.jobs,
      successPattern: d.ci.success_pattern,
      failurePattern: d.ci.failure_pattern,
    },
    repo: d.repo,
    gerritProject: gerrit,
    status: {
      hasCi: d.ci !== undefined,
      claims,
      evidence,
      scanned: scan !== undefined || records.length > 0,
    },
    records,
  };
  if (scan) view.scan = scan;
  if (d.upstream) view.upstream = d.upstream;
  if (d.upstream_id) view.upstreamId = d.upstream_id;
  const removed = removedIn(d, project.coveredReleases);
  if (removed) view.removedIn = removed;
  if (project.retiredOn) view.retiredOn = project.retiredOn;
  return view;
}

function accountOf(d: Driver, state: ScanState | undefined): { account?: string; candidates?: string[] } {
  const { username, lookup } = ciAccountOf(d, state);
  return {
    ...(username !== undefined ? { account: username } : {}),
    ...(lookup?.candidates !== undefined ? { candidates: lookup.candidates } : {}),
  };
}
