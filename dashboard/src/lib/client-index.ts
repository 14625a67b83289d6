import type { SiteModel } from './model.ts';
import type { ReleaseRoles } from './release-views.ts';
import { treeSignal, type TreeSignal } from './signals.ts';
import type { Evidence, StatusInput } from './status.ts';

// The compact file the home page fetches: what search, filters, sorting and the view-time status and signals
// need, one entry per table row in the same order. Short keys because every byte is shipped.

/** [passed 0|1, seconds, review url, last pass seconds, last pass url]; trailing gaps dropped. */
export type EvidenceTuple = [number, number, string?, number?, string?];

export interface IndexDriver {
  /** project id, project name, driver name, description, CI account ("" when none) */
  s: [string, string, string, string, string];
  /** The vendor: its position in `vendors`. */
  v: number;
  /** claimed release ids */
  r: string[];
  /** evidence per release id */
  e?: Record<string, EvidenceTuple>;
  /** Releases the driver is in its project's tree in, as ranges of positions in `releases`: [from, to, ...]. */
  t?: number[];
  /** Of those, the releases the project does not support it in, as ranges. */
  u?: number[];
  /** 1 when the registry does not link the driver to its project's tree. */
  k?: 1;
  /** 1 when its Gerrit project was never scanned. */
  n?: 1;
  /** The position of the release it was removed from the tree in. */
  x?: number;
  /** 1 when its project is retired. */
  o?: 1;
}

export interface ClientIndex {
  /** Build time, ms since the epoch. */
  built: number;
  staleDays: number;
  /** Release ids, oldest first. */
  releases: string[];
  roles: ReleaseRoles;
  /** [id, name, ...aliases] per vendor. */
  vendors: string[][];
  /** Per project id, the releases it has tree data for, as ranges. */
  trees: Record<string, number[]>;
  drivers: IndexDriver[];
}

/** What the home table knows of a driver's tree, per release position: the compact form of `treeSignal`. */
export interface CompactTree {
  project: ReadonlySet<number>;
  inTree: ReadonlySet<number>;
  unsupported: ReadonlySet<number>;
  unlinked: boolean;
}

export interface ClientDriver {
  projectId: string;
  projectName: string;
  vendorId: string;
  vendorName: string;
  vendorAliases: string[];
  name: string;
  description: string;
  ciId: string;
  status: StatusInput;
  tree: CompactTree;
  removedAt?: number;
  retired: boolean;
}

/** The tree signal at a release position, as `treeSignal` gave it at build time. */
export function compactTreeSignal(tree: CompactTree, position: number): TreeSignal {
  if (!tree.project.has(position)) return 'no-matrix';
  if (tree.unlinked) return 'unlinked';
  if (tree.unsupported.has(position)) return 'unsupported';
  return tree.inTree.has(position) ? 'supported' : 'out';
}

export function buildClientIndex(model: SiteModel, built: number, staleDays: number): ClientIndex {
  const position = new Map(model.releases.map((r, i) => [r.id, i]));
  const positions = (ids: readonly string[]) => ids.flatMap((id) => position.get(id) ?? []);
  const vendorAt = new Map(model.vendors.map((v, i) => [v.id, i]));
  const projects = new Map(model.projects.map((p) => [p.id, p]));
  return {
    built,
    staleDays,
    releases: model.releases.map((r) => r.id),
    roles: model.roles,
    vendors: model.vendors.map((v) => [v.id, v.name, ...v.aliases]),
    trees: Object.fromEntries(
      model.projects
        .filter((p) => p.treeReleases.length > 0)
        .map((p) => [p.id, positionRanges(positions(p.treeReleases))]),
    ),
    drivers: model.drivers.map((d) => {
      const entry: IndexDriver = {
        s: [d.projectId, d.projectName, d.name, d.description, d.ci?.id ?? ''],
        v: vendorAt.get(d.vendorId)!,
        r: d.claims,
      };
      const evidence = Object.entries(d.status.evidence);
      if (evidence.length > 0)
        entry.e = Object.fromEntries(evidence.map(([id, e]) => [id, encodeEvidence(e)]));
      const project = projects.get(d.projectId)!;
      const signals = project.treeReleases.map(
        (id) => [id, treeSignal(d, project, id, model.releases)] as const,
      );
      if (signals.some(([, s]) => s === 'unlinked')) entry.k = 1;
      const inTree = signals.filter(([, s]) => s === 'supported' || s === 'unsupported').map(([id]) => id);
      const unsupported = signals.filter(([, s]) => s === 'unsupported').map(([id]) => id);
      if (inTree.length > 0) entry.t = positionRanges(positions(inTree));
      if (unsupported.length > 0) entry.u = positionRanges(positions(unsupported));
      if (!d.status.scanned) entry.n = 1;
      if (d.removedIn !== undefined) entry.x = position.get(d.removedIn)!;
      if (d.retiredOn !== undefined) entry.o = 1;
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

/** Sorted positions as ranges: [3, 4, 5, 9] → [3, 5, 9, 9]. */
export function positionRanges(positions: readonly number[]): number[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const p of sorted) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === p - 1) ranges[ranges.length - 1] = p;
    else ranges.push(p, p);
  }
  return ranges;
}

export function rangePositions(ranges: readonly number[]): number[] {
  const positions: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2)
    for (let p = ranges[i]!; p <= ranges[i + 1]!; p++) positions.push(p);
  return positions;
}

/** The compact tree of one driver, from the index or (on the server) from its entry. */
export function compactTree(d: IndexDriver, trees: ClientIndex['trees']): CompactTree {
  return {
    project: new Set(rangePositions(trees[d.s[0]] ?? [])),
    inTree: new Set(rangePositions(d.t ?? [])),
    unsupported: new Set(rangePositions(d.u ?? [])),
    unlinked: d.k === 1,
  };
}

export function decodeDriver(d: IndexDriver, index: Pick<ClientIndex, 'vendors' | 'trees'>): ClientDriver {
  const [projectId, projectName, name, description, ciId] = d.s;
  const [vendorId, vendorName, ...vendorAliases] = index.vendors[d.v]!;
  const evidence: Record<string, Evidence> = {};
  for (const [id, t] of Object.entries(d.e ?? {})) evidence[id] = decodeEvidence(t);
  const driver: ClientDriver = {
    projectId,
    projectName,
    vendorId: vendorId!,
    vendorName: vendorName!,
    vendorAliases,
    name,
    description,
    ciId,
    status: { hasCi: ciId !== '', claims: d.r, evidence, scanned: d.n !== 1 },
    tree: compactTree(d, index.trees),
    retired: d.o === 1,
  };
  if (d.x !== undefined) driver.removedAt = d.x;
  return driver;
}
