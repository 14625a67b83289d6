import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, writeFileAtomic, type WriteBytes } from '../../backend/common/atomic-write.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'driverlog-atomic-'));

/** A folder with data.json holding `old`; the new content is 40 KB of JSON-like text. */
function setUp(old = '{"old": true}\n') {
  const dir = tempDir();
  const file = join(dir, 'data.json');
  writeFileSync(file, old);
  return { dir, file, old, next: `{"new": "${'x'.repeat(40_000)}"}\n` };
}

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its mode, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'data.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('fails with the file named and the old content intact', () => {
    const dir = tempDir();
    const file = join(dir, 'missing-dir', 'data.json');
    expect(() => writeFileAtomic(file, 'x')).toThrow(WriteError);
    expect(() => writeFileAtomic(file, 'x')).toThrow(/missing-dir\/data.json/);
  });

  it('writes every byte when each write takes only part of them', () => {
    const { file, next } = setUp();
    const calls: number[] = [];
    // At most 1,000 bytes a call, as a pipe or a nearly full disk may do.
    const short: WriteBytes = (fd, buffer, offset, length) => {
      calls.push(length);
      return writeSync(fd, buffer, offset, Math.min(length, 1000));
    };
    writeFileAtomic(file, next, { write: short });
    expect(readFileSync(file, 'utf8')).toBe(next);
    expect(calls.length).toBeGreaterThan(40);
  });

  it('refuses, and keeps the old file, when the disk stops taking bytes', () => {
    const { dir, file, old, next } = setUp();
    let calls = 0;
    const stalls: WriteBytes = (fd, buffer, offset, length) =>
      ++calls === 1 ? writeSync(fd, buffer, offset, Math.min(length, 4096)) : 0;
    expect(() => writeFileAtomic(file, next, { write: stalls })).toThrow(
      /^could not write .*data\.json: the file system took no more bytes after 4096 of 40012; .*data\.json is unchanged$/,
    );
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('checks the size on disk, whatever the writes claimed', () => {
    const { dir, file, old, next } = setUp();
    const lies: WriteBytes = (fd, buffer, offset, length) => {
      writeSync(fd, buffer, offset, Math.min(length, 100));
      return length;
    };
    expect(() => writeFileAtomic(file, next, { write: lies })).toThrow(
      /only 100 of 40012 bytes reached the disk/,
    );
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('says what ENOSPC means, and keeps the old file', () => {
    const { dir, file, old, next } = setUp();
    let calls = 0;
    const full: WriteBytes = (fd, buffer, offset, length) => {
      if (++calls === 1) return writeSync(fd, buffer, offset, Math.min(length, 8192));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    };
    let error: unknown;
    try {
      writeFileAtomic(file, next, { write: full });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect(error).toMatchObject({ code: 'WRITE_FAILED', exit: 'io' });
    expect((error as Error).message).toMatch(
      /no space left on the device \(ENOSPC\): free some space and run again/,
    );
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });
});

// The real thing, where this machine lets the test mount a small file system (root, outside a locked-down
// container): a 127 KB registry on a 240 KB tmpfs, replaced by a 170 KB one. Once this left 114,688 bytes of
// invalid JSON and reported success.
function smallTmpfs(): { dir: string; undo: () => void } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=240k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch (error) {
    rmdirSync(dir);
    if ((error as { status?: number }).status !== undefined) return undefined;
    throw error;
  }
  return {
    dir,
    undo: () => {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}

const tmpfs = smallTmpfs();

describe.skipIf(!tmpfs)('writeFileAtomic on a full disk (a 240 KB tmpfs)', () => {
  it('fails with ENOSPC, leaving the old file whole and no temporary file', () => {
    const { dir, undo } = tmpfs!;
    try {
      const file = join(dir, 'data.json');
      const old = `{"old": "${'o'.repeat(127_000)}"}\n`;
      writeFileSync(file, old);
      expect(() => writeFileAtomic(file, `{"new": "${'n'.repeat(170_000)}"}\n`)).toThrow(
        /could not write .*data\.json: no space left on the device \(ENOSPC\).*data\.json is unchanged/,
      );
      expect(readFileSync(file, 'utf8')).toBe(old);
      expect(readdirSync(dir)).toEqual(['data.json']);
      // And when the new content fits, it is written.
      writeFileAtomic(file, '{"small": true}\n');
      expect(readFileSync(file, 'utf8')).toBe('{"small": true}\n');
    } finally {
      undo();
    }
  });
});
