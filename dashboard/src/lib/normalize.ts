import { DriverlogError } from '../../../backend/common/errors.ts';
import type {
  Ci,
  Driver,
  DriverRuns,
  DriverUpstream,
  Feature,
  Maintainer,
  Project,
  Registry,
  Release,
  Run,
  RunsFile,
  ScanState,
  SupportValue,
  VerificationRecord,
} from '../../../backend/registry/types.ts';

// The dashboard may be built from a file nobody validated: keep what has the right shape, drop the
// rest, so one bad entry cannot break (or inject into) the whole site.

export class RegistryShapeError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'REGISTRY_SHAPE', 'problems', options);
  }
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const strings = (x: unknown): string[] => list(x).filter((s): s is string => typeof s === 'string');

export function normalizeRegistry(raw: unknown, source: string): Registry {
  if (!isObj(raw) || !Array.isArray(raw.drivers)) {
    throw new RegistryShapeError(
      `${source}: expected a JSON object with a "drivers" array (see schema/driverlog.schema.json)`,
    );
  }
  const projects = list(raw.projects).flatMap((p): Project[] => (isObj(p) ? normalizeProject(p) : []));
  const releases = list(raw.releases).flatMap((r): Release[] => {
    const id = isObj(r) ? str(r.id) : undefined;
    if (!isObj(r) || !id) return [];
    const release: Release = { id, wiki: str(r.wiki) ?? '', start: str(r.start) ?? '' };
    if (typeof r.active === 'boolean') release.active = r.active;
    if (str(r.branch)) release.branch = str(r.branch);
    return [release];
  });
  const drivers = raw.drivers.flatMap((d): Driver[] => (isObj(d) ? normalizeDriver(d) : []));
  const registry: Registry = { projects, releases, drivers };
  const vendors = list(raw.vendors).flatMap((v): NonNullable<Registry['vendors']> => {
    if (!isObj(v) || !str(v.id) || !str(v.name)) return [];
    const vendor: NonNullable<Registry['vendors']>[number] = { id: str(v.id)!, name: str(v.name)!, aliases: strings(v.aliases) };
    if (str(v.url)) vendor.url = str(v.url);
    return [vendor];
  });
  if (vendors.length > 0) registry.vendors = vendors;
  if (isObj(raw.scan_state) && isObj(raw.scan_state.projects)) {
    const scanned: ScanState['projects'] = {};
    for (const [id, state] of Object.entries(raw.scan_state.projects)) {
      if (isObj(state)) scanned[id] = { updated: str(state.updated) ?? '', ...(str(state.scanned) ? { scanned: str(state.scanned) } : {}) };
    }
    registry.scan_state = { gerrit_url: str(raw.scan_state.gerrit_url) ?? '', projects: scanned };
  }
  return registry;
}

function normalizeProject(p: Obj): Project[] {
  const id = str(p.id);
  if (!id) return [];
  const project: Project = { id, name: str(p.name) || id };
  if (str(p.retired_on)) project.retired_on = str(p.retired_on);
  if (isObj(p.upstream)) {
    // Only what the site reads: whether a matrix exists, and which feature means "supported".
    project.upstream = {
      git: str(p.upstream.git) ?? '',
      support_matrix: str(p.upstream.support_matrix) ?? '',
    };
    const feature = str(p.upstream.support_feature);
    if (feature) project.upstream.support_feature = feature;
  }
  if (Array.isArray(p.features)) {
    const seen = new Set<string>();
    project.features = p.features.flatMap((f): Feature[] => {
      const fid = isObj(f) ? str(f.id) : undefined;
      if (!isObj(f) || !fid || seen.has(fid)) return [];
      seen.add(fid);
      const feature: Feature = { id: fid, title: str(f.title) || fid, status: str(f.status) ?? '' };
      if (str(f.notes)) feature.notes = str(f.notes);
      return [feature];
    });
  }
  return [project];
}

const SUPPORT_VALUES = new Set<unknown>(['complete', 'partial', 'missing', 'unknown']);

function normalizeUpstream(u: unknown): DriverUpstream | undefined {
  if (!isObj(u) || !(Array.isArray(u.in_tree) || Array.isArray(u.code_in_tree))) return undefined;
  const features: NonNullable<DriverUpstream['features']> = {};
  const upstream: DriverUpstream = { title: str(u.title) ?? '', in_tree: strings(u.in_tree), features };
  const link = str(u.link);
  if (link) upstream.link = link;
  if (Array.isArray(u.code_in_tree)) upstream.code_in_tree = strings(u.code_in_tree);
  if (Array.isArray(u.code_supported)) {
    upstream.code_supported = u.code_supported.flatMap((pair): Array<[string, boolean]> =>
      Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'boolean' ? [[pair[0], pair[1]]] : [],
    );
  }
  if (isObj(u.features)) {
    for (const [feature, pairs] of Object.entries(u.features)) {
      features[feature] = list(pairs).flatMap((pair): Array<[string, SupportValue | null]> => {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string') return [];
        const value =
          pair[1] === null || SUPPORT_VALUES.has(pair[1]) ? (pair[1] as SupportValue | null) : null;
        return [[pair[0], value]];
      });
    }
  }
  if (isObj(u.notes)) {
    const notes = Object.entries(u.notes).filter((e): e is [string, string] => typeof e[1] === 'string');
    if (notes.length > 0) upstream.notes = Object.fromEntries(notes);
  }
  return upstream;
}

function normalizeDriver(d: Obj): Driver[] {
  const project_id = str(d.project_id);
  const vendor = str(d.vendor);
  const name = str(d.name);
  if (!project_id || !vendor || !name) return [];
  const driver: Driver = { project_id, vendor, name };
  if (str(d.repo)) driver.repo = str(d.repo);
  if (str(d.description) !== undefined) driver.description = str(d.description);
  if (str(d.wiki) !== undefined) driver.wiki = str(d.wiki);
  driver.maintainers = list(d.maintainers).flatMap((m): Maintainer[] => {
    const mName = isObj(m) ? str(m.name) : undefined;
    if (!isObj(m) || !mName) return [];
    // Never copy `email`: it must not reach any page or API file.
    const out: Maintainer = { name: mName };
    if (str(m.irc)) out.irc = str(m.irc);
    if (str(m.launchpad_id)) out.launchpad_id = str(m.launchpad_id);
    return [out];
  });
  driver.releases = strings(d.releases);
  const ci = isObj(d.ci) ? d.ci : undefined;
  if (ci && str(ci.id)) {
    driver.ci = {
      id: str(ci.id)!,
      success_pattern: str(ci.success_pattern) ?? '',
      failure_pattern: str(ci.failure_pattern) ?? '',
    } satisfies Ci;
  }
  if (str(d.upstream_id)) driver.upstream_id = str(d.upstream_id);
  const upstream = normalizeUpstream(d.upstream);
  if (upstream) driver.upstream = upstream;
  if (isObj(d.verification)) {
    const verification: Record<string, VerificationRecord> = {};
    for (const [release, r] of Object.entries(d.verification)) {
      const record = normalizeRecord(r);
      if (record) verification[release] = record;
    }
    driver.verification = verification;
  }
  return [driver];
}

function normalizeRecord(r: unknown): VerificationRecord | undefined {
  if (!isObj(r) || typeof r.ci_result !== 'boolean' || !str(r.timestamp)) return undefined;
  if (Number.isNaN(Date.parse(str(r.timestamp)!))) return undefined;
  const record: VerificationRecord = {
    ci_result: r.ci_result,
    review_url: str(r.review_url) ?? '',
    change_number: typeof r.change_number === 'number' ? r.change_number : 0,
    patch_set: typeof r.patch_set === 'number' ? r.patch_set : 0,
    branch: str(r.branch) ?? '',
    ci_id: str(r.ci_id) ?? '',
    comment: str(r.comment) ?? '',
    timestamp: str(r.timestamp)!,
  };
  // A file from before the runs moved to the runs file keeps them here; the runs file's win (joinRuns).
  if (Array.isArray(r.recent)) record.recent = normalizeRunList(r.recent);
  const ls = r.last_success;
  if (isObj(ls) && str(ls.timestamp) && !Number.isNaN(Date.parse(str(ls.timestamp)!))) {
    record.last_success = { review_url: str(ls.review_url) ?? '', timestamp: str(ls.timestamp)! };
  }
  return record;
}

/**
 * The runs file beside the registry (backend/registry/runs-file.ts), keeping, like normalizeRegistry, what has
 * the right shape: a driver entry without its identity, or a run without a result and a time, is dropped.
 */
export function normalizeRuns(raw: unknown, source: string): RunsFile {
  if (!isObj(raw) || !Array.isArray(raw.drivers)) {
    throw new RegistryShapeError(
      `${source}: expected a JSON object with a "drivers" array (see schema/driverlog.schema.json, runsFile)`,
    );
  }
  const drivers = raw.drivers.flatMap((d): DriverRuns[] => {
    if (!isObj(d) || !isObj(d.recent)) return [];
    const project_id = str(d.project_id);
    const vendor = str(d.vendor);
    const name = str(d.name);
    if (!project_id || !vendor || !name) return [];
    // fromEntries defines each release as an own key, so a release named "__proto__" stays data.
    const recent = Object.fromEntries(
      Object.entries(d.recent)
        .map(([release, runs]) => [release, normalizeRunList(list(runs))] as const)
        .filter(([, runs]) => runs.length > 0),
    );
    return [{ project_id, vendor, name, recent }];
  });
  return { drivers };
}

function normalizeRunList(runs: unknown[]): Run[] {
  return runs.flatMap((run): Run[] => {
    if (!isObj(run) || typeof run.ci_result !== 'boolean' || !str(run.timestamp)) return [];
    if (Number.isNaN(Date.parse(str(run.timestamp)!))) return [];
    return [
      {
        timestamp: str(run.timestamp)!,
        change_number: typeof run.change_number === 'number' ? run.change_number : 0,
        patch_set: typeof run.patch_set === 'number' ? run.patch_set : 0,
        ci_result: run.ci_result,
      },
    ];
  });
}
