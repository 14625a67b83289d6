// How long `driverlog sync` takes over cinder's whole history (Folsom to today: every release's ref is
// resolved, and the 17 that have a support matrix are read and merged), as a whole process, from a local
// clone of openstack/cinder: CINDER_REPO=/path/to/cinder, or ../cinder beside this repository. Skipped,
// saying so, when there is none.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatRegistry } from '../backend/format/canonical.ts';
import type { Registry } from '../backend/model/types.ts';
import { readProject } from '../backend/sync/read-project.ts';
import { openRepo } from '../backend/sync/repo.ts';
import { reportFigures } from './report.ts';

const RUNS = 3;
const root = join(import.meta.dirname, '..');
const repoPath = resolve(process.env.CINDER_REPO ?? join(root, '..', 'cinder'));

if (!existsSync(repoPath)) {
  console.log(
    `bench/sync: skipped: no cinder repository at ${repoPath} (clone https://opendev.org/openstack/cinder there, or set CINDER_REPO)`,
  );
  process.exit(0);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function time(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin/driverlog.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`driverlog ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return ms;
}

// Our releases and cinder's drivers as people wrote them: nothing synced yet.
const ours = JSON.parse(readFileSync(join(root, 'default_data.json'), 'utf8')) as Registry;
const cinder = ours.projects.find((project) => project.id === 'openstack/cinder')!;
const registry: Registry = {
  projects: [
    {
      id: cinder.id,
      name: cinder.name,
      upstream: {
        git: 'https://opendev.org/openstack/cinder',
        support_matrix: 'doc/source/reference/support-matrix.ini',
        support_feature: 'supported',
      },
    },
  ],
  releases: ours.releases ?? [],
  drivers: ours.drivers
    .filter((driver) => driver.project_id === cinder.id)
    .map(({ upstream: _synced, ...driver }) => driver),
};

const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-sync-'));
try {
  const file = join(dir, 'data.json');
  const args = ['sync', '--data', file, '--project', cinder.id, '--git', repoPath, '--add-new'];
  time(['--version']); // warm the transpile cache, as any second run has it
  const first: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    writeFileSync(file, formatRegistry(registry));
    first.push(time(args));
    again.push(time(args));
  }
  const size = readFileSync(file, 'utf8').length;

  const repo = await openRepo(repoPath, { cwd: root, cacheDir: join(dir, 'cache') });
  const readStart = performance.now();
  const read = await readProject(
    registry.projects[0] as Parameters<typeof readProject>[0],
    registry.releases!,
    repo,
  );
  const readMs = performance.now() - readStart;

  console.log(
    `cinder at ${read.head.slice(0, 12)}: ${read.matrices.length} releases with a matrix; ${RUNS} runs each, median`,
  );
  console.log('| measure | ms |\n|---|---|');
  console.log(
    `| sync --add-new, first run (writes ${(size / 1e3).toFixed(0)} KB) | ${median(first).toFixed(0)} |`,
  );
  console.log(`| sync --add-new, second run (no change) | ${median(again).toFixed(0)} |`);
  console.log(`| resolve refs and read every matrix (in process) | ${readMs.toFixed(0)} |`);
  reportFigures([
    {
      name: `sync cinder, ${read.matrices.length} releases (whole process, median)`,
      value: Math.round(median(first)),
      unit: 'ms',
      target: '< 5000 ms',
    },
    {
      name: 'sync cinder again, nothing to change',
      value: Math.round(median(again)),
      unit: 'ms',
      target: '< 5000 ms',
    },
    {
      name: 'sync cinder: refs and matrices read (in process)',
      value: Math.round(readMs),
      unit: 'ms',
      target: '',
    },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
