import type { Release } from '../model/types.ts';
import {
  deliverableCommit,
  readDeliverableFile,
  shippedRelease,
  type DeliverableFile,
} from './deliverable-file.ts';
import { readEntryPoints } from './entry-points.ts';
import type { UpstreamRepo } from './repo.ts';
import { shortRef } from './resolve-ref.ts';

// OpenStack ships official drivers outside the projects' trees as deliverables of a release
// (networking-generic-switch, ovn-octavia-provider): openstack/releases' deliverables/<series>/<name>.yaml
// gives the version each series ships and its commit, and at that commit the deliverable's entry points say
// what it plugs in.

/** The entry point groups that make a deliverable a driver of a project. */
export const PLUGS: ReadonlyArray<{ group: string; project: string }> = [
  { group: 'neutron.ml2.mechanism_drivers', project: 'openstack/neutron' },
  { group: 'octavia.api.drivers', project: 'openstack/octavia' },
  { group: 'ironic.hardware.types', project: 'openstack/ironic' },
];

/** Deliverable types that are never a driver. */
const NOT_DRIVERS = new Set(['client-library', 'library', 'tempest-plugin', 'horizon-plugin']);

export interface DeliverableFacts {
  name: string;
  /** [release, version] for each release that ships it, in release order. */
  versions: Array<[string, string]>;
  /** The newest shipping release's commit of the deliverable's repository. */
  newest?: { release: string; repo: string; hash: string };
  team?: string;
  type?: string;
}

export interface DeliverablePlug {
  name: string;
  project: string;
  group: string;
  entryPoints: string[];
  release: string;
  repo: string;
  hash: string;
}

export interface DeliverablesRead {
  /** openstack/releases' default branch and its commit. */
  ref: string;
  head: string;
  facts: Map<string, DeliverableFacts>;
  /** With discovery: what each candidate plugs in at its newest release, and the candidates that plug nothing. */
  plugs: DeliverablePlug[];
  plugsNothing: string[];
}

export interface Discovery {
  /** Opens a deliverable's own repository (openstack/<name>). */
  open(name: string, repo: string): Promise<UpstreamRepo>;
}

const seriesOf = (release: Release) => release.id.toLowerCase();

/**
 * What openstack/releases says of the deliverables `names` in every release; with `discovery`, also of every
 * deliverable of the plugged projects' teams, each read at its newest release for what it plugs in.
 */
export async function readDeliverables(
  names: readonly string[],
  releases: readonly Release[],
  repo: UpstreamRepo,
  discovery?: Discovery,
): Promise<DeliverablesRead> {
  const refs = await repo.refs();
  const head = (await repo.commitOf(refs.defaultBranch)) ?? '';
  const ref = shortRef(refs.defaultBranch);
  const read = async (name: string): Promise<DeliverableFacts> => {
    const facts: DeliverableFacts = { name, versions: [] };
    for (const release of releases) {
      const path = `deliverables/${seriesOf(release)}/${name}.yaml`;
      const text = await repo.readFile(head, path);
      if (text === undefined) continue;
      const file = readDeliverableFile(text, { ref, path });
      facts.team ??= file.team;
      facts.type ??= file.type;
      const shipped = shippedRelease(file);
      if (!shipped) continue;
      facts.versions.push([release.id, shipped.version]);
      const commit = deliverableCommit(name, shipped);
      if (commit) facts.newest = { release: release.id, ...commit };
    }
    return facts;
  };
  const result: DeliverablesRead = { ref, head, facts: new Map(), plugs: [], plugsNothing: [] };
  for (const name of names) result.facts.set(name, await read(name));
  if (!discovery) return result;

  for (const name of await candidates(releases, repo, head, ref)) {
    // A deliverable a driver links already is that driver: nothing to discover.
    if (result.facts.has(name)) continue;
    result.facts.set(name, await read(name));
    const facts = result.facts.get(name)!;
    if (!facts.newest) continue;
    const own = await discovery.open(name, facts.newest.repo);
    try {
      const tree = (path: string) => own.readFile(facts.newest!.hash, path);
      let plugged = false;
      for (const { group, project } of PLUGS) {
        const declared = await readEntryPoints(tree, `${name} ${facts.newest.hash.slice(0, 12)}`, group);
        if (!declared || declared.points.length === 0) continue;
        plugged = true;
        result.plugs.push({
          name,
          project,
          group,
          entryPoints: declared.points.map((point) => point.name),
          ...facts.newest,
        });
      }
      if (!plugged) result.plugsNothing.push(name);
    } finally {
      own.close();
    }
  }
  return result;
}

/** Deliverables of the teams behind the plugged projects that may be drivers, by name. */
async function candidates(
  releases: readonly Release[],
  repo: UpstreamRepo,
  head: string,
  ref: string,
): Promise<string[]> {
  const newestFile = new Map<string, string>();
  for (const release of releases) {
    const folder = `deliverables/${seriesOf(release)}`;
    for (const entry of (await repo.listFolder(head, folder)) ?? []) {
      if (entry.endsWith('.yaml')) newestFile.set(entry.slice(0, -'.yaml'.length), `${folder}/${entry}`);
    }
  }
  const fileOf = async (name: string): Promise<DeliverableFile | undefined> => {
    const path = newestFile.get(name);
    const text = path === undefined ? undefined : await repo.readFile(head, path);
    return text === undefined ? undefined : readDeliverableFile(text, { ref, path: path! });
  };
  const projects = PLUGS.map(({ project }) => project.slice(project.indexOf('/') + 1));
  const teams = new Set<string>();
  for (const project of projects) {
    const team = (await fileOf(project))?.team;
    if (team) teams.add(team);
  }
  const found: string[] = [];
  for (const name of [...newestFile.keys()].sort()) {
    if (projects.includes(name)) continue;
    const file = await fileOf(name);
    if (file?.team && teams.has(file.team) && !NOT_DRIVERS.has(file.type ?? '')) found.push(name);
  }
  return found;
}
