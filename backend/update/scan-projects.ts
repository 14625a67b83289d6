import { pool } from '../common/pool.ts';
import { createGerritClient, type GerritClientOptions } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import type { AccountInfo } from '../gerrit/types.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import type { Registry } from '../model/types.ts';
import type { ScanOutcome } from './apply.ts';
import type { ScanPlan } from './plan.ts';
import type { Progress } from './progress.ts';
import { scanProject, type ScanContext } from './scan-gerrit.ts';

// Gerrit serves at most 500 changes a page (index.maxLimit): asking for that many makes the fewest
// requests. Changes stream in one at a time, so memory does not grow with the page; two projects at
// a time keep a 20,000-change scan well under 300 MB (bench/update.ts).
const CONCURRENCY = 2;
const PAGE_SIZE = 500;

export interface ScanSettings {
  gerritUrl: string;
  since: number;
  credentials?: { username: string; password: string };
  signal?: AbortSignal;
  client?: Partial<GerritClientOptions>;
  concurrency?: number;
  pageSize?: number;
}

export interface ScannedProjects {
  outcomes: ScanOutcome[];
  totals: { requests: number; bytes: number; retries: number };
  requestsByProject: Map<string, number>;
}

/**
 * Every planned project's scan, a few at a time, each with a Gerrit client of its own (its stats are that
 * project's requests). A project that fails is an outcome with its error; the others go on.
 */
export async function scanProjects(
  registry: Registry,
  plan: ScanPlan,
  settings: ScanSettings,
  progress: Progress,
  now: () => number,
): Promise<ScannedProjects> {
  const { gerritUrl, since } = settings;
  const context: ScanContext = {
    gerritUrl,
    since,
    mapRelease: createReleaseMapper(registry.releases ?? []),
    accountLookups: new Map<string, Promise<AccountInfo | undefined>>(),
    onPage: (project, pages, changes) => progress.page(project, pages, changes),
    pageSize: settings.pageSize ?? PAGE_SIZE,
    now,
  };
  const totals = { requests: 0, bytes: 0, retries: 0 };
  const requestsByProject = new Map<string, number>();
  const outcomes = await pool(
    plan.projects,
    settings.concurrency ?? CONCURRENCY,
    async (project): Promise<ScanOutcome> => {
      const client = createGerritClient({
        baseUrl: gerritUrl,
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        ...(settings.signal ? { signal: settings.signal } : {}),
        ...settings.client,
        maxInFlight: 1,
      });
      progress.projectStarted(project.project, project.full ? `full: ${project.reason}` : 'incremental');
      try {
        const result = await scanProject(client, project, context);
        progress.projectDone(project.project, result.changes, result.pages);
        return { plan: project, result };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (!(error instanceof GerritError && error.code === 'ABORTED'))
          progress.projectFailed(project.project, failure);
        return { plan: project, error: failure };
      } finally {
        for (const key of ['requests', 'bytes', 'retries'] as const) totals[key] += client.stats[key];
        requestsByProject.set(project.project, client.stats.requests);
      }
    },
  );
  return { outcomes, totals, requestsByProject };
}
