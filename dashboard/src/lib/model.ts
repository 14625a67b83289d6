import type { Driver, Registry, VerificationRecord } from '../../../backend/registry/types.ts';
import { driverKey, gerritProject } from '../../../backend/registry/driver-key.ts';
import { releasesByDate } from '../../../backend/registry/releases.ts';
import { driverSlugs, vendorSlugs } from './slugs.ts';
import type { Evidence, StatusInput } from './status.ts';
import { safeHref, shortDescription } from './text.ts';

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
  active: boolean;
}

export interface DriverView {
  key: string;
  slug: string;
  projectId: string;
  projectName: string;
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
  ci?: { id: string; successPattern: string; failurePattern: string };
  repo?: string;
  gerritProject: string;
  status: StatusInput;
  /** Evidence rows for the driver page, newest release first. */
  records: Array<{ release: string; record: VerificationRecord }>;
}

export interface SiteModel {
  releases: ReleaseView[];
  projects: Array<{ id: string; name: string }>;
  vendors: Array<{ name: string; slug: string }>;
  drivers: DriverView[];
}

export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

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
    return { id, wiki: safeHref(r?.wiki), start: r?.start ?? '', active: r?.active === true };
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
  const projectNames = new Map(registry.projects.map((p) => [p.id, p.name]));
  const drivers = [...registry.drivers].sort(
    (a, b) =>
      collator.compare(a.project_id, b.project_id) ||
      collator.compare(a.vendor, b.vendor) ||
      collator.compare(a.name, b.name),
  );
  const slugs = driverSlugs(drivers);
  const vendorSlug = vendorSlugs(drivers.map((d) => d.vendor).sort(collator.compare));
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  const views = drivers.map((d, i) =>
    driverView(d, slugs[i]!, vendorSlug.get(d.vendor)!, projectNames, byPosition),
  );
  const usedProjects = new Set(drivers.map((d) => d.project_id));
  return {
    releases,
    projects: [...usedProjects]
      .map((id) => ({ id, name: projectNames.get(id) ?? id }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    vendors: [...vendorSlug].map(([name, slug]) => ({ name, slug })),
    drivers: views,
  };
}

function driverView(
  d: Driver,
  slug: string,
  vendorSlug: string,
  projectNames: Map<string, string>,
  byPosition: (a: string, b: string) => number,
): DriverView {
  const records = Object.entries(d.verification ?? {})
    .map(([release, record]) => ({ release, record }))
    .sort((a, b) => byPosition(b.release, a.release));
  const evidence: Record<string, Evidence> = {};
  for (const { release, record } of records) evidence[release] = evidenceOf(record);
  const claims = [...new Set(d.releases ?? [])].sort(byPosition);
  return {
    key: driverKey(d),
    slug,
    projectId: d.project_id,
    projectName: projectNames.get(d.project_id) ?? d.project_id,
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
    ci: d.ci && { id: d.ci.id, successPattern: d.ci.success_pattern, failurePattern: d.ci.failure_pattern },
    repo: d.repo,
    gerritProject: gerritProject(d),
    status: { hasCi: d.ci !== undefined, claims, evidence },
    records,
  };
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

/** The Gerrit search for a CI's comments on a project, opened in the browser. */
export function gerritSearchUrl(gerritUrl: string, project: string, ciId: string): string {
  const term = (s: string) => encodeURIComponent(s).replace(/%2F/gi, '/');
  return `${gerritUrl.replace(/\/+$/, '')}/q/project:${term(project)}+commentby:${term(ciId)}`;
}
