import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { CatFile } from './cat-file.ts';
import { RepoError } from './errors.ts';
import { catBlobs, fetchMissingBlobs } from './repo-blobs.ts';
import type { RepoRefs } from './resolve-ref.ts';

// The only module of sync that runs git. A local repository is only read; a URL is cloned once, bare and
// without blobs (each file sync reads is fetched on demand), into the cache, and fetched on later runs.

export interface UpstreamRepo {
  /** The path or URL it was opened from, for messages. */
  location: string;
  /** The git directory read. */
  dir: string;
  refs(): Promise<RepoRefs>;
  /** The commit a ref names, or undefined when it names none. */
  commitOf(ref: string): Promise<string | undefined>;
  /** The commits several refs name (one git process), by ref; a ref that names none is left out. */
  commitsOf(refs: readonly string[]): Promise<Map<string, string>>;
  /** A file's text at a commit, or undefined when the commit has no such file. */
  readFile(commit: string, path: string): Promise<string | undefined>;
  /** The names in a folder at a commit (files and folders alike), or undefined when it has no such folder. */
  listFolder(commit: string, path: string): Promise<string[] | undefined>;
  /** Ends the git process reads go through. */
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

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^[^/\s@]+@[^/\s:]+:/i;

export function isRemote(location: string): boolean {
  return URL_LIKE.test(location);
}

/** A repository's name: the last part of its URL or path (neutron, glance_store, releases). */
export function repositoryName(location: string): string {
  const trimmed = location.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).replace(/\.git$/, '');
}

/** A cache folder name for a URL: readable, and distinct for distinct URLs. */
export function cacheName(url: string): string {
  const readable = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(-80);
  let hash = 0;
  for (const char of url) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `${readable}-${hash.toString(16)}.git`;
}

/** Opens `location` (a work tree, bare repository or .git folder, or a URL cloned into `cacheDir`). */
export async function openRepo(
  location: string,
  options: { cwd: string; cacheDir: string },
): Promise<UpstreamRepo> {
  const dir = isRemote(location)
    ? await cloneOrFetch(location, options.cacheDir)
    : resolve(options.cwd, location);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RepoError(`${location} is not a folder: give a git repository's path or URL`);
  }
  const git = simpleGit({ baseDir: dir });
  try {
    await git.raw(['rev-parse', '--git-dir']);
  } catch (error) {
    throw new RepoError(`${location} is not a git repository`, error);
  }
  const batch = new CatFile(dir, location);
  const run = async (args: string[]) => {
    try {
      return await git.raw(args);
    } catch (error) {
      throw new RepoError(`git ${args.join(' ')} failed in ${location}`, error);
    }
  };
  const commitOf = async (ref: string) => (await batch.get(`${ref}^{commit}`))?.oid;
  return {
    location,
    dir,
    refs: () => listRefs(git, location),
    commitOf,
    async commitsOf(refs) {
      // One batch answers each ref in turn; a ref that names nothing is left out.
      const found = new Map<string, string>();
      for (const ref of refs) {
        const commit = await commitOf(ref);
        if (commit !== undefined) found.set(ref, commit);
      }
      return found;
    },
    async readFile(commit, path) {
      const object = await batch.get(`${commit}:${path}`);
      return object?.type === 'blob' ? object.content.toString('utf8') : undefined;
    },
    async listFolder(commit, path) {
      const object = await batch.get(`${commit}:${path}`);
      return object?.type === 'tree' ? treeNames(object.content, object.oid.length / 2) : undefined;
    },
    close: () => batch.close(),
    async filesUnder(commit, paths, suffix) {
      if (isRemote(location)) await fetchMissingBlobs(run, commit, paths);
      const listing = await run(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]);
      const files: RepoFile[] = [];
      for (const entry of listing.split('\0')) {
        // Regular files only: a symlink's blob is a path, and a submodule is a commit.
        const match = /^100(644|755) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
        if (match && match[3]!.endsWith(suffix)) files.push({ path: match[3]!, blob: match[2]! });
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    readBlobs: (ids) => catBlobs(dir, location, ids),
  };
}

/** The names of a tree object's entries: "<mode> <name>\0<object id>" each, back to back. */
function treeNames(content: Buffer, idLength: number): string[] {
  const names: string[] = [];
  for (let at = 0; at < content.length;) {
    const space = content.indexOf(32, at);
    const nul = content.indexOf(0, space);
    if (space === -1 || nul === -1) break;
    names.push(content.subarray(space + 1, nul).toString('utf8'));
    at = nul + 1 + idLength;
  }
  return names;
}

async function listRefs(git: SimpleGit, location: string): Promise<RepoRefs> {
  try {
    const refs = new Set(
      (await git.raw(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags']))
        .split('\n')
        .filter((ref) => ref !== ''),
    );
    // A clone's default branch is what origin/HEAD names; a repository without one reads its own HEAD.
    const head = refs.has('refs/remotes/origin/HEAD') ? 'refs/remotes/origin/HEAD' : 'HEAD';
    const defaultBranch = (await git.raw(['rev-parse', '--symbolic-full-name', head])).trim() || head;
    const time = Number((await git.raw(['log', '-1', '--format=%ct', defaultBranch])).trim());
    return { refs, defaultBranch, newestCommit: time * 1000 };
  } catch (error) {
    throw new RepoError(`cannot list the branches and tags of ${location}`, error);
  }
}

async function cloneOrFetch(url: string, cacheDir: string): Promise<string> {
  const dir = join(cacheDir, cacheName(url));
  if (existsSync(dir)) {
    try {
      await simpleGit({ baseDir: dir }).raw([
        'fetch',
        '--quiet',
        '--prune',
        '--force',
        '--filter=blob:none',
        'origin',
        '+refs/heads/*:refs/heads/*',
        '+refs/tags/*:refs/tags/*',
      ]);
    } catch (error) {
      throw new RepoError(`cannot fetch ${url} into ${dir} (delete that folder to clone afresh)`, error);
    }
    return dir;
  }
  mkdirSync(cacheDir, { recursive: true });
  // Clone beside, then rename: an interrupted clone never leaves a half repository in the cache.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await simpleGit({ baseDir: cacheDir }).raw([
      'clone',
      '--quiet',
      '--bare',
      '--filter=blob:none',
      url,
      partial,
    ]);
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw new RepoError(`cannot clone ${url}`, error);
  }
  return dir;
}
