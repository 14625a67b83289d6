// Runs `astro build` for a registry file into a folder of its own (tests, benchmarks, demos).
import { DriverlogError } from '../backend/common/errors.ts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

export class SiteBuildError extends DriverlogError {
  constructor(message: string) {
    super(message, 'SITE_BUILD', 'io');
  }
}

export interface BuildSpec {
  /** Registry JSON file. */
  data: string;
  outDir: string;
  /** Base path, e.g. "/driverlog/"; default "/". */
  base?: string;
  /** More settings, e.g. DRIVERLOG_STALE_DAYS. */
  env?: Record<string, string>;
  /**
   * A copy of the repository whose dashboard to build, inside this one's node_modules so its packages resolve
   * (benchmarks build an older version beside this one); default: this repository.
   */
  root?: string;
}

/**
 * Builds into a scratch folder inside the repository, then moves the site to `spec.outDir`. Astro writes a
 * build's server-side chunks into the output folder only when that folder lies under the working directory
 * (elsewhere it uses <cwd>/.astro/, which concurrent builds would share), and those chunks import packages
 * that resolve only from the repository's node_modules.
 */
export async function buildSite(spec: BuildSpec): Promise<{ ms: number }> {
  const started = performance.now();
  const outDir = resolve(spec.outDir);
  const scratch = join(
    spec.root ?? repoRoot,
    'node_modules',
    '.driverlog-builds',
    `${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await runAstro(spec, scratch, outDir);
    rmSync(outDir, { recursive: true, force: true });
    moveDir(scratch, outDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { ms: performance.now() - started };
}

function runAstro(spec: BuildSpec, scratch: string, outDir: string): Promise<void> {
  return new Promise((ok, fail) => {
    const astro = join(repoRoot, 'node_modules/astro/astro.js');
    const child = spawn(process.execPath, [astro, 'build', '--root', 'dashboard'], {
      cwd: spec.root ?? repoRoot,
      env: {
        ...inheritedEnv(),
        ASTRO_TELEMETRY_DISABLED: '1',
        DRIVERLOG_DATA: resolve(spec.data),
        DRIVERLOG_OUT_DIR: scratch,
        // A cache per output folder, so two builds never share Astro's scratch files.
        DRIVERLOG_CACHE_DIR: join(dirname(outDir), `.${basename(outDir)}-cache`),
        DRIVERLOG_BASE: spec.base ?? '/',
        ...spec.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok();
      else fail(new SiteBuildError(`astro build of ${spec.data} exited with ${code}:\n${output}`));
    });
  });
}

function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    // Another file system (e.g. a temporary folder on tmpfs): copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}

// Test runners export Vite's own variables (BASE_URL, MODE, NODE_ENV=test…); Astro would read them
// as the site's settings, so a child build starts without them.
const RUNNER_VARIABLES = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !RUNNER_VARIABLES.has(name) && !name.startsWith('VITEST')),
  );
}
