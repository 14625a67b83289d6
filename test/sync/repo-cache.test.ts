import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheName } from '../../backend/sync/repo-cache.ts';
import { openRepo } from '../../backend/sync/repo.ts';
import { gitIn, makeRepo, tempDir } from './helpers/git-repo.ts';
import { MATRIX_PATH } from './helpers/matrices.ts';
import { makeTrap, plantConfig } from './helpers/planted-config.ts';
import { makeHistory, MATRICES } from './helpers/upstream-history.ts';

/** An upstream served by URL, and a cache folder beside a data file. */
function setup() {
  const upstream = makeHistory();
  gitIn(upstream.repo.dir, ['config', 'uploadpack.allowFilter', 'true']);
  const url = pathToFileURL(upstream.repo.dir).href;
  const cacheDir = join(tempDir('cache'), '.driverlog-cache');
  return { upstream, url, cacheDir, cached: join(cacheDir, cacheName(url)) };
}

/** A clone of another repository where the cache keeps `url`'s: what a restored or planted cache can hold. */
function plantOtherClone(cached: string) {
  const other = makeRepo();
  other.commit('2020-01-01T00:00:00Z', { [MATRIX_PATH]: '[driver.impostor]\ntitle = Impostor\n' });
  mkdirSync(join(cached, '..'), { recursive: true });
  gitIn('/', ['clone', '--quiet', '--bare', other.dir, cached]);
  return other;
}

describe('the cache of clones', () => {
  it('runs nothing a poisoned clone configures, and clones afresh what is not a clone of the URL', async () => {
    const { upstream, url, cacheDir, cached } = setup();
    await openRepo(url, { cwd: '/', cacheDir });
    const trap = makeTrap();
    plantConfig(cached, trap);
    // Its origin's upload-pack ran during the fetch.
    const repo = await openRepo(url, { cwd: '/', cacheDir });
    expect(trap.ran()).toEqual([]);
    expect(repo.notes).toEqual([
      expect.stringMatching(/was not a clone of .*\(its config sets .*\): cloned afresh$/),
    ]);
    expect(await repo.readFile(upstream.commits.rocky, MATRIX_PATH)).toBe(MATRICES.Rocky);
    expect(readdirSync(cacheDir)).toEqual([cacheName(url)]);
  });

  it.each([
    ['another origin', (cached: string) => plantOtherClone(cached)],
    [
      'an origin rewritten by url.insteadOf',
      (cached: string, url: string) => {
        plantOtherClone(cached);
        gitIn(cached, ['config', 'remote.origin.url', url]);
        gitIn(cached, ['config', `url.ext::sh -c touch% /nonexistent/x.insteadOf`, url]);
      },
    ],
    [
      'an included config file',
      (cached: string, url: string) => {
        gitIn('/', ['clone', '--quiet', '--bare', url.replace('file://', ''), cached]);
        writeFileSync(join(cached, 'extra'), '[core]\n\tfsmonitor = /nonexistent/fsmonitor\n');
        gitIn(cached, ['config', 'include.path', join(cached, 'extra')]);
      },
    ],
    [
      "another repository's objects (alternates)",
      (cached: string, url: string) => {
        const other = plantOtherClone(cached);
        gitIn(cached, ['config', 'remote.origin.url', url]);
        writeFileSync(
          join(cached, 'objects', 'info', 'alternates'),
          join(other.dir, '.git', 'objects') + '\n',
        );
      },
    ],
  ])('reads the URL, not a cached clone with %s', async (_what, plant) => {
    const { upstream, url, cacheDir, cached } = setup();
    plant(cached, url);
    const repo = await openRepo(url, { cwd: '/', cacheDir });
    expect(repo.notes).toHaveLength(1);
    const refs = await repo.refs();
    expect(refs.refs.has('refs/tags/rocky-eol')).toBe(true);
    expect(await repo.commitOf('refs/heads/master')).toBe(upstream.commits.master);
    expect(await repo.readFile(upstream.commits.master, MATRIX_PATH)).toBe(MATRICES.Ussuri);
  });

  it('lets two first-time syncs of one URL share one clone: the second waits and uses it', async () => {
    const { upstream, url, cacheDir } = setup();
    const [first, second] = await Promise.all([
      openRepo(url, { cwd: '/', cacheDir }),
      openRepo(url, { cwd: '/', cacheDir }),
    ]);
    expect(first.dir).toBe(second.dir);
    expect([first.notes, second.notes]).toEqual([[], []]);
    expect(readdirSync(cacheDir)).toEqual([cacheName(url)]);
    expect(await second.commitOf('refs/heads/master')).toBe(upstream.commits.master);
  });

  it('keeps the lock of the clone beside it only while it clones or fetches', async () => {
    const { url, cacheDir, cached } = setup();
    await openRepo(url, { cwd: '/', cacheDir });
    expect(existsSync(`${cached}.lock`)).toBe(false);
  });
});
