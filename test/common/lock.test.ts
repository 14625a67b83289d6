import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, LockHeldError, type LockOwner } from '../../backend/common/lock.ts';
import { DriverlogError } from '../../backend/common/errors.ts';
import { readOnlyFolder } from '../helpers/read-only-folder.ts';
import { tempDir } from '../helpers/update-fixtures.ts';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
const staleLock = (file: string): void =>
  writeFileSync(
    `${file}.lock`,
    JSON.stringify({ pid: deadPid(), host: hostname(), started: '2024-01-01T00:00:00Z' }),
  );

describe('acquireLock', () => {
  it('creates <file>.lock naming its owner, refuses a second holder, and releases', () => {
    const file = join(tempDir(), 'data.json');
    const lock = acquireLock(file);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    expect(() => acquireLock(file)).toThrow(LockHeldError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`held by pid ${process.pid}`));
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
    acquireLock(file).release();
  });

  it('takes over a lock whose process is gone, says so, and leaves nothing behind', () => {
    const file = join(tempDir(), 'data.json');
    staleLock(file);
    const dead = (JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as LockOwner).pid;
    const stale: LockOwner[] = [];
    const lock = acquireLock(file, { onStale: (owner) => stale.push(owner) });
    expect(stale.map((o) => o.pid)).toEqual([dead]);
    expect(readdirSync(dirname(file))).toEqual(['data.json.lock']);
    lock.release();
    expect(readdirSync(dirname(file))).toEqual([]);
  });

  it("never takes over another host's lock", () => {
    const file = join(tempDir(), 'data.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', started: 'x' }));
    expect(() => acquireLock(file)).toThrow(/on elsewhere/);
  });

  it.each(['null', '{{{', '', '[1]', '{"pid": "7", "host": 3}', '{"pid": -1, "host": "h"}'])(
    'refuses a lock file holding %j with a clear message, not a TypeError',
    (text) => {
      const file = join(tempDir(), 'data.json');
      writeFileSync(`${file}.lock`, text);
      expect(() => acquireLock(file)).toThrow(LockHeldError);
      expect(() => acquireLock(file)).toThrow(
        /data\.json\.lock exists but does not name its owner.*delete it if no update is running/,
      );
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(text);
    },
  );

  it('names the claim file when a run died while taking over', () => {
    const file = join(tempDir(), 'data.json');
    staleLock(file);
    // A takeover that never finished: its claim on the stale lock is still there.
    const text = readFileSync(`${file}.lock`, 'utf8');
    const claim = `${file}.lock.${createHash('sha256').update(text).digest('hex').slice(0, 16)}.takeover`;
    writeFileSync(claim, '{}');
    expect(() => acquireLock(file)).toThrow(
      /is stale .* another run is taking it over; if .*\.takeover stays \(its run died\), delete both files/,
    );
  });

  it('fails with a clear I/O error in a folder it cannot write to', () => {
    const folder = readOnlyFolder({ 'data.json': '{}' });
    if (!folder) return; // Neither permissions nor a read-only mount can be set up here.
    try {
      let error: unknown;
      try {
        acquireLock(join(folder.dir, 'data.json'));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DriverlogError);
      expect(error).toMatchObject({ exit: 'io' });
      expect((error as Error).message).toMatch(
        /^cannot create the lock file .*data\.json\.lock: (permission denied|read-only file system)$/,
      );
    } finally {
      folder.undo();
    }
  });
});

// Several real processes find the same stale lock at once; exactly one may end up holding it. (The
// takeover once deleted the stale lock and linked a new one: a slower process then deleted the winner's
// lock and linked its own, and 25 of 30 such races ended with two or three holders.)
describe('a stale lock raced for by four processes', () => {
  const RACERS = 4;
  const TRIALS = 30;
  const file = join(tempDir(), 'data.json');
  const racers: Array<{ child: ChildProcessWithoutNullStreams; next: () => Promise<string> }> = [];

  beforeAll(async () => {
    for (let i = 0; i < RACERS; i++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'lock-racer.ts'), file],
        {
          cwd: join(import.meta.dirname, '../..'),
        },
      );
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const next = async () => {
        const line = await lines.next();
        if (line.done) throw new Error(`racer ${i} exited: ${child.stderr.read()?.toString() ?? ''}`);
        return line.value;
      };
      racers.push({ child, next });
    }
    for (const racer of racers) expect(await racer.next()).toBe('ready');
  }, 60_000);

  afterAll(() => {
    for (const { child } of racers) child.stdin.end();
  });

  it(`ends with exactly one holder, ${TRIALS} times out of ${TRIALS}`, async () => {
    const holders: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      staleLock(file);
      for (const { child } of racers) child.stdin.write('go\n');
      const outcomes = await Promise.all(racers.map((racer) => racer.next()));
      const held = outcomes.flatMap((outcome, i) => (outcome === 'held' ? [i] : []));
      holders.push(held.length);
      for (const outcome of outcomes.filter((o) => o !== 'held'))
        expect(outcome).toMatch(/^refused LockHeldError: /);
      for (const i of held) {
        racers[i]!.child.stdin.write('release\n');
        expect(await racers[i]!.next()).toBe('released');
      }
      expect(readdirSync(dirname(file))).toEqual([]);
    }
    expect(holders).toEqual(Array.from({ length: TRIALS }, () => 1));
  }, 120_000);
});
