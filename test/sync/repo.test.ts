import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MatrixError, RepoError } from '../../backend/sync/errors.ts';
import { cacheName } from '../../backend/sync/repo-cache.ts';
import { isRemote, MAX_FILE_BYTES, openRepo } from '../../backend/sync/repo.ts';
import { gitIn, makeRepo, tempDir } from './helpers/git-repo.ts';
import { MATRIX_PATH } from './helpers/matrices.ts';
import { makeHistory, MATRICES, type History } from './helpers/upstream-history.ts';

let history: History;
beforeAll(() => {
  history = makeHistory();
});

/** Everything git could change in a repository: refs, HEAD, index, work tree, object count. */
const stateOf = (dir: string) =>
  ['for-each-ref', 'rev-parse HEAD', 'status --porcelain --ignored', 'count-objects -v'].map((args) =>
    gitIn(dir, args.split(' ')),
  );

describe('openRepo on a local path', () => {
  it('lists local branches, remote-tracking branches and tags, the default branch and its newest commit time', async () => {
    const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    const refs = await repo.refs();
    expect([...refs.refs].sort()).toEqual([
      'refs/heads/master',
      'refs/heads/stable/train',
      'refs/heads/unmaintained/stein',
      'refs/tags/queens-eol',
      'refs/tags/rocky-eol',
      'refs/tags/stein-eol',
    ]);
    expect(refs.defaultBranch).toBe('refs/heads/master');
    expect(refs.newestCommit).toBe(Date.parse('2020-02-01T12:00:00Z'));
  });

  it('reads a file at a commit, and says when the commit has none', async () => {
    const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    expect(await repo.commitOf('refs/tags/rocky-eol')).toBe(history.commits.rocky);
    expect(await repo.readFile(history.commits.rocky, MATRIX_PATH)).toBe(MATRICES.Rocky);
    expect(await repo.readFile(history.commits.queens, MATRIX_PATH)).toBeUndefined();
    expect(await repo.commitOf('no-such-ref')).toBeUndefined();
    // Not an option, whatever it looks like.
    expect(await repo.commitOf('--all')).toBeUndefined();
  });

  it('opens a bare repository and a .git folder, relative to cwd', async () => {
    const parent = tempDir('bare');
    gitIn(parent, ['clone', '--quiet', '--bare', history.repo.dir, 'cinder.git']);
    const bare = await openRepo('cinder.git', { cwd: parent, cacheDir: tempDir('cache') });
    expect(await bare.readFile(history.commits.master, MATRIX_PATH)).toBe(MATRICES.Ussuri);
    const dotGit = await openRepo(join(history.repo.dir, '.git'), { cwd: '/', cacheDir: tempDir('cache') });
    expect((await dotGit.refs()).refs.has('refs/tags/rocky-eol')).toBe(true);
  });

  it("reads a clone's remote-tracking branches and its origin/HEAD as the default branch", async () => {
    const dir = join(tempDir('clone'), 'cinder');
    gitIn('/', ['clone', '--quiet', history.repo.dir, dir]);
    gitIn(dir, ['checkout', '--quiet', '-b', 'my-work']);
    const refs = await (await openRepo(dir, { cwd: '/', cacheDir: tempDir('cache') })).refs();
    expect(refs.refs.has('refs/remotes/origin/unmaintained/stein')).toBe(true);
    expect(refs.refs.has('refs/heads/unmaintained/stein')).toBe(false);
    expect(refs.defaultBranch).toBe('refs/remotes/origin/master');
  });

  it('never changes the repository it reads', async () => {
    const before = stateOf(history.repo.dir);
    const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    await repo.refs();
    await repo.readFile(history.commits.train, MATRIX_PATH);
    expect(stateOf(history.repo.dir)).toEqual(before);
  });

  it('refuses a folder that is not a repository, and a path that does not exist', async () => {
    const empty = tempDir('empty');
    await expect(openRepo(empty, { cwd: '/', cacheDir: tempDir('cache') })).rejects.toThrow(RepoError);
    await expect(openRepo(empty, { cwd: '/', cacheDir: tempDir('cache') })).rejects.toThrow(
      /is not a git repository/,
    );
    await expect(openRepo(join(empty, 'nope'), { cwd: '/', cacheDir: tempDir('cache') })).rejects.toThrow(
      /is not a folder/,
    );
  });
});

describe('openRepo on a URL', () => {
  it('clones once, bare and without blobs, into the cache, and fetches new commits on later runs', async () => {
    const upstream = makeHistory();
    const url = pathToFileURL(upstream.repo.dir).href;
    gitIn(upstream.repo.dir, ['config', 'uploadpack.allowFilter', 'true']);
    const cacheDir = join(tempDir('cache'), '.driverlog-cache');
    const first = await openRepo(url, { cwd: '/', cacheDir });
    expect(readdirSync(cacheDir)).toEqual([cacheName(url)]);
    expect(gitIn(first.dir, ['rev-parse', '--is-bare-repository']).trim()).toBe('true');
    expect(gitIn(first.dir, ['config', 'remote.origin.partialclonefilter']).trim()).toBe('blob:none');
    const rocky = (await first.commitOf('refs/tags/rocky-eol'))!;
    // The blob is fetched on demand from the URL.
    expect(await first.readFile(rocky, MATRIX_PATH)).toBe(MATRICES.Rocky);

    const next = upstream.repo.commit('2020-03-01T12:00:00Z', { 'README.rst': 'Changed.\n' });
    upstream.repo.git('tag', 'ussuri-eol');
    upstream.repo.git('branch', '-D', 'stable/train');
    const again = await openRepo(url, { cwd: '/', cacheDir });
    const refs = await again.refs();
    expect(again.dir).toBe(first.dir);
    expect(await again.commitOf('refs/heads/master')).toBe(next);
    expect(refs.refs.has('refs/tags/ussuri-eol')).toBe(true);
    // Branches deleted upstream are pruned, so a release stops reading a branch that is gone.
    expect(refs.refs.has('refs/heads/stable/train')).toBe(false);
    expect(refs.newestCommit).toBe(Date.parse('2020-03-01T12:00:00Z'));
  });

  it('leaves nothing in the cache when the clone fails', async () => {
    const cacheDir = join(tempDir('cache'), '.driverlog-cache');
    const url = pathToFileURL(join(tempDir('missing'), 'nothing-here')).href;
    await expect(openRepo(url, { cwd: '/', cacheDir })).rejects.toThrow(/cannot clone/);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });
});

describe('openRepo on hostile repositories', () => {
  it('refuses a location that starts with "-", which git would take for an option', async () => {
    const cacheDir = tempDir('cache');
    for (const location of ['-uevil@host:repo', '--upload-pack=touch@x:y', '-oProxyCommand=x']) {
      await expect(openRepo(location, { cwd: '/', cacheDir })).rejects.toThrow(
        /starts with "-": give a git repository's path or URL/,
      );
    }
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("asks a file's size first, and refuses one above the cap without reading it", async () => {
    const repo = makeRepo();
    const big = repo.commit('2020-01-01T00:00:00Z', {
      [MATRIX_PATH]: `[driver.x]\n${'#'.repeat(MAX_FILE_BYTES)}\n`,
    });
    const opened = await openRepo(repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    await opened.commitOf('refs/heads/master');
    await expect(opened.readFile(big, MATRIX_PATH)).rejects.toThrow(
      new RegExp(`^master:${MATRIX_PATH}:1: the file is 8\\.0 MiB; sync reads files of at most 8 MiB`),
    );
  });

  it('refuses a source file above the cap among many read at once, before reading any', async () => {
    const repo = makeRepo();
    const big = repo.commit('2020-01-01T00:00:00Z', {
      'pkg/drivers/small.py': 'class A:\n    pass\n',
      'pkg/drivers/huge.py': `# ${'x'.repeat(MAX_FILE_BYTES)}\n`,
    });
    const opened = await openRepo(repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    await opened.commitOf('refs/heads/master');
    await expect(opened.filesUnder(big, ['pkg/drivers'], '.py')).rejects.toThrow(
      /^master:pkg\/drivers\/huge\.py:1: the file is 8\.0 MiB; sync reads files of at most 8 MiB/,
    );
  });

  it.each([
    [
      'bytes that are not UTF-8',
      Buffer.from('[driver.x]\ntitle = Caf\xe9\xff\n', 'latin1'),
      2,
      /byte 0xE9 is not UTF-8/,
    ],
  ])('refuses a file with %s at REF:PATH:LINE', async (_what, bytes, line, message) => {
    const repo = makeRepo();
    repo.commit('2020-01-01T00:00:00Z', { 'README.rst': 'x\n' });
    writeFileSync(join(repo.dir, 'matrix.ini'), bytes);
    repo.git('add', 'matrix.ini');
    repo.git('commit', '--quiet', '-m', 'hostile');
    const opened = await openRepo(repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    const commit = (await opened.commitOf('refs/heads/master'))!;
    const refusal = opened.readFile(commit, 'matrix.ini');
    await expect(refusal).rejects.toBeInstanceOf(MatrixError);
    await expect(refusal).rejects.toThrow(new RegExp(`^master:matrix\\.ini:${line}: `));
    await expect(refusal).rejects.toThrow(message);
  });

  it('lists a tag that points to a tree apart from the refs it reads', async () => {
    const repo = makeRepo();
    repo.commit('2020-01-01T00:00:00Z', { [MATRIX_PATH]: MATRICES.Rocky });
    repo.git('tag', 'rocky-eol', 'HEAD^{tree}');
    repo.git('tag', '-a', '-m', 'annotated', 'stein-eol', `HEAD:${MATRIX_PATH}`);
    const refs = await (await openRepo(repo.dir, { cwd: '/', cacheDir: tempDir('cache') })).refs();
    expect(refs.refs.has('refs/tags/rocky-eol')).toBe(false);
    expect([...refs.notCommits!]).toEqual([
      ['refs/tags/rocky-eol', 'tree'],
      ['refs/tags/stein-eol', 'blob'],
    ]);
  });
});

describe('isRemote and cacheName', () => {
  it('tell URLs (also scp-like) from paths', () => {
    expect(
      [
        'https://opendev.org/openstack/cinder',
        'file:///srv/git/cinder',
        'git@github.com:openstack/cinder.git',
      ].map(isRemote),
    ).toEqual([true, true, true]);
    expect(['../cinder', '/srv/cinder.git', 'C:/repos/cinder', 'cinder'].map(isRemote)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives distinct URLs distinct folders', () => {
    expect(cacheName('https://opendev.org/openstack/cinder')).toMatch(
      /^opendev\.org_openstack_cinder-[0-9a-f]+\.git$/,
    );
    expect(cacheName('https://opendev.org/openstack/cinder')).not.toBe(
      cacheName('https://example.org/openstack/cinder'),
    );
  });
});

describe('openRepo reads through one git process', () => {
  it('lists a folder at a commit, and says when there is no such folder', async () => {
    const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    expect(await repo.listFolder(history.commits.rocky, 'doc/source/reference')).toEqual([
      'support-matrix.ini',
    ]);
    expect(await repo.listFolder(history.commits.rocky, MATRIX_PATH)).toBeUndefined();
    expect(await repo.listFolder(history.commits.queens, 'doc')).toBeUndefined();
    repo.close();
  });

  it('answers many reads at once in order, and reads again after close', async () => {
    const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
    const commits = [
      history.commits.rocky,
      history.commits.stein,
      history.commits.train,
      history.commits.queens,
    ];
    const texts = await Promise.all(commits.map((commit) => repo.readFile(commit, MATRIX_PATH)));
    expect(texts).toEqual([MATRICES.Rocky, MATRICES.Stein, MATRICES.Train, undefined]);
    repo.close();
    expect(await repo.readFile(history.commits.master, MATRIX_PATH)).toBe(MATRICES.Ussuri);
    // A revision with a line break in it names nothing (and cannot be asked for on one line).
    expect(await repo.readFile(history.commits.master, `${MATRIX_PATH}\nHEAD`)).toBeUndefined();
    repo.close();
  });
});

describe('openRepo with a git older than 2.36', () => {
  it('says that sync needs a newer git, with git’s own words', async () => {
    // A git on PATH that answers as git 2.30 does to cat-file --batch-command, and runs the real one otherwise.
    const bin = tempDir('old-git');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = --batch-command ] && { echo "error: unknown option \\\`batch-command'" >&2; exit 129; }; done\nexec ${real} "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      const repo = await openRepo(history.repo.dir, { cwd: '/', cacheDir: tempDir('cache') });
      const read = repo.readFile(history.commits.rocky, MATRIX_PATH);
      await expect(read).rejects.toThrow(RepoError);
      await expect(read).rejects.toThrow(/unknown option .batch-command'.*needs git 2\.36 or later/s);
      repo.close();
    } finally {
      process.env.PATH = path;
    }
  });
});
