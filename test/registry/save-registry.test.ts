import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError } from '../../backend/common/errors.ts';
import { LockHeldError } from '../../backend/common/lock.ts';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { openRegistry } from '../../backend/registry/open-registry.ts';
import {
  ConcurrentEditError,
  InvalidOutputError,
  lockRegistry,
  saveRegistry,
} from '../../backend/registry/save-registry.ts';
import type { Registry } from '../../backend/registry/types.ts';
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

describe('saveRegistry', () => {
  it('writes the canonical text, and says when the file already held it', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const saved = saveRegistry(path, opened.value!, { expectText: opened.text });
    expect(saved).toEqual({ path, text: formatRegistry(validRegistry()), written: true });
    expect(readFileSync(path, 'utf8')).toBe(saved.text);
    const again = saveRegistry(path, opened.value!, { expectText: saved.text });
    expect(again.written).toBe(false);
    expect(readdirSync(join(path, '..'))).toEqual(['data.json']);
  });

  it('refuses output with validation errors, naming them, and leaves the file as it was', () => {
    const path = registryFile();
    const before = readFileSync(path, 'utf8');
    const bad = withName('Acme hypervisor');
    bad.drivers[1]!.project_id = 'openstack/nowhere';
    expect(() => saveRegistry(path, bad, { expectText: before })).toThrow(InvalidOutputError);
    expect(() => saveRegistry(path, bad, { expectText: before })).toThrow(
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
    const saved = saveRegistry(path, opened.value!, { expectText: opened.text, tolerate: opened.problems });
    expect(saved.written).toBe(true);
    const worse = structuredClone(opened.value!);
    worse.drivers.find((d) => d.project_id === 'openstack/cinder')!.project_id = 'openstack/elsewhere';
    expect(() => saveRegistry(path, worse, { expectText: saved.text, tolerate: opened.problems })).toThrow(
      InvalidOutputError,
    );
  });

  it('refuses when the file changed since it was read, keeping the other edit', () => {
    const path = registryFile();
    const opened = openRegistry(path);
    const edited = opened.text.replace('Acme hypervisor', 'Acme hypervisor 2');
    writeFileSync(path, edited);
    expect(() => saveRegistry(path, withName('Acme HV'), { expectText: opened.text })).toThrow(
      ConcurrentEditError,
    );
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });

  it('writes through a symlink to its target, and the link stays a link', () => {
    const path = registryFile();
    const link = join(root, `link-${n}.json`);
    symlinkSync(path, link);
    const opened = openRegistry(link);
    const saved = saveRegistry(link, withName('Acme HV'), { expectText: opened.text });
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
      expect(() => saveRegistry(path, withName('Acme HV'), { expectText: opened.text })).toThrow(
        LockHeldError,
      );
      // The holder itself writes under its own lock.
      expect(saveRegistry(path, withName('Acme HV'), { expectText: opened.text, lock: held }).written).toBe(
        true,
      );
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
    const save = () => saveRegistry(path, withName('Acme HV'), { expectText: opened.text });
    expect(save).toThrow(FileError);
    expect(save).toThrow(
      new RegExp(`cannot create the lock file ${path}\\.lock: (permission denied|read-only file system)`),
    );
    expect(readFileSync(path, 'utf8')).toBe(opened.text);
  });
});
