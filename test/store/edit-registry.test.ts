import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockHeldError } from '../../backend/common/lock.ts';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import { editRegistry } from '../../backend/store/edit-registry.ts';
import { lockRegistry } from '../../backend/store/save-registry.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';
import { tempDir } from '../helpers/update-fixtures.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A git work tree with the valid registry committed as data.json. */
function repository(): { dir: string; file: string } {
  const dir = tempDir('driverlog-edit-');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'Test Bot');
  git(dir, 'config', 'user.email', 'bot@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  const file = join(dir, 'data.json');
  writeFileSync(file, formatRegistry(validRegistry()));
  git(dir, 'add', 'data.json');
  git(dir, 'commit', '--quiet', '-m', 'Add registry');
  return { dir, file };
}

function renamed(registry: Registry | undefined): Registry {
  const next = structuredClone(registry!);
  next.drivers[1]!.name = 'Acme HV';
  return next;
}

describe('editRegistry', () => {
  it('opens, computes, saves and commits with the job trailer, in one call', async () => {
    const { dir, file } = repository();
    const edited = await editRegistry(file, 'sync', (opened) => ({
      next: renamed(opened.value),
      result: 'renamed',
      commit: { describe: () => 'Rename the hypervisor', push: false },
    }));
    expect(edited.result).toBe('renamed');
    expect(edited.saved?.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(formatRegistry(renamed(validRegistry())));
    expect(edited.commit).toMatchObject({ subject: 'Rename the hypervisor', pushed: false });
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('Rename the hypervisor\n\nDriverLog-Job: sync');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('writes nothing, and leaves no lock, when the computation fails', async () => {
    const { file } = repository();
    const before = readFileSync(file, 'utf8');
    await expect(
      editRegistry(file, 'update', () => Promise.reject(new Error('scan failed')), { hold: {} }),
    ).rejects.toThrow('scan failed');
    expect(readFileSync(file, 'utf8')).toBe(before);
    lockRegistry(file).release();
  });

  it('holds the lock from the read to the write when asked, so no other writer gets in', async () => {
    const { file } = repository();
    let during: unknown;
    await editRegistry(
      file,
      'update',
      (opened) => {
        try {
          lockRegistry(file).release();
        } catch (error) {
          during = error;
        }
        return { next: renamed(opened.value), result: undefined };
      },
      { hold: {} },
    );
    expect(during).toBeInstanceOf(LockHeldError);
    expect(readFileSync(file, 'utf8')).toBe(formatRegistry(renamed(validRegistry())));
  });

  it('keeps the written files and gives the reason when the commit fails after the save', async () => {
    const { dir, file } = repository();
    // A commit that cannot be made: the index is locked by another git.
    writeFileSync(join(dir, '.git', 'index.lock'), '');
    const edited = await editRegistry(file, 'update', (opened) => ({
      next: renamed(opened.value),
      result: undefined,
      commit: { describe: () => 'Rename', push: false },
    }));
    expect(edited.saved?.written).toBe(true);
    expect(edited.commitError?.message).toMatch(/could not commit/);
    expect(readFileSync(file, 'utf8')).toBe(formatRegistry(renamed(validRegistry())));
  });
});
