import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CronExpressionError, runSchedule } from '../../backend/schedule/run-schedule.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/index.ts';
import {
  ACCOUNTS,
  change,
  cli,
  message,
  pass,
  readRegistry,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';

const bin = fileURLToPath(new URL('../../bin/driverlog.js', import.meta.url));
const dataset = {
  accounts: ACCOUNTS,
  changes: [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] })],
};

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const until = async (check: () => boolean, what: () => string) => {
  for (let i = 0; !check(); i++) {
    if (i > 1000) throw new Error(`timed out waiting; output so far:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Runs the schedule every second on a fresh registry until two runs have finished, then stops it. */
async function twoScheduledRuns(server: GerritSimulator): Promise<{ out: string; file: string }> {
  const file = writeRegistry(tempDir(), registry());
  const controller = new AbortController();
  let out = '';
  const done = runSchedule({
    cron: '* * * * * *',
    timezone: 'UTC',
    updateOptions: () => ({
      dataFile: file,
      gerritUrl: server.url,
      since: Date.parse('2024-01-01T00:00:00Z'),
    }),
    io: { stdout: (text) => (out += text), stderr: (text) => (out += text), isTTY: false },
    signal: controller.signal,
  });
  await until(
    () => out.includes('run 2 finished'),
    () => out,
  );
  controller.abort();
  expect(await done).toBe(0);
  return { out, file };
}

describe('driverlog schedule', () => {
  it('skips a tick while a run is still going, says so once in its own log, and never runs two at once', async () => {
    sim = await startGerritSimulator({ dataset });
    // The first scan is slower than the one-second schedule, so the next tick finds it still running.
    sim.injectFaults({ fault: { kind: 'delay', ms: 2500 }, times: 1, match: { path: '/changes/' } });
    const consoleLines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void consoleLines.push(args.join(' '))),
    );
    let out: string;
    try {
      ({ out } = await twoScheduledRuns(sim));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(out).toContain('previous run still going; skipping this slot');
    // Run 2 starts only after run 1 has finished.
    expect(out.indexOf('run 2 started')).toBeGreaterThan(out.indexOf('run 1 finished'));
    expect(consoleLines.filter((line) => line.includes('task still running'))).toEqual([]);
  });

  it('runs update on every tick, one at a time, until stopped', async () => {
    sim = await startGerritSimulator({ dataset });
    const { out, file } = await twoScheduledRuns(sim);
    expect(out).toContain('run 1 finished with exit status 0');
    expect(out).toMatch(/Summary: 1 driver scanned: 1 with a release newly verified/);
    expect(out).toMatch(
      /Summary: 1 driver scanned: 0 with a release newly verified, 0 with a release newly failing, 1 unchanged/,
    );
    expect(out.trimEnd().endsWith('schedule stopped')).toBe(true);
    expect(readRegistry(file).drivers[0]?.verification?.Caracal?.ci_result).toBe(true);
  });

  it('rejects a bad cron expression as a usage error', async () => {
    await expect(
      runSchedule({
        cron: 'every 4 hours',
        timezone: 'UTC',
        updateOptions: () => ({ dataFile: 'x', gerritUrl: 'http://127.0.0.1:9', since: 0 }),
        io: { stdout: () => {}, stderr: () => {}, isTTY: false },
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(CronExpressionError);
    const run = await cli(['schedule', '--cron', 'every 4 hours'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a cron expression');
    const zone = await cli(['schedule', '--timezone', 'Mars/Base'], { cwd: tempDir() });
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('"Mars/Base" is not an IANA time zone');
  });

  it('on SIGTERM abandons the run in progress, leaves the file as it was, and exits 0', async () => {
    sim = await startGerritSimulator({ dataset });
    sim.injectFaults({ fault: { kind: 'delay', ms: 30_000 } });
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const original = readFileSync(file, 'utf8');
    const child = spawn(
      process.execPath,
      [bin, 'schedule', '--cron', '* * * * * *', '--gerrit-url', sim.url, '--since', '2024-01-01'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await until(
      () => out.includes('scanning openstack/cinder'),
      () => out,
    );
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('aborted');
    expect(out).toContain('schedule stopped');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
