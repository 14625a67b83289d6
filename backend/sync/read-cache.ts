import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { writeFileAtomic } from '../common/atomic-write.ts';
import type { Matrix, MatrixDriver } from './matrix.ts';

// What each file of a project says at a commit never changes: sync keeps every reading in the cache folder
// (beside the clones), so a run where no ref moved reads no file again — only the refs. A reading is keyed
// by format, path, ref and commit (its warnings name the ref), and the whole cache by the code that reads
// (the hash of the sources the CLI was built from): a changed reader never answers from an older one's cache. A cache file
// that cannot be read is a cache miss, and rewritten.

type Stored = Omit<Matrix, 'drivers'> & {
  drivers: Array<
    Omit<MatrixDriver, 'values' | 'notes'> & { values: [string, string][]; notes: [string, string][] }
  >;
};

export interface ReadCache {
  /** A reading at a commit: a matrix, null when the commit has no such file, undefined when not kept. */
  get(format: string, path: string, ref: string, commit: string): Matrix | null | undefined;
  set(format: string, path: string, ref: string, commit: string, matrix: Matrix | undefined): void;
  /** Writes the readings kept this run, when there are new ones. */
  save(): void;
}

declare const __DRIVERLOG_BUILD__: string | undefined;

/** The hash of the sources the CLI's bundle was built from (bin/driverlog.js); run from the sources, none. */
function readerCode(): string {
  return typeof __DRIVERLOG_BUILD__ === 'string' ? __DRIVERLOG_BUILD__ : `unbundled ${packageJson.version}`;
}

/** The cache of one project's readings in `cacheDir`. */
export function openReadCache(cacheDir: string, project: string): ReadCache {
  const file = join(cacheDir, 'readings', `${project.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
  const code = readerCode();
  let entries: Record<string, Stored | null> = {};
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { code?: string; entries?: typeof entries };
      if (stored.code === code && stored.entries) entries = stored.entries;
    } catch {
      // A cache file another version or a killed run left: read everything again, and replace it.
      entries = {};
    }
  }
  const used: Record<string, Stored | null> = {};
  let changed = false;
  const key = (...parts: string[]) => parts.join('\0');
  return {
    get(...parts) {
      const found = entries[key(...parts)];
      if (found === undefined) return undefined;
      used[key(...parts)] = found;
      return found === null ? null : revive(found);
    },
    set(format, path, ref, commit, matrix) {
      used[key(format, path, ref, commit)] = matrix === undefined ? null : store(matrix);
      changed = true;
    },
    save() {
      // Only this run's readings are kept: refs that moved on do not grow the file for ever.
      if (!changed && Object.keys(used).length === Object.keys(entries).length) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomic(file, JSON.stringify({ code, entries: used }));
    },
  };
}

const store = (matrix: Matrix): Stored => ({
  ...matrix,
  drivers: matrix.drivers.map((driver) => ({
    ...driver,
    values: [...driver.values],
    notes: [...driver.notes],
  })),
});

const revive = (stored: Stored): Matrix => ({
  ...stored,
  drivers: stored.drivers.map((driver) => ({
    ...driver,
    values: new Map(driver.values),
    notes: new Map(driver.notes),
  })) as MatrixDriver[],
});
