import type { SiteModel } from './model.ts';
import type { Evidence, StatusInput } from './status.ts';

// The compact file the home page fetches: what search, filters, sorting and the view-time status
// need, one entry per table row in the same order. Short keys because every byte is shipped.

/** [passed 0|1, seconds, review url, last pass seconds, last pass url]; trailing gaps dropped. */
export type EvidenceTuple = [number, number, string?, number?, string?];

export interface IndexDriver {
  /** project id, project name, vendor, driver name, description, CI account ("" when none) */
  s: [string, string, string, string, string, string];
  /** claimed release ids */
  r: string[];
  /** evidence per release id */
  e?: Record<string, EvidenceTuple>;
  /** Releases the project's matrix lists the driver in, as runs of positions in `releases`: [from, to, ...]. */
  t?: number[];
}

export interface ClientIndex {
  /** Build time, ms since the epoch. */
  built: number;
  staleDays: number;
  /** Release ids, oldest first. */
  releases: string[];
  drivers: IndexDriver[];
}

export interface ClientDriver {
  projectId: string;
  projectName: string;
  vendor: string;
  name: string;
  description: string;
  ciId: string;
  status: StatusInput;
  /** Release ids the project's matrix lists the driver in. */
  inTree: string[];
}

export function buildClientIndex(model: SiteModel, built: number, staleDays: number): ClientIndex {
  const position = new Map(model.releases.map((r, i) => [r.id, i]));
  return {
    built,
    staleDays,
    releases: model.releases.map((r) => r.id),
    drivers: model.drivers.map((d) => {
      const entry: IndexDriver = {
        s: [d.projectId, d.projectName, d.vendor, d.name, d.description, d.ci?.id ?? ''],
        r: d.claims,
      };
      const evidence = Object.entries(d.status.evidence);
      if (evidence.length > 0)
        entry.e = Object.fromEntries(evidence.map(([id, e]) => [id, encodeEvidence(e)]));
      const inTree = (d.upstream?.in_tree ?? []).flatMap((id) => position.get(id) ?? []);
      if (inTree.length > 0) entry.t = encodeRuns(inTree);
      return entry;
    }),
  };
}

export function encodeEvidence(e: Evidence): EvidenceTuple {
  const t: EvidenceTuple = [
    e.ok ? 1 : 0,
    Math.round(e.at / 1000),
    e.url ?? '',
    e.passAt && Math.round(e.passAt / 1000),
    e.passUrl,
  ];
  while (t.length > 2 && (t[t.length - 1] === undefined || t[t.length - 1] === '')) t.pop();
  return t;
}

export function decodeEvidence(t: EvidenceTuple): Evidence {
  const e: Evidence = { ok: t[0] === 1, at: t[1] * 1000 };
  if (t[2]) e.url = t[2];
  if (t[3]) e.passAt = t[3] * 1000;
  if (t[4]) e.passUrl = t[4];
  return e;
}

/** Sorted positions as runs: [3, 4, 5, 9] → [3, 5, 9, 9]. */
export function encodeRuns(positions: readonly number[]): number[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: number[] = [];
  for (const p of sorted) {
    if (runs.length > 0 && runs[runs.length - 1] === p - 1) runs[runs.length - 1] = p;
    else runs.push(p, p);
  }
  return runs;
}

export function decodeRuns(runs: readonly number[]): number[] {
  const positions: number[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2)
    for (let p = runs[i]!; p <= runs[i + 1]!; p++) positions.push(p);
  return positions;
}

export function decodeDriver(d: IndexDriver, releases: readonly string[] = []): ClientDriver {
  const [projectId, projectName, vendor, name, description, ciId] = d.s;
  const evidence: Record<string, Evidence> = {};
  for (const [id, t] of Object.entries(d.e ?? {})) evidence[id] = decodeEvidence(t);
  return {
    projectId,
    projectName,
    vendor,
    name,
    description,
    ciId,
    status: { hasCi: ciId !== '', claims: d.r, evidence },
    inTree: decodeRuns(d.t ?? []).flatMap((p) => releases[p] ?? []),
  };
}
