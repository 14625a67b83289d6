import type {
  Driver,
  DriverUpstream,
  Feature,
  ProjectUpstream,
  Registry,
  VerificationRecord,
} from '../../../backend/model/types.ts';
import { driverKey, gerritProject } from '../../../backend/model/driver-key.ts';
import { parseReleaseDate, releasesByDate } from '../../../backend/model/releases.ts';
import { projectViews } from './project-views.ts';
import { driverSlugs, vendorSlugs } from './slugs.ts';
import type { Evidence, StatusInput } from './status.ts';
import { collator, safeHref, shortDescription } from './text.ts';

export interface MaintainerView {
  name: string;
  href?: string;
  irc?: string;
  launchpadId?: string;
}

export interface ReleaseView {
  id: string;
  wiki?: string;
  start: string;
  /** `start` as ms since the epoch, when it is a real date. */
  date?: number;
  active: boolean;
}

export interface ProjectView {
  id: string;
  name: string;
  slug: string;
  /** The operations of the project's newest support matrix, in its order (empty without one). */
  features: Feature[];
  /** Where the project publishes its support matrix, and which feature means "supported". */
  upstream?: ProjectUpstream;
  /** Releases some driver of this project is in the tree of, oldest first. */
  matrixReleases: string[];
  driverCount: number;
}

export interface DriverView {
  key: string;
  slug: string;
  projectId: string;
  projectName: string;
  projectSlug: string;
  vendor: string;
  vendorSlug: string;
  name: string;
  description: string;
  short: string;
  wiki: string;
  wikiHref?: string;
  maintainers: MaintainerView[];
  /** Claimed release ids in release order. */
  claims: string[];
  ci?: { id?: string; wikiName?: string; jobs?: string[]; successPattern?: string; failurePattern?: string };
  repo?: string;
  gerritProject: string;
  status: StatusInput;
  /** Evidence rows for the driver page, newest release first. */
  records: Array<{ release: string; record: VerificationRecord }>;
  /** What the project's own support matrices say of the driver (from `driverlog sync`). */
  upstream?: DriverUpstream;
  upstreamId?: string;
}

export interface SiteModel {
  releases: ReleaseView[];
  /** Listed projects and any a driver names, by name. */
  projects: ProjectView[];
  vendors: Array<{ name: string; slug: string }>;
  drivers: DriverView[];
}

/** Releases oldest first: dated ones by date, then ids only drivers mention, by name. */
export function releaseOrder(registry: Registry): ReleaseView[] {
  const dated = releasesByDate(registry.releases ?? []);
  const known = new Set(dated.map((r) => r.id));
  const undated = new Set<string>();
  for (const r of registry.releases ?? []) if (!known.has(r.id)) undated.add(r.id);
  for (const d of registry.drivers) {
    for (const id of [...(d.releases ?? []), ...Object.keys(d.verification ?? {})]) {
      if (!known.has(id)) undated.add(id);
    }
  }
  const byId = new Map((registry.releases ?? []).map((r) => [r.id, r]));
  return [...dated.map((r) => r.id), ...[...undated].sort(collator.compare)].map((id) => {
    const r = byId.get(id);
    const view: ReleaseView = {
      id,
      wiki: safeHref(r?.wiki),
      start: r?.start ?? '',
      active: r?.active === true,
    };
    const date = parseReleaseDate(view.start);
    if (date !== undefined) view.date = date;
    return view;
  });
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

/** Everything the pages render, drivers in the registry's documented order. */
export function buildModel(registry: Registry): SiteModel {
  const releases = releaseOrder(registry);
  const position = new Map(releases.map((r, i) => [r.id, i]));
  const drivers = [...registry.drivers].sort(
    (a, b) =>
      collator.compare(a.project_id, b.project_id) ||
      collator.compare(a.vendor, b.vendor) ||
      collator.compare(a.name, b.name),
  );
  const projects = projectViews(registry, drivers, releases);
  const byProject = new Map(projects.map((p) => [p.id, p]));
  const slugs = driverSlugs(drivers);
  const vendorSlug = vendorSlugs(drivers.map((d) => d.vendor).sort(collator.compare));
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  const views = drivers.map((d, i) =>
    driverView(d, slugs[i]!, vendorSlug.get(d.vendor)!, byProject.get(d.project_id)!, byPosition),
  );
  return {
    releases,
    projects,
    vendors: [...vendorSlug].map(([name, slug]) => ({ name, slug })),
    drivers: views,
  };
}

function driverView(
  d: Driver,
  slug: string,
  vendorSlug: string,
  project: ProjectView,
  byPosition: (a: string, b: string) => number,
): DriverView {
  const records = Object.entries(d.verification ?? {})
    .map(([release, record]) => ({ release, record }))
    .sort((a, b) => byPosition(b.release, a.release));
  const evidence: Record<string, Evidence> = {};
  for (const { release, record } of records) evidence[release] = evidenceOf(record);
  const claims = [...new Set(d.releases ?? [])].sort(byPosition);
  const view: DriverView = {
    key: driverKey(d),
    slug,
    projectId: d.project_id,
    projectName: project.name,
    projectSlug: project.slug,
    vendor: d.vendor,
    vendorSlug,
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
      wikiName: d.ci.wiki_name,
      jobs: d.ci.jobs,
      successPattern: d.ci.success_pattern,
      failurePattern: d.ci.failure_pattern,
    },
    repo: d.repo,
    gerritProject: gerritProject(d),
    status: { hasCi: d.ci !== undefined, claims, evidence },
    records,
  };
  if (d.upstream) view.upstream = d.upstream;
  if (d.upstream_id) view.upstreamId = d.upstream_id;
  return view;
}

/** Contiguous runs of claimed releases as ranges: "Juno, Liberty–Rocky". */
export function releaseSpan(claims: readonly string[], order: readonly string[]): string {
  const index = new Map(order.map((id, i) => [id, i]));
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= claims.length; i++) {
    const prev = index.get(claims[i - 1]!);
    const cur = i < claims.length ? index.get(claims[i]!) : undefined;
    if (prev !== undefined && cur !== undefined && cur === prev + 1) continue;
    const first = claims[runStart]!;
    const last = claims[i - 1]!;
    parts.push(
      i - 1 === runStart ? first : i - 1 === runStart + 1 ? `${first}, ${last}` : `${first}–${last}`,
    );
    runStart = i;
  }
  return parts.join(', ');
}
