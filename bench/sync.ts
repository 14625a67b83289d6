// How long `driverlog sync` takes over every project with `upstream` in our registry, every release of each
// (refs resolved, every matrix file, packaging file and Python module read), from local clones — found as
// dev/openstack-clones finds them (OPENSTACK_REPOS, default beside this repository) — and the deliverables
// pass over openstack/releases. Each as a whole process: the first run (everything to read and write), and a
// second one when no ref moved (nothing to change: the readings are kept in the cache folder). Then code
// facts alone, in process. Skipped, saying so, when no clone is found.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reposFolder } from '../dev/openstack-clones/find-clones.ts';
import { formatRegistry } from '../backend/format/canonical.ts';
import type { Registry } from '../backend/model/types.ts';
import { readCode } from '../backend/sync/read-code.ts';
import { readProject } from '../backend/sync/read-project.ts';
import { openRepo, repositoryName } from '../backend/sync/repo.ts';
import { reportFigures } from './report.ts';

const RUNS = 3;
const root = join(import.meta.dirname, '..');

const ours = JSON.parse(readFileSync(join(root, 'default_data.json'), 'utf8')) as Registry;
const names = [
  ...ours.projects.flatMap((project) => (project.upstream ? [repositoryName(project.upstream.git)] : [])),
  'releases',
];
const repos = reposFolder(names);
const projects = ours.projects.filter(
  (project) => project.upstream && repos.found.includes(repositoryName(project.upstream.git)),
);
if (projects.length === 0) {
  console.log(
    `bench/sync: skipped: no clone of ${names.join(', ')} found (set OPENSTACK_REPOS to a folder holding them)`,
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

// Our registry as people wrote it: nothing synced yet, and only the projects whose clones were found.
const found = new Set(projects.map((project) => project.id));
const registry: Registry = {
  ...ours,
  projects: ours.projects.map(({ features: _features, upstream, ...project }) => {
    if (!upstream || !found.has(project.id)) return project;
    const { statuses: _statuses, ...people } = upstream;
    return { ...project, upstream: people };
  }),
  // A project without its clone keeps no upstream, so its drivers keep no link into a matrix (validate refuses one).
  drivers: ours.drivers.map(({ upstream: _synced, ...driver }) => {
    if (found.has(driver.project_id)) return driver;
    const { upstream_id: _link, ...unlinked } = driver;
    return unlinked;
  }),
};

const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-sync-'));
try {
  const file = join(dir, 'data.json');
  const matrices = ['sync', '--data', file, '--repos', repos.dir, '--add-new'];
  const deliverables = ['sync', '--data', file, '--repos', repos.dir, '--deliverables'];
  time(['--version']); // warm the transpile cache, as any second run has it
  const first: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    writeFileSync(file, formatRegistry(registry));
    // A first run reads everything: no readings kept from an earlier one.
    rmSync(join(dir, '.driverlog-cache'), { recursive: true, force: true });
    first.push(time(matrices) + (repos.found.includes('releases') ? time(deliverables) : 0));
    again.push(time(matrices) + (repos.found.includes('releases') ? time(deliverables) : 0));
  }
  const size = readFileSync(file, 'utf8').length;

  let releases = 0;
  const readStart = performance.now();
  for (const project of projects) {
    const repo = await openRepo(join(repos.dir, repositoryName(project.upstream!.git)), {
      cwd: root,
      cacheDir: join(dir, 'cache'),
    });
    const read = await readProject(project as Parameters<typeof readProject>[0], registry.releases!, repo);
    repo.close();
    releases += read.matrices.length;
  }
  const readMs = performance.now() - readStart;

  // Code facts alone, in process, over every release a project has classes at: once with an empty cache
  // (every tree parsed), once with each commit's classes served from the cache keyed by commit.
  const code: Array<{ project: string; releases: number; first: number; cached: number }> = [];
  for (const project of projects) {
    if (!project.upstream?.code) continue;
    const cacheDir = join(dir, 'code-cache');
    const times: number[] = [];
    let releases = 0;
    for (const _pass of ['first', 'cached']) {
      const repo = await openRepo(join(repos.dir, repositoryName(project.upstream.git)), {
        cwd: root,
        cacheDir: join(dir, 'cache'),
      });
      const start = performance.now();
      const read = await readCode(project as Parameters<typeof readCode>[0], registry.releases!, repo, {
        cacheDir,
      });
      times.push(performance.now() - start);
      repo.close();
      releases = read.classes.length;
    }
    rmSync(cacheDir, { recursive: true, force: true });
    code.push({ project: project.id, releases, first: times[0]!, cached: times[1]! });
  }

  console.log(
    `${projects.length} projects (${projects.map((p) => p.id.slice(p.id.indexOf('/') + 1)).join(', ')}), ${releases} releases with data${repos.found.includes('releases') ? ', and the deliverables' : ''}; ${RUNS} runs each, median`,
  );
  console.log('| measure | ms |\n|---|---|');
  console.log(
    `| sync --add-new, first run (writes ${(size / 1e3).toFixed(0)} KB) | ${median(first).toFixed(0)} |`,
  );
  console.log(`| sync --add-new again, no ref moved | ${median(again).toFixed(0)} |`);
  console.log(`| resolve refs and read every project (in process) | ${readMs.toFixed(0)} |`);
  for (const c of code) {
    console.log(`| ${c.project} code facts, ${c.releases} releases, empty cache | ${c.first.toFixed(0)} |`);
    console.log(`| ${c.project} code facts, ${c.releases} releases, cached | ${c.cached.toFixed(0)} |`);
  }
  reportFigures([
    {
      name: `sync ${projects.length} projects, ${releases} releases (whole processes, median)`,
      value: Math.round(median(first)),
      unit: 'ms',
      target: '< 20000 ms',
    },
    {
      name: 'sync every project again, no ref moved',
      value: Math.round(median(again)),
      unit: 'ms',
      target: '< 2000 ms',
    },
    {
      name: 'sync: refs and every project read (in process)',
      value: Math.round(readMs),
      unit: 'ms',
      target: '',
    },
    ...code.flatMap((c) => [
      {
        name: `sync: ${c.project} code facts, ${c.releases} releases, empty cache (in process)`,
        value: Math.round(c.first),
        unit: 'ms',
        target: '< 10000 ms',
      },
      {
        name: `sync: ${c.project} code facts, ${c.releases} releases, refs unchanged (cached)`,
        value: Math.round(c.cached),
        unit: 'ms',
        target: '< 10000 ms',
      },
    ]),
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(repos.dir, { recursive: true, force: true });
}
