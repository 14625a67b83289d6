import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockHeldError, type LockOwner } from '../../backend/common/lock.ts';
import { tempDir } from '../helpers/update-fixtures.ts';

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

  it('takes over a lock whose process is gone, and says so', () => {
    const file = join(tempDir(), 'data.json');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: dead, host: hostname(), started: '2024-01-01T00:00:00Z' }),
    );
    const stale: LockOwner[] = [];
    const lock = acquireLock(file, { onStale: (owner) => stale.push(owner) });
    expect(stale.map((o) => o.pid)).toEqual([dead]);
    lock.release();
  });

  it("never takes over another host's lock", () => {
    const file = join(tempDir(), 'data.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', started: 'x' }));
    expect(() => acquireLock(file)).toThrow(/on elsewhere/);
  });
});
