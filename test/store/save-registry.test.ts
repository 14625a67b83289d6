import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteError } from '../../backend/common/atomic-write.ts';
import { FileError } from '../../backend/common/errors.ts';
import { LockHeldError } from '../../backend/common/lock.ts';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { openRegistry } from '../../backend/store/open-registry.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import {
  ConcurrentEditError,
  InvalidOutputError,
  lockRegistry,
  saveRegistry,
} from '../../backend/store/save-registry.ts';
import type { Registry, Run } from '../../backend/model/types.ts';
import { readOnlyFolder } from '../helpers/read-only-folder.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'driverlog-save-'));
let n = 0;
/** A fresh folder holding the registry, unsorted (as a person leaves it), as data.json. */
function registryFile(value: Registry = validRegistry()): string {
  const dir = join(root, String(++n));
  mkdirSync(dir);
  const path = join(dir, 'data.json');
  writeFileSync(path, JSON.stringify({ ...value, drivers: [...value.drivers].reverse() }, null, 4));
  return path;
}

function withName(name: string): Registry {
  const value = validRegistry();
  value.drivers[1]!.name = name;
  return value;
}

/** `count` runs of the Rocky record, newest first, one a day from 2018-09-01 (the record's own day) back. */
function runs(count: number, newest = '2018-09-01T10:00:00Z'): Run[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: new Date(Date.parse(newest) - i * 86_400_000).toISOString().replace('.000Z', 'Z'),
    change_number: 600001 - i,
    patch_set: 1,
    ci_result: i % 3 !== 2,
  }));
}

/** The registry with `recent` on its one record (Acme iSCSI driver, Rocky). */
function withRuns(recent: Run[], value: Registry = validRegistry()): Registry {
  value.drivers[0]!.verification!.Rocky!.recent = recent;
  return value;
}

/** A fresh folder holding the registry as data.json and, when it has runs, data.runs.json: as a save leaves them. */
function savedFiles(value: Registry): { path: string; runsPath: string } {
  const dir = join(root, String(++n));
  mkdirSync(dir);
  const path = join(dir, 'data.json');
  const files = formatFiles(value);
  writeFileSync(path, files.text);
  if (files.runs.drivers.length > 0) writeFileSync(join(dir, 'data.runs.json'), files.runsText);
  return { path, runsPath: join(dir, 'data.runs.json') };
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('saveRegistry', () => {
  it('writes the canonical text, and says when the file already held it', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const saved = saveRegistry(opened, opened.value!, { job: 'update' });
    expect(saved).toEqual({ path, text: formatRegistry(validRegistry()), written: true });
    expect(readFileSync(path, 'utf8')).toBe(saved.text);
    const again = saveRegistry(openRegistry(path), opened.value!, { job: 'update' });
    expect(again.written).toBe(false);
    expect(readdirSync(join(path, '..'))).toEqual(['data.json']);
  });

  it('refuses output with validation errors, naming them, and leaves the file as it was', () => {
    const path = registryFile();
    const before = readFileSync(path, 'utf8');
    const bad = withName('Acme hypervisor');
    bad.drivers[1]!.project_id = 'openstack/nowhere';
    expect(() => saveRegistry(openRegistry(path), bad, { job: 'update' })).toThrow(InvalidOutputError);
    expect(() => saveRegistry(openRegistry(path), bad, { job: 'update' })).toThrow(
      /unknown-project .*openstack\/nowhere/,
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('lets a write keep errors the file already had (format), never add one', () => {
    const broken = withName('Acme hypervisor');
    broken.drivers[1]!.project_id = 'openstack/nowhere';
    const path = registryFile(broken);
    const opened = openRegistry(path);
    expect(opened.problems.some((p) => p.check === 'unknown-project')).toBe(true);
    const saved = saveRegistry(opened, opened.value!, { job: 'format' });
    expect(saved.written).toBe(true);
    const worse = structuredClone(opened.value!);
    worse.drivers.find((d) => d.project_id === 'openstack/cinder')!.project_id = 'openstack/elsewhere';
    expect(() => saveRegistry(openRegistry(path), worse, { job: 'format' })).toThrow(InvalidOutputError);
  });

  it('refuses when the file changed since it was read, keeping the other edit', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const edited = opened.text.replace('Acme hypervisor', 'Acme hypervisor 2');
    writeFileSync(path, edited);
    expect(() => saveRegistry(opened, withName('Acme HV'), { job: 'update' })).toThrow(ConcurrentEditError);
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });

  it('writes through a symlink to its target, and the link stays a link', () => {
    const path = registryFile();
    const link = join(root, `link-${n}.json`);
    symlinkSync(path, link);
    const opened = openRegistry(link);
    const saved = saveRegistry(opened, withName('Acme HV'), { job: 'update' });
    expect(saved.path).toBe(path);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(formatRegistry(withName('Acme HV')));
  });

  it('waits for no one: a lock held by a live process refuses the write', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const held = lockRegistry(path);
    try {
      expect(() => saveRegistry(opened, withName('Acme HV'), { job: 'update' })).toThrow(LockHeldError);
      // The holder itself writes under its own lock.
      expect(
        saveRegistry(openRegistry(path, { lock: held }), withName('Acme HV'), { job: 'update' }).written,
      ).toBe(true);
    } finally {
      held.release();
    }
  });
});

const readOnly = readOnlyFolder({ 'data.json': formatRegistry(validRegistry()) });
afterAll(() => readOnly?.undo());

describe.skipIf(readOnly === undefined)('saveRegistry in a read-only folder', () => {
  it('says the lock file cannot be created and why, instead of crashing', () => {
    const path = join(readOnly!.dir, 'data.json');
    const opened = openRegistry(path);
    const save = () => saveRegistry(opened, withName('Acme HV'), { job: 'update' });
    expect(save).toThrow(FileError);
    expect(save).toThrow(
      new RegExp(`cannot create the lock file ${path}\\.lock: (permission denied|read-only file system)`),
    );
    expect(readFileSync(path, 'utf8')).toBe(opened.text);
  });
});

describe('saveRegistry and the runs file', () => {
  it('creates no runs file while the registry has no runs', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    expect(opened.runs).toBeUndefined();
    // An empty list is no runs.
    const saved = saveRegistry(opened, withRuns([]), { job: 'update' });
    expect(saved.written).toBe(true);
    expect(saved.runs).toBeUndefined();
    expect(readdirSync(join(path, '..'))).toEqual(['data.json']);
    expect(read(path)).toBe(formatRegistry(validRegistry()));
  });

  it('writes the runs to the runs file beside the registry, and keeps the registry free of them', () => {
    const path = registryFile();
    const runsPath = join(path, '..', 'data.runs.json');
    const opened = openRegistry(path);
    const next = withRuns(runs(3));
    const saved = saveRegistry(opened, next, { job: 'update' });
    expect(saved).toEqual({
      path,
      text: formatRegistry(validRegistry()),
      runs: { path: runsPath, text: formatFiles(next).runsText, written: true },
      written: true,
    });
    expect(read(path)).toBe(saved.text);
    expect(read(path)).not.toContain('"recent"');
    expect(read(runsPath)).toBe(saved.runs!.text);
    expect(JSON.parse(read(runsPath))).toEqual({
      drivers: [
        {
          project_id: 'openstack/cinder',
          vendor: 'Acme',
          name: 'Acme iSCSI driver',
          recent: { Rocky: runs(3) },
        },
      ],
    });

    // Read back, the record has its runs again; saved as read, neither file changes.
    const reopened = openRegistry(path);
    expect(reopened.problems).toEqual([]);
    expect(reopened.runs).toMatchObject({
      file: runsPath,
      path: runsPath,
      text: saved.runs!.text,
      source: { ok: true, value: JSON.parse(saved.runs!.text) },
    });
    expect(reopened.value).toEqual(next);
    const again = saveRegistry(reopened, reopened.value!, { job: 'update' });
    expect(again.written).toBe(false);
    expect(read(runsPath)).toBe(saved.runs!.text);
  });

  it('writes the runs file alone when only runs changed', () => {
    const { path, runsPath } = savedFiles(withRuns(runs(2)));
    const opened = openRegistry(path);
    const next = withRuns(runs(3, '2018-09-02T10:00:00Z'));
    next.drivers[0]!.verification!.Rocky!.recent!.splice(0, 1);
    const saved = saveRegistry(opened, next, { job: 'update' });
    expect(saved.written).toBe(true);
    expect(saved.runs?.written).toBe(true);
    expect(read(path)).toBe(opened.text);
    expect(read(runsPath)).toBe(formatFiles(next).runsText);
    expect(read(runsPath)).not.toBe(opened.runs!.text);
  });

  it('keeps a runs file whose last runs went, with no drivers', () => {
    const { path, runsPath } = savedFiles(withRuns(runs(2)));
    const opened = openRegistry(path);
    const saved = saveRegistry(opened, validRegistry(), { job: 'update' });
    expect(saved.written).toBe(true);
    expect(JSON.parse(read(runsPath))).toEqual({ drivers: [] });
    expect(openRegistry(path).problems).toEqual([]);
  });

  it.each([
    ['changed', (runsPath: string) => writeFileSync(runsPath, formatFiles(withRuns(runs(1))).runsText)],
    ['removed', (runsPath: string) => rmSync(runsPath)],
  ])(
    'refuses, naming the runs file, when it was %s since it was read, and writes neither file',
    (_how, edit) => {
      const { path, runsPath } = savedFiles(withRuns(runs(2)));
      const opened = openRegistry(path);
      edit(runsPath);
      const theirs = existsSync(runsPath) ? read(runsPath) : undefined;
      const save = () => saveRegistry(opened, withRuns(runs(3), withName('Acme HV')), { job: 'update' });
      expect(save).toThrow(ConcurrentEditError);
      expect(save).toThrow(`${runsPath} was changed by someone else during the run; nothing written`);
      expect(read(path)).toBe(opened.text);
      expect(existsSync(runsPath) ? read(runsPath) : undefined).toBe(theirs);
    },
  );

  it('refuses, naming the runs file, when one appeared since a read that found none', () => {
    const path = registryFile();
    const runsPath = join(path, '..', 'data.runs.json');
    const opened = openRegistry(path);
    const theirs = formatFiles(withRuns(runs(1))).runsText;
    writeFileSync(runsPath, theirs);
    let error: unknown;
    try {
      saveRegistry(opened, withRuns(runs(3)), { job: 'update' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConcurrentEditError);
    expect((error as ConcurrentEditError).file).toBe(runsPath);
    expect(read(path)).toBe(opened.text);
    expect(read(runsPath)).toBe(theirs);
  });

  it.each([
    [
      '11 runs for one record',
      withRuns(runs(11)),
      /data\.runs\.json: the new text would fail validation[^]*runs-schema {2}has 11 items; at most 10/,
    ],
    [
      'a run dated in the future',
      withRuns(runs(1, '2999-01-01T00:00:00Z')),
      /data\.runs\.json: the new text would fail validation[^]*future-timestamp {2}timestamp "2999-01-01/,
    ],
  ])(
    'refuses runs that fail validation (%s), naming the runs file, and writes nothing',
    (_what, next, message) => {
      const path = registryFile();
      const opened = openRegistry(path);
      const save = () => saveRegistry(opened, next, { job: 'update' });
      expect(save).toThrow(InvalidOutputError);
      expect(save).toThrow(message);
      expect(read(path)).toBe(opened.text);
      expect(readdirSync(join(path, '..'))).toEqual(['data.json']);
    },
  );

  it('writes the runs file beside the target of a symlinked registry, not beside the link', () => {
    const { path, runsPath } = savedFiles(validRegistry());
    const links = join(root, `links-${++n}`);
    mkdirSync(links);
    const link = join(links, 'data.json');
    symlinkSync(path, link);
    const opened = openRegistry(link);
    const saved = saveRegistry(opened, withRuns(runs(2)), { job: 'update' });
    expect(saved.runs?.path).toBe(runsPath);
    expect(read(runsPath)).toBe(formatFiles(withRuns(runs(2))).runsText);
    expect(readdirSync(links)).toEqual(['data.json']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    // Opened through the link, the runs are the target's, named by their real path.
    const reopened = openRegistry(link);
    expect(reopened.runs).toMatchObject({ file: runsPath, path: runsPath });
    expect(reopened.value).toEqual(withRuns(runs(2)));
  });
});

/**
 * A folder on a 32 KB file system, to fill up: a tmpfs, which only root may mount. Undefined where none can be
 * mounted; that one case is then skipped.
 */
function smallDisk(): { dir: string; undo: () => void } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    // mount ran and refused (no privilege in this container), or is not installed.
    if ((error as { status?: number | null }).status !== undefined) return undefined;
    throw error;
  }
  return {
    dir,
    undo: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const disk = smallDisk();
afterAll(() => disk?.undo());

/** The registry with 300 more drivers: some 150 KB of text, which the small disk cannot hold. */
function large(value: Registry): Registry {
  for (let i = 0; i < 300; i++) {
    value.drivers.push({
      project_id: 'openstack/nova',
      vendor: 'Acme',
      name: `Acme hypervisor ${i}`,
      description: 'A driver with a long description. '.repeat(12),
      releases: ['Rocky'],
    });
  }
  return value;
}

describe.skipIf(disk === undefined)('saveRegistry when the registry cannot be written (a full disk)', () => {
  it.each([
    ['puts the old runs file back', withRuns(runs(2))],
    ['removes the runs file it created', validRegistry()],
  ])('%s, so the two files still belong together', (_what, before) => {
    const dir = join(disk!.dir, String(++n));
    mkdirSync(dir);
    try {
      const path = join(dir, 'data.json');
      const runsPath = join(dir, 'data.runs.json');
      const files = formatFiles(before);
      writeFileSync(path, files.text);
      if (files.runs.drivers.length > 0) writeFileSync(runsPath, files.runsText);
      const opened = openRegistry(path);
      const save = () => saveRegistry(opened, large(withRuns(runs(3))), { job: 'update' });
      expect(save).toThrow(WriteError);
      expect(save).toThrow(`could not write ${path}: no space left on the device`);
      expect(read(path)).toBe(opened.text);
      expect(existsSync(runsPath) ? read(runsPath) : undefined).toBe(opened.runs?.text);
      // No temporary file and no lock left behind.
      expect(readdirSync(dir).sort()).toEqual(
        opened.runs === undefined ? ['data.json'] : ['data.json', 'data.runs.json'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('saveRegistry with keepRuns (format, sync)', () => {
  it('leaves an existing runs file as it was read, whatever the records hold', () => {
    const { path, runsPath } = savedFiles(withRuns(runs(2)));
    const opened = openRegistry(path);
    const saved = saveRegistry(opened, withRuns(runs(3, '2018-09-05T10:00:00Z')), { job: 'sync' });
    expect(saved.runs).toEqual({ path: runsPath, text: opened.runs!.text, written: false });
    expect(read(runsPath)).toBe(opened.runs!.text);
  });

  it('puts runs into a new runs file when there is none, so none are dropped', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const next = withRuns(runs(2));
    const saved = saveRegistry(opened, next, { job: 'sync' });
    expect(saved.runs?.written).toBe(true);
    expect(read(join(path, '..', 'data.runs.json'))).toBe(formatFiles(next).runsText);
  });
});

describe('saveRegistry and a symlinked runs file', () => {
  it('writes through the link, as it does for the registry', () => {
    const { path, runsPath } = savedFiles(withRuns(runs(2)));
    const elsewhere = join(path, '..', 'kept-elsewhere.json');
    writeFileSync(elsewhere, read(runsPath));
    rmSync(runsPath);
    symlinkSync('kept-elsewhere.json', runsPath);
    const opened = openRegistry(path);
    const next = withRuns(runs(3, '2018-09-05T10:00:00Z'));
    saveRegistry(opened, next, { job: 'update' });
    expect(lstatSync(runsPath).isSymbolicLink()).toBe(true);
    expect(read(elsewhere)).toBe(formatFiles(next).runsText);
  });
});
