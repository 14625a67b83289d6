// Pages through a generated Gerrit history with the real client over loopback HTTP and reports
// requests, bytes, wall time and the client's peak memory. The simulator runs in a child process so
// its own memory (the whole dataset) is not counted as the client's. A second, untimed pass forces a
// garbage collection after every page and records the live heap: whether memory grows with the
// number of changes, which peak heapUsed (garbage included, at the collector's whim) cannot show.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createGerritClient } from '../backend/gerrit/client.ts';
import type { Registry } from '../backend/model/types.ts';
import { generateHistory } from '../dev/gerrit-simulator/generate.ts';
import { startGerritSimulator } from '../dev/gerrit-simulator/server.ts';
import { reportFigures, type Figure } from './report.ts';

const SIZES = [10_000, 50_000];
const MESSAGES_PER_CHANGE = 12;
const START = Date.UTC(2015, 0, 1);
const END = Date.UTC(2025, 0, 1);
const root = path.resolve(import.meta.dirname, '..');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

if (process.argv[2] === '--serve') await serve(Number(process.argv[3]));
else await main();

/** Child: generate the history, serve it, report the URL to the parent. */
async function serve(changes: number): Promise<void> {
  const started = performance.now();
  const dataset = generateHistory({
    registry: loadRegistry(),
    seed: 42,
    changes,
    messagesPerChange: MESSAGES_PER_CHANGE,
    start: START,
    end: END,
  });
  const generateMs = performance.now() - started;
  const sim = await startGerritSimulator({ dataset });
  process.send?.({ url: sim.url, generateMs, serverRssMb: process.memoryUsage().rss / 2 ** 20 });
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
}

// A registry with the shape the generator needs; the original DriverLog data when it is around.
function loadRegistry(): Registry {
  const upstream = path.resolve(root, '../shared/fixtures/driverlog-upstream/default_data.json');
  try {
    return JSON.parse(readFileSync(upstream, 'utf8')) as Registry;
  } catch (error) {
    console.error(`(no ${upstream}: ${(error as Error).message}; using a built-in registry)`);
    return {
      projects: [{ id: 'openstack/cinder', name: 'Cinder' }],
      releases: [{ id: 'Zed', wiki: 'https://example.org', start: '2022-10-05' }],
      drivers: [
        {
          project_id: 'openstack/cinder',
          vendor: 'Acme',
          name: 'Acme iSCSI',
          ci: {
            id: 'acme-ci',
            success_pattern: 'acme \\S+ : SUCCESS',
            failure_pattern: 'acme \\S+ : FAILURE',
          },
        },
      ],
    };
  }
}

interface Run {
  changes: number;
  messages: number;
  requests: number;
  bytes: number;
  seconds: number;
  peakHeapMb: number;
  peakRssMb: number;
  peakLiveHeapMb: number;
  generateMs: number;
}

/** The most heap still in use after a full collection at the end of any page. */
async function peakLiveHeap(url: string): Promise<number> {
  const client = createGerritClient({ baseUrl: url });
  let peak = 0;
  const measure = () => {
    collectGarbage();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  for await (const change of client.streamChanges('after:"2015-01-01 00:00:00"', { onPage: measure })) {
    void change;
  }
  return peak / 2 ** 20;
}

async function runOnce(changes: number): Promise<Run> {
  const child = fork(import.meta.filename, ['--serve', String(changes)], { execArgv: ['--import', 'tsx'] });
  try {
    const ready = await new Promise<{ url: string; generateMs: number }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as { url: string; generateMs: number }));
      child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    });
    collectGarbage();
    let peakHeap = 0;
    let peakRss = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peakHeap = Math.max(peakHeap, usage.heapUsed);
      peakRss = Math.max(peakRss, usage.rss);
    };
    const timer = setInterval(sample, 20);
    const client = createGerritClient({ baseUrl: ready.url });
    const started = performance.now();
    let seen = 0;
    let messages = 0;
    for await (const change of client.streamChanges('after:"2015-01-01 00:00:00"', {
      pageSize: 500,
      onPage: sample,
    })) {
      seen += 1;
      messages += change.messages?.length ?? 0;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    if (seen !== changes) throw new Error(`paged ${seen} changes, expected ${changes}`);
    return {
      changes,
      messages,
      requests: client.stats.requests,
      bytes: client.stats.bytes,
      seconds,
      peakHeapMb: peakHeap / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
      peakLiveHeapMb: await peakLiveHeap(ready.url),
      generateMs: ready.generateMs,
    };
  } finally {
    stop(child);
  }
}

function stop(child: ChildProcess): void {
  if (child.connected) child.disconnect();
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (const size of SIZES) runs.push(await runOnce(size));
  console.log(
    'changes  messages  requests  MB received  seconds  peak heap MB  peak RSS MB  live heap MB  generate s',
  );
  for (const r of runs) {
    console.log(
      [
        String(r.changes).padStart(7),
        String(r.messages).padStart(9),
        String(r.requests).padStart(9),
        (r.bytes / 2 ** 20).toFixed(1).padStart(12),
        r.seconds.toFixed(2).padStart(8),
        r.peakHeapMb.toFixed(1).padStart(13),
        r.peakRssMb.toFixed(1).padStart(12),
        r.peakLiveHeapMb.toFixed(1).padStart(13),
        (r.generateMs / 1000).toFixed(2).padStart(11),
      ].join(' '),
    );
  }
  const small = runs[0]!;
  const large = runs.at(-1)!;
  const figures: Figure[] = [
    { name: 'gerrit paging: 50k changes wall time', value: large.seconds, unit: 's', target: '< 60 s' },
    {
      // The floor: Gerrit serves 500 changes a page, so ⌈50,000 / 500⌉ + 1.
      name: 'gerrit paging: 50k changes requests',
      value: large.requests,
      unit: 'requests',
      target: '<= 101 requests',
    },
    { name: 'gerrit paging: 50k changes received', value: large.bytes / 2 ** 20, unit: 'MB', target: '' },
    {
      name: 'gerrit paging: client peak heap (50k)',
      value: large.peakHeapMb,
      unit: 'MB',
      target: '< 150 MB',
    },
    { name: 'gerrit paging: client peak RSS (50k)', value: large.peakRssMb, unit: 'MB', target: '< 300 MB' },
    {
      name: 'gerrit paging: live heap 50k / 10k',
      value: large.peakLiveHeapMb / small.peakLiveHeapMb,
      unit: 'ratio',
      target: '< 1.5',
    },
  ];
  reportFigures(figures);
}
