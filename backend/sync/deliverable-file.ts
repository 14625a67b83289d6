import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { MatrixError } from './errors.ts';
import type { MatrixSource } from './matrix.ts';

// openstack/releases' deliverables/<series>/<name>.yaml: the deliverable's team and type, and each version
// released in the series with the commit of each of its repositories. The version a series ships is its
// newest final one ("7.6.0"); before the first, its newest milestone or candidate ("8.0.0.0rc1"). The
// end-of-life markers ("train-eol") are tags, not versions.

export interface DeliverableRelease {
  version: string;
  /** Repository (openstack/<name>) → commit. */
  hashes: Map<string, string>;
}

export interface DeliverableFile {
  team?: string;
  type?: string;
  releases: DeliverableRelease[];
}

const FINAL = /^\d+(\.\d+)*$/;
const PRE_RELEASE = /^\d+(\.\d+)*(\.0)?(a|b|rc)\d+$/;

export function readDeliverableFile(text: string, source: MatrixSource): DeliverableFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const fail = (line: number, message: string, hint: string): never => {
    throw new MatrixError(source, line, message, hint);
  };
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const error = document.errors[0];
  if (error) fail(error.linePos?.[0].line ?? 1, error.message.split('\n')[0]!, 'correct the YAML syntax');
  const root = document.contents;
  if (!isMap(root)) return fail(lineOf(root), 'not a mapping of keys', 'write the deliverable as YAML keys');
  const file: DeliverableFile = { releases: [] };
  const team = root.get('team');
  const type = root.get('type');
  if (typeof team === 'string') file.team = team;
  if (typeof type === 'string') file.type = type;
  const releases = root.get('releases', true);
  if (releases === undefined || releases === null) return file;
  if (!isSeq(releases)) return fail(lineOf(releases as Node), 'releases is not a list', 'list the releases');
  for (const item of releases.items) {
    const version = isMap(item) ? item.get('version') : undefined;
    if (!isMap(item) || (typeof version !== 'string' && typeof version !== 'number')) {
      fail(lineOf(item as Node), 'a release without a version', 'give each release "version: X.Y.Z"');
    }
    const release: DeliverableRelease = { version: String(version), hashes: new Map() };
    const projects = (item as typeof root).get('projects', true);
    if (isSeq(projects)) {
      for (const project of projects.items) {
        const repo = isMap(project) ? project.get('repo') : undefined;
        const hash = isMap(project) ? project.get('hash') : undefined;
        if (typeof repo === 'string' && typeof hash === 'string') release.hashes.set(repo, hash);
      }
    }
    file.releases.push(release);
  }
  return file;
}

/** The release a series ships: its newest final version, else its newest pre-release; none before either. */
export function shippedRelease(file: DeliverableFile): DeliverableRelease | undefined {
  const newest = (pattern: RegExp) => file.releases.filter((release) => pattern.test(release.version)).at(-1);
  return newest(FINAL) ?? newest(PRE_RELEASE);
}

/** The commit of the deliverable's own repository (openstack/<name>) in a release, else its first one. */
export function deliverableCommit(
  name: string,
  release: DeliverableRelease,
): { repo: string; hash: string } | undefined {
  const own = [...release.hashes].find(([repo]) => repo.endsWith(`/${name}`)) ?? [...release.hashes][0];
  return own ? { repo: own[0], hash: own[1] } : undefined;
}
