import { spawn } from 'node:child_process';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/registry/types.ts';
import type { SyncReport } from '../../backend/sync/report.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { tempDir } from './helpers/git-repo.ts';
import { historyRegistry, makeHistory, type History } from './helpers/upstream-history.ts';

const bin = fileURLToPath(new URL('../../bin/driverlog.js', import.meta.url));

let history: History;
let dir: string;
let data: string;
let original: string;

const sync = (...args: string[]) =>
  cli(['sync', '--data', 'data.json', '--project', 'openstack/cinder', '--git', history.repo.dir, ...args], {
    cwd: dir,
  });

beforeEach(() => {
  history = makeHistory();
  dir = tempDir('data');
  data = join(dir, 'data.json');
  original = formatRegistry(historyRegistry());
  writeFileSync(data, original);
});

describe('driverlog sync: what it reads', () => {
  it('refuses an upstream.git that is not an https:// URL, before any git runs', async () => {
    const registry = historyRegistry();
    // A bare repository committed in the pull request, whose hooks ran during a later sync.
    registry.projects[0]!.upstream!.git = history.repo.dir;
    writeFileSync(data, formatRegistry(registry));
    const run = await cli(['sync', '--data', 'data.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/upstream-git .*upstream\.git ".*" is not a URL: sync reads only https:\/\//);
    expect(existsSync(join(dir, '.driverlog-cache'))).toBe(false);
  });

  it('reports "no data" for a release whose tag points to a tree, and reads the others', async () => {
    history.repo.git('tag', '--force', 'rocky-eol', `${history.commits.rocky}^{tree}`);
    const run = await sync('--report', 'report.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Rocky +no data: rocky-eol names a tree, not a commit/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SyncReport;
    expect(report.projects[0]!.releases.find((r) => r.release === 'Rocky')).toEqual({
      release: 'Rocky',
      none: 'rocky-eol names a tree, not a commit',
    });
    const acme = (JSON.parse(readFileSync(data, 'utf8')) as Registry).drivers[0]!;
    expect(acme.upstream!.in_tree).toEqual(['Stein', 'Train', 'Ussuri']);
  });
});

describe('driverlog sync --report', () => {
  it.each([
    ['the registry', () => 'data.json'],
    ['the registry through a symlink', () => (symlinkSync(data, join(dir, 'link.json')), 'link.json')],
    ['the registry through a hard link', () => (linkSync(data, join(dir, 'hard.json')), 'hard.json')],
    [
      'its runs file',
      () => (writeFileSync(join(dir, 'data.runs.json'), '{"drivers": []}\n'), 'data.runs.json'),
    ],
  ])('refuses a report path that is %s, before any work', async (_what, path) => {
    const runsBefore = existsSync(join(dir, 'data.runs.json'));
    const report = path();
    for (const args of [
      ['--report', report],
      ['--check', '--report', report],
    ]) {
      const run = await sync(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /--report .* is the registry('s runs file)? \(.*\): the report would replace it/,
      );
      expect(run.stdout).toBe('');
      expect(readFileSync(data, 'utf8')).toBe(original);
    }
    if (runsBefore) expect(readFileSync(join(dir, 'data.runs.json'), 'utf8')).toBe('{"drivers": []}\n');
  });

  it('says plainly that the registry was written when only the report could not be', async () => {
    const run = await sync('--report', 'no-such-folder/report.json');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/openstack\/cinder \(/);
    expect(run.stderr).toMatch(
      /^driverlog sync: could not write .*no-such-folder\/report\.json: .*; data\.json was written; only the report is missing\n$/,
    );
    expect(readFileSync(data, 'utf8')).not.toBe(original);
  });
});

describe('driverlog sync on SIGTERM', () => {
  it('stops git, writes nothing and exits 130', async () => {
    // A server that takes the connection and never answers: the clone waits until it is stopped.
    const sockets: Socket[] = [];
    let connected: () => void = () => {};
    const connection = new Promise<void>((resolve) => (connected = resolve));
    const server = createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const child = spawn(
        process.execPath,
        [
          bin,
          'sync',
          '--data',
          'data.json',
          '--project',
          'openstack/cinder',
          '--git',
          `http://127.0.0.1:${port}/cinder`,
          '--report',
          'report.json',
        ],
        { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection;
      child.kill('SIGTERM');
      expect(await exited).toBe(130);
      expect(stderr).toBe('driverlog sync: aborted; data.json left unchanged\n');
      expect(readFileSync(data, 'utf8')).toBe(original);
      expect(existsSync(join(dir, 'report.json'))).toBe(false);
      // No half clone, no lock left in the cache.
      expect(readdirSync(join(dir, '.driverlog-cache'))).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
