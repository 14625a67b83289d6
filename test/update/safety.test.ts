import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateHistory,
  startGerritSimulator,
  type GerritSimulator,
} from '../../dev/gerrit-simulator/index.ts';
import { ConcurrentEditError } from '../../backend/store/save-registry.ts';
import { describeOutcome, runUpdate } from '../../backend/update/run-update.ts';
import {
  cli,
  historyAt,
  historyRegistry,
  readRegistry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';

const START = Date.parse('2024-01-01T00:00:00Z');
const SINCE = '2024-01-15';
const registry = historyRegistry();
const dataset = generateHistory({
  registry,
  seed: 9,
  changes: 300,
  start: START,
  end: Date.parse('2024-09-01T00:00:00Z'),
});
const bin = fileURLToPath(new URL('../../bin/driverlog.js', import.meta.url));
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('driverlog update: failing safely', () => {
  it('writes the other projects when one fails for good, keeps its records and state, exits 1 naming it', async () => {
    sim = await startGerritSimulator({
      dataset: {
        accounts: dataset.accounts,
        changes: historyAt(dataset.changes, Date.parse('2024-06-01T00:00:00Z')),
      },
    });
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    expect((await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: dir })).code).toBe(0);
    const before = readRegistry(file);
    for (const change of dataset.changes) sim.upsertChange(change);
    sim.injectFaults({
      fault: { kind: 'status', status: 500, body: 'index broken' },
      match: { query: /nova/ },
    });
    const outcome = await runUpdate({
      dataFile: file,
      gerritUrl: sim.url,
      since: Date.parse(`${SINCE}T00:00:00Z`),
      io: quiet,
      client: { sleep: async () => {} },
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.summary?.failed_projects.map((f) => f.project)).toEqual(['openstack/nova']);
    expect(describeOutcome(outcome).stdout).toMatch(/FAILED: openstack\/nova: .*500/);
    const after = readRegistry(file);
    const state = (r: typeof after) => r.scan_state?.projects ?? {};
    expect(state(after)['openstack/nova']).toEqual(state(before)['openstack/nova']);
    expect(after.drivers[3]?.verification).toEqual(before.drivers[3]?.verification);
    expect(state(after)['openstack/cinder']).not.toEqual(state(before)['openstack/cinder']);
    expect(state(after)['x/crane-plugin']).not.toEqual(state(before)['x/crane-plugin']);

    // Once Gerrit recovers, the failed project catches up: same file as a run that never failed.
    sim.clearFaults();
    expect((await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: dir })).code).toBe(0);
    const clean = tempDir();
    const cleanFile = writeRegistry(clean, registry);
    await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: clean });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(cleanFile, 'utf8'));
  });

  it('leaves the file byte-identical when no project could be scanned at all', async () => {
    sim = await startGerritSimulator({ dataset });
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    const original = readFileSync(file, 'utf8');
    sim.injectFaults({ fault: { kind: 'status', status: 500, body: 'index broken' } });
    const outcome = await runUpdate({
      dataFile: file,
      gerritUrl: sim.url,
      since: Date.parse(`${SINCE}T00:00:00Z`),
      io: quiet,
      client: { sleep: async () => {} },
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.summary?.failed_projects).toHaveLength(3);
    expect(outcome.summary?.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('refuses a second run on the same file while one holds the lock', async () => {
    sim = await startGerritSimulator({ dataset });
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    // The first run's first request waits for the test: the run holds the lock until it is let through.
    const first = heldRun(file);
    await first.atGerrit;
    const second = await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`is held by pid ${process.pid}`);
    first.letThrough();
    expect((await first.outcome).exitCode).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('leaves the old file when killed mid-scan, and the next run takes over the stale lock', async () => {
    sim = await startGerritSimulator({ dataset, maxLimit: 40 });
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    const original = readFileSync(file, 'utf8');
    // The third page is never answered while the process lives.
    const held = gate();
    sim.injectFaults({ fault: { kind: 'hold', until: held.promise }, match: { query: /S=80/ } });
    const child = spawn(process.execPath, [bin, 'update', '--gerrit-url', sim.url, '--since', SINCE], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const onSecondPage = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/page 2/.test(output)) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', () => reject(new Error(`update exited early:\n${output}`)));
    });
    await onSecondPage;
    child.kill('SIGKILL');
    await exited;
    held.open();
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.lock`)).toBe(true);

    sim.clearFaults();
    const next = await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: dir });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`taking over the stale lock of pid ${child.pid}`);
    expect(readRegistry(file).scan_state).toBeDefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('driverlog update: edits during a run', () => {
  it('does not overwrite an edit made to the file while it was scanning', async () => {
    sim = await startGerritSimulator({ dataset });
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    const run = heldRun(file);
    await run.atGerrit;
    const edited = readFileSync(file, 'utf8').replace('"Acme FC"', '"Acme FC2"');
    writeFileSync(file, edited);
    run.letThrough();
    await expect(run.outcome).rejects.toThrow(ConcurrentEditError);
    await expect(run.outcome).rejects.toThrow('was changed by someone else during the run');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

/** A promise the test settles when it chooses. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * An update of `file` whose requests wait, from the first on, until the test lets them through: `atGerrit`
 * settles when the run has taken the lock, read the file and sent its first request.
 */
function heldRun(file: string) {
  const reached = gate();
  const through = gate();
  const outcome = runUpdate({
    dataFile: file,
    gerritUrl: sim!.url,
    since: Date.parse(`${SINCE}T00:00:00Z`),
    io: quiet,
    client: {
      fetch: async (...args: Parameters<typeof fetch>) => {
        reached.open();
        await through.promise;
        return fetch(...args);
      },
    },
  });
  // A failure before the first request (the lock held, the file invalid) must not leave the test waiting.
  outcome.catch(() => reached.open());
  return { atGerrit: reached.promise, letThrough: through.open, outcome };
}
