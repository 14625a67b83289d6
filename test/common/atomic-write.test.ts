import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, writeFileAtomic } from '../../backend/common/atomic-write.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'driverlog-atomic-'));

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
});
