import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CronExpressionError,
  cronTicks,
  runSchedule,
  type TickSource,
} from '../../backend/schedule/run-schedule.ts';
import type { GerritSimulator } from '../../dev/gerrit-simulator/index.ts';
import { cli, onePass, readRegistry, registry, tempDir, writeRegistry } from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const history = onePass();
const gerrit = useSimulator();

/** A tick source the test drives: tick() fires a slot and resolves when what it started has ended. */
function handTicks(): { source: TickSource; tick: () => Promise<void>; stopped: () => boolean } {
  let fire: (() => Promise<void>) | undefined;
  let stopped = false;
  return {
    source: (onTick) => {
      fire = onTick;
      return {
        nextRun: () => new Date('2024-07-01T04:00:00Z'),
        stop: async () => void (stopped = true),
      };
    },
    tick: () => fire!(),
    stopped: () => stopped,
  };
}

/** A schedule over a fresh registry, driven by hand. */
function schedule(server: GerritSimulator) {
  const file = writeRegistry(tempDir(), registry());
  const controller = new AbortController();
  const ticks = handTicks();
  const log = { text: '' };
  const done = runSchedule({
    cron: '0 */4 * * *',
    timezone: 'UTC',
    updateOptions: () => ({
      dataFile: file,
      gerritUrl: server.url,
      since: Date.parse('2024-01-01T00:00:00Z'),
    }),
    io: { stdout: (text) => (log.text += text), stderr: (text) => (log.text += text), isTTY: false },
    signal: controller.signal,
    now: () => Date.parse('2024-07-01T00:00:00Z'),
    ticks: ticks.source,
  });
  return { file, ticks, log, done, stop: () => controller.abort() };
}

describe('driverlog schedule', () => {
  it('runs update on every tick, one at a time, until stopped', async () => {
    const sim = await gerrit.start(history);
    const { file, ticks, log, done, stop } = schedule(sim);
    expect(log.text).toBe('scheduled: "0 */4 * * *" (UTC); next run 2024-07-01T04:00:00.000Z\n');
    await ticks.tick();
    expect(log.text).toContain('run 1 started at 2024-07-01T00:00:00.000Z');
    expect(log.text).toContain('run 1 finished with exit status 0');
    expect(log.text).toMatch(/Summary: 1 driver scanned: 1 with a release newly verified/);
    await ticks.tick();
    expect(log.text).toMatch(
      /Summary: 1 driver scanned: 0 with a release newly verified, 0 with a release newly failing, 1 unchanged/,
    );
    expect(log.text).toContain('run 2 finished with exit status 0');
    stop();
    expect(await done).toBe(0);
    expect(ticks.stopped()).toBe(true);
    expect(log.text.trimEnd().endsWith('schedule stopped')).toBe(true);
    expect(readRegistry(file).drivers[0]?.verification?.Caracal?.ci_result).toBe(true);
  });

  it('skips a tick while a run is still going, says so, and never runs two at once', async () => {
    const sim = await gerrit.start(history);
    const { ticks, log, done, stop } = schedule(sim);
    const first = ticks.tick();
    // The first run needs the network before it can end: this tick finds it going.
    await ticks.tick();
    expect(log.text).toContain('previous run still going; skipping this slot');
    expect(log.text).not.toContain('run 2 started');
    await first;
    await ticks.tick();
    expect(log.text.indexOf('run 2 started')).toBeGreaterThan(log.text.indexOf('run 1 finished'));
    expect(log.text.match(/skipping this slot/g)).toHaveLength(1);
    stop();
    await done;
  });

  it('on stop abandons the run in progress, leaves the file as it was, and resolves 0', async () => {
    const sim = await gerrit.start(history);
    sim.injectFaults({ fault: { kind: 'delay', ms: 30_000 } });
    const { file, ticks, log, done, stop } = schedule(sim);
    const original = readFileSync(file, 'utf8');
    const running = ticks.tick();
    // The run takes the lock before its first request, which the simulator holds back.
    expect(existsSync(`${file}.lock`)).toBe(true);
    stop();
    expect(await done).toBe(0);
    await running;
    expect(log.text).toContain('aborted');
    expect(log.text).toContain('run 1 finished with exit status 130');
    expect(log.text.trimEnd().endsWith('schedule stopped')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('reports an expected failure of one run without a stack, and keeps scheduling', async () => {
    const sim = await gerrit.start(history);
    const { file, ticks, log, done, stop } = schedule(sim);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, '{ "projects": [ }');
    await ticks.tick();
    expect(log.text).toMatch(/run 1 failed: .*json-syntax/);
    expect(log.text).not.toMatch(/\n\s+at /);
    writeFileSync(file, text);
    await ticks.tick();
    expect(log.text).toContain('run 2 finished with exit status 0');
    stop();
    await done;
  });

  it('takes its ticks from the cron expression, in its time zone', async () => {
    const controller = new AbortController();
    let out = '';
    const done = runSchedule({
      cron: '30 2 * * *',
      timezone: 'Asia/Kolkata',
      updateOptions: () => ({ dataFile: 'x', gerritUrl: 'http://127.0.0.1:9', since: 0 }),
      io: { stdout: (text) => (out += text), stderr: (text) => (out += text), isTTY: false },
      signal: controller.signal,
    });
    controller.abort();
    expect(await done).toBe(0);
    // 02:30 in India is 21:00 UTC.
    expect(out).toMatch(
      /^scheduled: "30 2 \* \* \*" \(Asia\/Kolkata\); next run \d{4}-\d{2}-\d{2}T21:00:00\.000Z\n/,
    );
    expect(out).not.toContain('run 1');
    const ticks = cronTicks('0 */4 * * *', 'UTC', { stderr: () => {} })(async () => {});
    expect((ticks.nextRun()?.getUTCHours() ?? 1) % 4).toBe(0);
    await ticks.stop();
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
});
