import { DriverlogError } from '../../backend/common/errors.ts';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../backend/common/io.ts';
import { buildSite } from '../../dashboard/build-site.ts';
import { serveStatic, type StaticServer } from '../../dashboard/serve.ts';
import { generateHistory, startGerritSimulator, type GerritSimulator } from '../gerrit-simulator/index.ts';
import { openRegistry, requireValidRegistry } from '../../backend/store/open-registry.ts';
import { runsFileOf } from '../../backend/model/runs-file.ts';
import { describeOutcome, runUpdate } from '../../backend/update/run-update.ts';
import type { UpdateSummary } from '../../backend/update/format-summary.ts';

const DAY = 86_400_000;

export interface DemoOptions {
  /** The repository: its default_data.json (and runs file) is copied, never written. */
  root: string;
  /** Where the working copy and the built site go. */
  workDir: string;
  io: Pick<Io, 'stdout' | 'stderr' | 'isTTY'>;
  /** Port of the dashboard; 0 picks a free one. */
  port?: number;
  /** Merged changes in the simulated history. */
  changes?: number;
  seed?: number;
  now?: number;
}

export interface Demo {
  siteUrl: string;
  gerritUrl: string;
  summary: UpdateSummary | undefined;
  dataFile: string;
  close(): Promise<void>;
}

export class DemoError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'DEMO', 'io', options);
  }
}

/**
 * The whole pipeline offline: a Gerrit simulator seeded with a history for the registry's CI accounts, the batch
 * job against it into a working copy, the dashboard built from that copy and served on 127.0.0.1.
 */
export async function runDemo(options: DemoOptions): Promise<Demo> {
  const { io, workDir } = options;
  const now = options.now ?? Date.now();
  const step = (text: string) => io.stdout(`${text}\n`);
  mkdirSync(workDir, { recursive: true });
  const dataFile = join(workDir, 'default_data.json');
  copyFileSync(join(options.root, 'default_data.json'), dataFile);
  // The runs file goes with it; a previous demo's must not outlive the copy it belonged to.
  const runs = runsFileOf(join(options.root, 'default_data.json'));
  if (existsSync(runs)) copyFileSync(runs, runsFileOf(dataFile));
  else rmSync(runsFileOf(dataFile), { force: true });
  const registry = requireValidRegistry(openRegistry(dataFile));

  let gerrit: GerritSimulator | undefined;
  let site: StaticServer | undefined;
  const close = async () => {
    await site?.close();
    await gerrit?.close();
  };
  try {
    // Take the port first: a clash should be said at once, not after the scan and the build.
    const siteDir = join(workDir, 'site');
    site = await listen(siteDir, options.port ?? 4321);
    const changes = options.changes ?? 4000;
    step(`Generating a Gerrit history of ${changes} merged changes for the registry's CI accounts…`);
    const dataset = generateHistory({
      registry,
      seed: options.seed ?? 2026,
      changes,
      start: now - 170 * DAY,
      end: now,
    });
    gerrit = await startGerritSimulator({ dataset });
    step(`Gerrit simulator on ${gerrit.url}`);
    step(`Running driverlog update --data ${dataFile} --gerrit-url ${gerrit.url}`);
    const result = await runUpdate({
      dataFile,
      gerritUrl: gerrit.url,
      since: now - 180 * DAY,
      io,
    });
    const { stdout, stderr } = describeOutcome(result);
    io.stdout(stdout);
    io.stderr(stderr);
    if (result.exitCode !== 0)
      throw new DemoError(`driverlog update exited with ${result.exitCode} (see above)`);

    step('Building the dashboard…');
    await buildSite({ data: dataFile, outDir: siteDir, env: { DRIVERLOG_GERRIT_URL: gerrit.url } });
    return { siteUrl: site.url, gerritUrl: gerrit.url, summary: result.summary, dataFile, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function listen(siteDir: string, port: number): Promise<StaticServer> {
  try {
    return await serveStatic(siteDir, { host: '127.0.0.1', port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new DemoError(
      `port ${port} on 127.0.0.1 is in use (another npm start, or npm run preview?); ` +
        'choose another with DRIVERLOG_DEMO_PORT, e.g. DRIVERLOG_DEMO_PORT=4400 npm start',
      { cause: error },
    );
  }
}
