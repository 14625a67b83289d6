// `driverlog update` on a history the size of OpenStack's: 9 projects, 150 CI accounts, 20,000
// merged changes with ~25 messages each. Full scan: wall time, peak memory (RSS of this process,
// which runs the update), requests per project against the floor (Gerrit serves 500 changes a page:
// ⌈changes/500⌉ + 1), next to what the original DriverLog would have asked for the same registry (one
// query per driver with CI per branch: active releases' stable branches and master). Then 50 new
// changes and an incremental run: requests per project. Last, how long `update` takes to give up on a
// Gerrit where nothing answers. The simulator runs in a child process, so the dataset's memory is not
// counted as the update's. After the full scan, the sizes of the registry and of its runs file.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRegistry } from '../backend/format/canonical.ts';
import { runsFileOf } from '../backend/model/runs-file.ts';
import type { Driver, Registry, Release, RunsFile } from '../backend/model/types.ts';
import {
  generateHistory,
  startGerritSimulator,
  type GerritSimulator,
} from '../dev/gerrit-simulator/index.ts';
import { runUpdate } from '../backend/update/run-update.ts';
import { reportFigures } from './report.ts';

// The generator leaves ~15 % of changes open or abandoned: this many gives ~20,000 merged ones.
const CHANGES = 23_600;
const NEW_CHANGES = 50;
const MESSAGES = 25;
const CI_ACCOUNTS = 150;
/** The most changes Gerrit serves a page (index.maxLimit); the simulator's default too. */
const GERRIT_PAGE = 500;
const DAY = 86_400_000;
const END = Date.UTC(2025, 2, 1);
const START = END - 170 * DAY;

const SERIES: Array<[string, string, string?]> = [
  ['Wallaby', '2021-04-14'],
  ['Xena', '2021-10-06'],
  ['Yoga', '2022-03-30'],
  ['Zed', '2022-10-05'],
  ['Antelope', '2023-03-22', 'stable/2023.1'],
  ['Bobcat', '2023-10-04', 'stable/2023.2'],
  ['Caracal', '2024-04-03', 'stable/2024.1'],
  ['Dalmatian', '2024-10-02', 'stable/2024.2'],
  ['Epoxy', '2025-04-02', 'stable/2025.1'],
];

/** 9 projects, 150 CI accounts, 190 drivers with CI (some accounts test two drivers). */
export function benchRegistry(): Registry {
  const names = ['cinder', 'designate', 'glance', 'ironic', 'manila', 'neutron', 'nova', 'octavia', 'swift'];
  const projects = names.map((name) => ({
    id: `openstack/${name}`,
    name: name[0]!.toUpperCase() + name.slice(1),
  }));
  const releases: Release[] = SERIES.map(([id, start, branch], i) => ({
    id,
    wiki: `https://releases.openstack.org/${id.toLowerCase()}/`,
    start,
    active: i >= SERIES.length - 4,
    ...(branch ? { branch } : {}),
  }));
  const drivers: Driver[] = [];
  for (let i = 0; i < 190; i++) {
    const account = i % CI_ACCOUNTS;
    const project = projects[account % projects.length]!;
    const vendor = `Vendor${String(account).padStart(3, '0')}`;
    const job = `v${account}-tempest-${i >= CI_ACCOUNTS ? 'b' : 'a'}`;
    drivers.push({
      project_id: project.id,
      vendor,
      name: `Driver ${i >= CI_ACCOUNTS ? 'B' : 'A'}`,
      releases: ['Caracal', 'Dalmatian'],
      ci: {
        id: `ci-${account}`,
        success_pattern: `${job} \\S+ : SUCCESS`,
        failure_pattern: `${job} \\S+ : FAILURE`,
      },
    });
  }
  drivers.sort((a, b) => (a.project_id + a.vendor + a.name < b.project_id + b.vendor + b.name ? -1 : 1));
  return { projects, releases, drivers };
}

if (process.argv[2] === '--serve') await serve();
else await main();

/** Child: generate and serve the history; on request, add new changes. */
async function serve(): Promise<void> {
  const registry = benchRegistry();
  const sim: GerritSimulator = await startGerritSimulator({
    dataset: generateHistory({
      registry,
      seed: 7,
      changes: CHANGES,
      messagesPerChange: MESSAGES,
      start: START,
      end: END,
    }),
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'add') {
      const later = generateHistory({
        registry,
        seed: 8,
        changes: NEW_CHANGES,
        messagesPerChange: MESSAGES,
        start: END,
        end: END + DAY,
      });
      for (const change of later.changes) sim.upsertChange({ ...change, _number: change._number + 500_000 });
      process.send?.({ type: 'added' });
    }
    if (message.type === 'stop') void sim.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: sim.url });
}

function ask(child: ChildProcess, type: string, answer: string): Promise<{ url?: string }> {
  return new Promise((resolve) => {
    const listener = (message: { type: string; url?: string }) => {
      if (message.type !== answer) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    if (type) child.send({ type });
  });
}

async function main(): Promise<void> {
  const child = fork(import.meta.filename, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const setupStarted = performance.now();
  const { url } = await ask(child, '', 'ready');
  console.log(`simulator ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s at ${url}`);
  const registry = benchRegistry();
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-update-'));
  const file = join(dir, 'default_data.json');
  writeFileSync(file, formatRegistry(registry));
  const io = { stdout: () => {}, stderr: (text: string) => process.stderr.write(text), isTTY: false };
  const options = { dataFile: file, gerritUrl: url!, since: START - DAY, io };

  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const full = await runUpdate(options);
  const seconds = (performance.now() - started) / 1000;
  const peakMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  // The registry with every driver's records, and the runs file beside it with their recent runs: the
  // registry must stay small enough to review and serve.
  const written = readFileSync(file, 'utf8');
  const runsWritten = readFileSync(runsFileOf(file), 'utf8');
  const records = (JSON.parse(written) as Registry).drivers.flatMap((d) =>
    Object.values(d.verification ?? {}),
  );
  const registryKb = Buffer.byteLength(written) / 1024;
  const runsKb = Buffer.byteLength(runsWritten) / 1024;
  const runs = (JSON.parse(runsWritten) as RunsFile).drivers
    .flatMap((d) => Object.values(d.recent))
    .reduce((n, list) => n + list.length, 0);
  console.log(
    `after the full scan: registry ${registryKb.toFixed(0)} KB, ${records.length} records (${(registryKb / records.length).toFixed(2)} KB each); runs file ${runsKb.toFixed(0)} KB, ${runs} recent runs`,
  );

  await ask(child, 'add', 'added');
  const incremental = await runUpdate(options);
  const unreachable = await timeUnreachable(file, url!);
  child.send({ type: 'stop' });
  rmSync(dir, { recursive: true, force: true });

  const withCi = registry.drivers.filter((d) => d.ci).length;
  const floors = full.summary!.projects.map((p) => {
    const floor = Math.ceil((p.changes ?? 0) / GERRIT_PAGE) + 1;
    return { project: p.project, changes: p.changes ?? 0, requests: p.requests ?? 0, floor };
  });
  console.log('project                changes  requests  floor');
  for (const p of floors) {
    console.log(
      `${p.project.padEnd(22)} ${String(p.changes).padStart(7)} ${String(p.requests).padStart(9)} ${String(p.floor).padStart(6)}`,
    );
  }
  const branches = (registry.releases ?? []).filter((r) => r.active).length + 1;
  const perProject = incremental.summary?.projects.map((p) => p.requests ?? 0) ?? [];
  const s = full.summary!;
  console.log(
    `full scan: exit ${full.exitCode}, ${s.changes_read} changes, ${s.drivers.newly_verified} drivers verified`,
  );
  console.log(
    `  ${s.requests} requests, ${(s.bytes / 1024 / 1024).toFixed(0)} MiB, rss before ${(rssBefore / 1024 / 1024).toFixed(0)} MB`,
  );
  console.log(
    `original DriverLog: ${withCi} drivers with CI × ${branches} branches = ${withCi * branches} queries`,
  );
  console.log(
    `incremental: exit ${incremental.exitCode}, ${incremental.summary?.changes_read} changes, per project ${perProject.join(' ')}`,
  );
  for (const u of unreachable)
    console.log(`unreachable (${u.what}): exit ${u.exit} after ${u.seconds.toFixed(2)} s`);
  reportFigures([
    { name: 'update: full scan, 20k merged changes', value: seconds, unit: 's', target: '< 60 s' },
    { name: 'update: peak RSS of the update', value: peakMb, unit: 'MB', target: '< 300 MB' },
    { name: 'update: requests, full scan', value: s.requests, unit: 'requests', target: '' },
    {
      name: 'update: full scan, most requests over the floor in a project',
      value: Math.max(...floors.map((p) => p.requests - p.floor)),
      unit: 'requests',
      target: '<= 0 requests',
    },
    { name: 'update: original DriverLog queries', value: withCi * branches, unit: 'requests', target: '' },
    { name: 'update: registry size after a full scan', value: registryKb, unit: 'KB', target: '' },
    { name: 'update: runs file size after a full scan', value: runsKb, unit: 'KB', target: '' },
    {
      name: 'update: incremental, most requests per project',
      value: Math.max(...perProject),
      unit: 'requests',
      target: '<= 2 requests',
    },
    {
      name: 'update: Gerrit unreachable (refused, DNS, TLS), slowest exit',
      value: Math.max(...unreachable.map((u) => u.seconds)),
      unit: 's',
      target: '< 5 s',
    },
  ]);
}

/**
 * Seconds until `update` gives up on a Gerrit where nothing answers (9 projects, each failing), for each way
 * of not answering. Retries are for answers that may recover; these never do.
 */
async function timeUnreachable(
  file: string,
  simulatorUrl: string,
): Promise<Array<{ what: string; seconds: number; exit: number }>> {
  const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
  const cases: Array<[string, string]> = [
    ['connection refused', `http://127.0.0.1:${await closedPort()}`],
    ['unknown host', 'https://gerrit.invalid'],
    ['TLS to a plain-HTTP server', simulatorUrl.replace(/^http:/, 'https:')],
  ];
  const out = [];
  for (const [what, gerritUrl] of cases) {
    const started = performance.now();
    const result = await runUpdate({ dataFile: file, gerritUrl, since: START - DAY, io });
    out.push({ what, seconds: (performance.now() - started) / 1000, exit: result.exitCode });
  }
  return out;
}

/** A loopback port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}
