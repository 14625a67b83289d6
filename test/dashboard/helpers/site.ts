// Builds a dashboard once per test run and name, whichever worker asks first; others wait for it.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildSite } from '../../../dashboard/build-site.ts';

export interface SiteBuild {
  /** Folder with the built files. */
  dir: string;
  base: string;
}

export interface SiteSpec {
  name: string;
  /** Writes the registry file to build from, given its path (or names an existing one). */
  data: string | ((path: string) => void);
  base?: string;
  env?: Record<string, string>;
}

/** The built site for `spec.name`, building it under one lock shared by all workers of this run. */
export async function builtSite(spec: SiteSpec): Promise<SiteBuild> {
  const root = inject('dashboardSitesDir');
  const dir = join(root, spec.name);
  const base = spec.base ?? '/';
  const done = `${dir}.done`;
  const failed = `${dir}.failed`;
  // One lock for all names: concurrent Astro builds would only fight over two cores.
  const lock = join(root, 'build.lock');
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (existsSync(done)) return { dir, base };
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    if (tryLock(lock)) {
      try {
        if (!existsSync(done) && !existsSync(failed)) await build(spec, dir, base, done, failed);
      } finally {
        rmdirSync(lock);
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
    await sleep(200);
  }
}

async function build(spec: SiteSpec, dir: string, base: string, done: string, failed: string): Promise<void> {
  const data = typeof spec.data === 'string' ? spec.data : `${dir}.json`;
  if (typeof spec.data === 'function') spec.data(data);
  try {
    await buildSite({ data, outDir: dir, base, env: spec.env });
    writeFileSync(done, '');
  } catch (error) {
    writeFileSync(failed, (error as Error).message);
  }
}

function tryLock(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
