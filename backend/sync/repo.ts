import { isUtf8 } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { firstInvalidUtf8 } from '../json/utf8.ts';
import { MatrixError, RepoError } from './errors.ts';
import { lineOf } from './matrix-text.ts';
import { git, runGit, type GitRun } from './git-process.ts';
import { cloneOrFetch, protocolOf } from './repo-cache.ts';
import { ObjectReader } from './object-reader.ts';
import { fetchMissingBlobs } from './repo-blobs.ts';
import { listRefs, type RefListing } from './list-refs.ts';
import { shortRef, type RepoRefs } from './resolve-ref.ts';

// Sync's git, with repo-cache.ts and git-process.ts. A local repository is only read, as it is (objects it lacks
// are not fetched); a URL is cloned once, bare and without blobs (each file sync reads is fetched on demand),
// into the cache, and fetched on later runs. Every process runs as git-process.ts says.

export interface UpstreamRepo {
  /** The path or URL it was opened from, for messages. */
  location: string;
  /** The git directory read. */
  dir: string;
  /** What opening it had to do about the cache (a clone that was not of this URL, cloned afresh). */
  notes: string[];
  refs(): Promise<RepoRefs>;
  /** The commit a ref names, or undefined when it names none (or something other than a commit). */
  commitOf(ref: string): Promise<string | undefined>;
  /**
   * A file's text at a commit, or undefined when the commit has no such file. A file above MAX_FILE_BYTES,
   * not UTF-8, or with control characters (but tab and line ends) is a MatrixError at REF:PATH:LINE, REF being
   * the ref commitOf was asked with.
   */
  readFile(commit: string, path: string): Promise<string | undefined>;
  /** The commits several refs name, by ref; a ref that names none is left out. */
  commitsOf(refs: readonly string[]): Promise<Map<string, string>>;
  /** The names in a folder at a commit (files and folders alike), or undefined when it has no such folder. */
  listFolder(commit: string, path: string): Promise<string[] | undefined>;
  /** Ends what reads keep open. */
  close(): void;
  /**
   * The files under `paths` at a commit whose names end with `suffix`, with their blob ids, in path order.
   * In a clone without blobs, the missing ones are fetched first, in one request.
   */
  filesUnder(commit: string, paths: readonly string[], suffix: string): Promise<RepoFile[]>;
  /** Blobs' texts by id, read by one git process. */
  readBlobs(ids: readonly string[]): Promise<Map<string, string>>;
}

export interface RepoFile {
  path: string;
  blob: string;
}

/** The largest file sync reads: cinder's matrix is 120 KB; a blob of 560 MiB once took 1.2 GB and crashed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^[^/\s@]+@[^/\s:]+:/i;

export function isRemote(location: string): boolean {
  return URL_LIKE.test(location);
}

/** A repository's name: the last part of its URL or path (neutron, glance_store, releases). */
export function repositoryName(location: string): string {
  const trimmed = location.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).replace(/\.git$/, '');
}

export interface OpenOptions {
  cwd: string;
  cacheDir: string;
  signal?: AbortSignal;
}

/** Opens `location` (a work tree, bare repository or .git folder, or a URL cloned into `cacheDir`). */
export async function openRepo(location: string, options: OpenOptions): Promise<UpstreamRepo> {
  if (location.startsWith('-')) {
    throw new RepoError(`${location} starts with "-": give a git repository's path or URL`);
  }
  const { signal } = options;
  const notes: string[] = [];
  const remote = isRemote(location);
  const folder = remote
    ? await cloneOrFetch(location, options.cacheDir, { signal, notes })
    : resolve(options.cwd, location);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RepoError(`${location} is not a folder: give a git repository's path or URL`);
  }
  // A clone in the cache fetches the blobs it lacks from its URL; a local repository fetches nothing.
  const protocols = remote ? [protocolOf(location)] : [];
  // HEAD's branch is asked in the same process (each git process costs ~10 ms to start); in a repository
  // without a commit git prints the folder and then fails on HEAD, which listRefs reports.
  const found = await runGit({
    cwd: folder,
    args: ['rev-parse', '--absolute-git-dir', '--symbolic-full-name', 'HEAD'],
    protocols,
    signal,
    what: `${location} is not a git repository`,
  });
  const [dir = '', head] = found.stdout.toString('utf8').split('\n');
  if (dir === '') {
    throw new RepoError(`${location} is not a git repository${found.stderr ? `: ${found.stderr}` : ''}`);
  }
  const headBranch = found.code === 0 && head ? head : undefined;
  const run = (args: string[], extra: Partial<GitRun> = {}) =>
    git({
      gitDir: dir,
      cwd: dir,
      args,
      protocols,
      signal,
      what: `git ${args[0]} failed in ${location}`,
      ...extra,
    });
  const objects = new ObjectReader({ gitDir: dir, protocols, location, signal });
  // The refs are listed once per run: they do not move while sync reads them.
  let listed_: Promise<RefListing> | undefined;
  const listing = () => (listed_ ??= listRefs(run, objects, location, headBranch));
  // The ref each commit was asked by: errors in its files say REF:PATH:LINE.
  const asked = new Map<string, string>();
  const repo: UpstreamRepo = {
    location,
    dir,
    notes,
    refs: async () => (await listing()).refs,
    async commitOf(ref) {
      // A ref the listing has is answered from it: a run where no ref moved then reads no object at all.
      const listed = listed_ && (await listed_).commits.get(ref);
      if (listed) {
        asked.set(listed, shortRef(ref));
        return listed;
      }
      // A ref that names nothing, or a tree or blob, names no commit.
      const found = await objects.info(`${ref}^{commit}`);
      if (found?.type !== 'commit') return undefined;
      asked.set(found.oid, shortRef(ref));
      return found.oid;
    },
    async readFile(commit, path) {
      const found = await objects.info(`${commit}:${path}`);
      if (found?.type !== 'blob') return undefined;
      const source = { ref: asked.get(commit) ?? commit.slice(0, 12), path };
      // Asked first, so that a huge blob is refused before a byte of it is read.
      if (!(found.size <= MAX_FILE_BYTES)) {
        throw new MatrixError(
          source,
          1,
          `the file is ${(found.size / 1024 / 1024).toFixed(1)} MiB; sync reads files of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
          'check upstream.support_matrix: it names a file that is no support matrix',
        );
      }
      return checkedText((await objects.contents(found.oid))!, source);
    },
    async commitsOf(refs) {
      const found = new Map<string, string>();
      for (const ref of refs) {
        const commit = await repo.commitOf(ref);
        if (commit !== undefined) found.set(ref, commit);
      }
      return found;
    },
    async listFolder(commit, path) {
      return objects.treeNames(`${commit}:${path.replace(/\/+$/, '')}`);
    },
    close: () => objects.close(),
    async filesUnder(commit, paths, suffix) {
      if (remote) await fetchMissingBlobs(async (args) => (await run(args)).toString('utf8'), commit, paths);
      const listing = (
        await run(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...paths])
      ).toString('utf8');
      const files: RepoFile[] = [];
      for (const entry of listing.split('\0')) {
        // Regular files only: a symlink's blob is a path, and a submodule is a commit.
        const match = /^100(644|755) blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(entry);
        if (!match || !match[4]!.endsWith(suffix)) continue;
        const path = match[4]!;
        // The listing gives each blob's size: a huge one is refused before a byte of it is read.
        const size = Number(match[3]);
        if (size > MAX_FILE_BYTES) {
          throw new MatrixError(
            { ref: asked.get(commit) ?? commit.slice(0, 12), path },
            1,
            `the file is ${(size / 1024 / 1024).toFixed(1)} MiB; sync reads files of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
            'the project must fix its tree; until then, pin this release with upstream.refs to a ref that reads',
          );
        }
        files.push({ path, blob: match[2]! });
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async readBlobs(ids) {
      const texts = await Promise.all(ids.map((id) => objects.contents(id)));
      return new Map(
        ids.map((id, i) => {
          if (texts[i] === undefined) throw new RepoError(`${location} has no blob ${id}`);
          return [id, texts[i].toString('utf8')];
        }),
      );
    },
  };
  return repo;
}

/** The bytes as text, or a MatrixError at the line of the first byte that is not UTF-8. */
function checkedText(bytes: Buffer, source: { ref: string; path: string }): string {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    throw new MatrixError(
      source,
      lineOf(before, before.length),
      `byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8: the file must be UTF-8 encoded`,
      'the project must fix its file; until then, pin this release with upstream.refs to a ref whose file reads',
    );
  }
  return bytes.toString('utf8');
}
