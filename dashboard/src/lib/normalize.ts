import type {
  Ci,
  Driver,
  Maintainer,
  Project,
  Registry,
  Release,
  VerificationRecord,
} from '../../../backend/registry/types.ts';

// The dashboard may be built from a file nobody validated: keep what has the right shape, drop the
// rest, so one bad entry cannot break (or inject into) the whole site.

export class RegistryShapeError extends Error {
  readonly code = 'REGISTRY_SHAPE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryShapeError';
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
  const projects = list(raw.projects).flatMap((p): Project[] => {
    const id = isObj(p) ? str(p.id) : undefined;
    return isObj(p) && id ? [{ id, name: str(p.name) || id }] : [];
  });
  const releases = list(raw.releases).flatMap((r): Release[] => {
    const id = isObj(r) ? str(r.id) : undefined;
    if (!isObj(r) || !id) return [];
    const release: Release = { id, wiki: str(r.wiki) ?? '', start: str(r.start) ?? '' };
    if (typeof r.active === 'boolean') release.active = r.active;
    if (str(r.branch)) release.branch = str(r.branch);
    return [release];
  });
  const drivers = raw.drivers.flatMap((d): Driver[] => (isObj(d) ? normalizeDriver(d) : []));
  return { projects, releases, drivers };
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
  const ls = r.last_success;
  if (isObj(ls) && str(ls.timestamp) && !Number.isNaN(Date.parse(str(ls.timestamp)!))) {
    record.last_success = { review_url: str(ls.review_url) ?? '', timestamp: str(ls.timestamp)! };
  }
  return record;
}
