import type { DriverView } from './driver-view.ts';
import type { SiteModel } from './model.ts';
import { routes } from './routes.ts';

// The JSON files in the shape the original DriverLog API served (GET /api/1.0/drivers and the
// /api/1.0/list/* type-ahead lists), so consumers switch by changing the URL. E-mail addresses are
// never part of it: maintainers carry only name, irc and launchpad_id.

export interface ApiReleaseEntry {
  ci_tested: boolean;
  ci_result?: boolean;
  comment?: string;
  /** Seconds since the epoch, as the original served Gerrit's timestamps. */
  timestamp?: number;
  review_url?: string;
  /** Additions: the ISO time, and for a failure when it last passed. */
  time?: string;
  last_success?: { review_url: string; timestamp: number; time: string };
}

export interface ApiDriver {
  project_id: string;
  project_name: string;
  vendor: string;
  name: string;
  description: string;
  wiki: string;
  repo?: string;
  maintainers: Array<{ name: string; irc?: string; launchpad_id?: string }>;
  ci?: { id?: string; success_pattern?: string; failure_pattern?: string };
  releases: Record<string, ApiReleaseEntry>;
  releases_info: Array<{ release_id: string; name: string; wiki: string }>;
  /** Addition: the driver's page, relative to the site root. */
  page: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000);

export function apiDriver(d: DriverView, model: SiteModel): ApiDriver {
  const releases: Record<string, ApiReleaseEntry> = {};
  for (const id of d.claims) releases[id.toLowerCase()] = { ci_tested: false };
  for (const { release, record } of d.records) {
    const entry: ApiReleaseEntry = {
      ci_tested: true,
      ci_result: record.ci_result,
      comment: record.comment,
      timestamp: seconds(record.timestamp),
      review_url: record.review_url,
      time: record.timestamp,
    };
    if (record.last_success) {
      entry.last_success = {
        review_url: record.last_success.review_url,
        timestamp: seconds(record.last_success.timestamp),
        time: record.last_success.timestamp,
      };
    }
    releases[release.toLowerCase()] = entry;
  }
  const wikis = new Map(model.releases.map((r) => [r.id.toLowerCase(), r.wiki ?? '']));
  const releasesInfo = Object.keys(releases)
    .filter((id) => wikis.has(id))
    .map((id) => ({ release_id: id, name: capitalize(id), wiki: wikis.get(id)! }))
    // The original sorted by name; kept so diffs against its output stay small.
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: ApiDriver = {
    project_id: d.projectId,
    project_name: d.projectName,
    vendor: d.vendor,
    name: d.name,
    description: d.description,
    wiki: d.wiki,
    maintainers: d.maintainers.map((m) => {
      const entry: ApiDriver['maintainers'][number] = { name: m.name };
      if (m.irc) entry.irc = m.irc;
      if (m.launchpadId) entry.launchpad_id = m.launchpadId;
      return entry;
    }),
    releases,
    releases_info: releasesInfo,
    page: routes.driver(d.slug),
  };
  if (d.repo) out.repo = d.repo;
  if (d.ci)
    out.ci = {
      ...(d.ci.id !== undefined ? { id: d.ci.id } : {}),
      ...(d.ci.successPattern !== undefined ? { success_pattern: d.ci.successPattern } : {}),
      ...(d.ci.failurePattern !== undefined ? { failure_pattern: d.ci.failurePattern } : {}),
    };
  return out;
}

export function apiDrivers(model: SiteModel): { drivers: ApiDriver[] } {
  return { drivers: model.drivers.map((d) => apiDriver(d, model)) };
}

export function apiReleases(model: SiteModel) {
  return {
    releases: [...model.releases].reverse().map((r) => ({
      id: r.id.toLowerCase(),
      text: r.id,
      wiki: r.wiki ?? '',
      start: r.start,
      active: r.active,
    })),
  };
}

export function apiProjects(model: SiteModel) {
  return {
    project_ids: model.projects.filter((p) => p.driverCount > 0).map((p) => ({ id: p.id, text: p.name })),
  };
}

export function apiVendors(model: SiteModel) {
  const counts = new Map<string, number>();
  for (const d of model.drivers) counts.set(d.vendorId, (counts.get(d.vendorId) ?? 0) + 1);
  return {
    vendors: model.vendors.map((v) => ({
      id: v.name,
      text: v.name,
      drivers: counts.get(v.id) ?? 0,
      page: routes.vendor(v.id),
    })),
  };
}
