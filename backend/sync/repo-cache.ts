import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock, LockHeldError, type FileLock } from '../common/lock.ts';
import { RepoError, SyncAbortedError } from './errors.ts';
import { git } from './git-process.ts';

// The cache of clones (.driverlog-cache/ beside the data file). A clone there is trusted only as far as it is
// checked: its config may hold only what `git clone --bare --filter=blob:none` writes, its origin must be the
// URL asked for, and it may borrow no other repository's objects or history; anything else (a cache restored
// from elsewhere, a folder someone planted) is cloned afresh. One sync at a time clones or fetches a given URL,
// under the clone's own lock: a second first-time sync waits, then fetches the clone the first one made.

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

/** The transport a URL needs: https, ssh (also scp-like user@host:path), file… */
export function protocolOf(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  return scheme ? scheme[1]!.toLowerCase() : 'ssh';
}

/** What a bare, blob-less clone's config holds; the values that must be exactly so. */
const CLONE_CONFIG = new Set([
  'core.repositoryformatversion',
  'core.filemode',
  'core.bare',
  'core.ignorecase',
  'core.precomposeunicode',
  'core.symlinks',
  'core.logallrefupdates',
  'extensions.partialclone',
  'remote.origin.url',
  'remote.origin.promisor',
  'remote.origin.partialclonefilter',
]);

/** Files that would make git read other objects, another history or another repository's config. */
const BORROWING = [
  'commondir',
  'objects/info/alternates',
  'objects/info/http-alternates',
  'info/grafts',
  'shallow',
];

/** How long a sync waits for another to finish cloning or fetching the same URL. */
const LOCK_WAIT_MS = 30 * 60 * 1000;
const LOCK_POLL_MS = 100;

export async function cloneOrFetch(
  url: string,
  cacheDir: string,
  { signal, notes }: { signal?: AbortSignal; notes: string[] },
): Promise<string> {
  const dir = join(cacheDir, cacheName(url));
  const protocols = [protocolOf(url)];
  mkdirSync(cacheDir, { recursive: true });
  const lock = await waitForLock(dir, url, signal);
  try {
    if (existsSync(dir) || isLink(dir)) {
      const wrong = await whyNotAClone(dir, url, signal);
      if (wrong === undefined) {
        await git({
          gitDir: dir,
          cwd: dir,
          args: [
            'fetch',
            '--quiet',
            '--prune',
            '--force',
            '--filter=blob:none',
            '--',
            'origin',
            '+refs/heads/*:refs/heads/*',
            '+refs/tags/*:refs/tags/*',
          ],
          protocols,
          signal,
          what: `cannot fetch ${url} into ${dir} (delete that folder to clone afresh)`,
        });
        return dir;
      }
      notes.push(`the cache ${dir} was not a clone of ${url} (${wrong}): cloned afresh`);
      const discarded = `${dir}.discarded-${process.pid}-${randomBytes(4).toString('hex')}`;
      renameSync(dir, discarded);
      rmSync(discarded, { recursive: true, force: true });
    }
    // Clone beside, then rename: an interrupted clone never leaves a half repository in the cache.
    const partial = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await git({
        cwd: cacheDir,
        args: ['clone', '--quiet', '--bare', '--filter=blob:none', '--template=', '--', url, partial],
        protocols,
        signal,
        what: `cannot clone ${url}`,
      });
      renameSync(partial, dir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
    return dir;
  } finally {
    lock.release();
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Why the folder is not a clone sync made of `url`; undefined when it is one. */
async function whyNotAClone(dir: string, url: string, signal?: AbortSignal): Promise<string | undefined> {
  if (isLink(dir) || !lstatSync(dir).isDirectory()) return 'not a folder';
  const config = join(dir, 'config');
  if (!existsSync(config) || isLink(config) || !lstatSync(config).isFile()) return 'no config file';
  const borrowed = BORROWING.find((file) => existsSync(join(dir, file)));
  if (borrowed) return `it has ${borrowed}`;
  const linked = ['objects', 'refs'].find((folder) => isLink(join(dir, folder)));
  if (linked) return `its ${linked} is a link`;
  // The file itself, without includes: what git would read in it.
  const listed = (
    await git({
      cwd: dirname(dir),
      args: ['config', '--file', config, '--no-includes', '--list', '-z'],
      signal,
      what: `cannot read ${config}`,
    })
  ).toString('utf8');
  const values = new Map<string, string>();
  for (const entry of listed.split('\0')) {
    if (entry === '') continue;
    const at = entry.indexOf('\n');
    const key = at === -1 ? entry : entry.slice(0, at);
    if (!CLONE_CONFIG.has(key) || values.has(key)) return `its config sets ${key}`;
    values.set(key, at === -1 ? '' : entry.slice(at + 1));
  }
  if (values.get('remote.origin.url') !== url) return 'its origin is another URL';
  if (values.get('core.bare') !== 'true') return 'it is not bare';
  const partial = values.get('extensions.partialclone');
  if (partial !== undefined && partial !== 'origin') return 'it fetches missing objects from another remote';
  return undefined;
}

async function waitForLock(dir: string, url: string, signal?: AbortSignal): Promise<FileLock> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (signal?.aborted) throw new SyncAbortedError();
    try {
      return acquireLock(dir);
    } catch (error) {
      // Wait for a sync that is running; a lock file that names no owner is no sync's.
      if (!(error instanceof LockHeldError) || error.owner === undefined || Date.now() > deadline) {
        throw new RepoError(`cannot lock the cache of ${url}`, error);
      }
    }
    await sleep(LOCK_POLL_MS, undefined, { signal }).catch((error: unknown) => {
      if ((error as Error).name === 'AbortError') throw new SyncAbortedError();
      throw error;
    });
  }
}
