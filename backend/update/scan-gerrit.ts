import { CLOCK_SKEW_MS } from '../common/time.ts';
import type { GerritClient } from '../gerrit/client.ts';
import { buildChangeQuery } from '../gerrit/query.ts';
import type { AccountInfo } from '../gerrit/types.ts';
import { changeProblem, type ChangeProblem } from '../gerrit/validate-change.ts';
import type { ProjectPlan } from './plan.ts';
import { ProjectScan, type ProjectScanResult } from './project-scan.ts';
import type { ReleaseMapper } from '../ci/release-map.ts';

export interface ProjectScanReport extends ProjectScanResult {
  /** CI ids looked up because the scan never saw them, and Gerrit does not know. */
  unknownCiIds: Set<string>;
  /** CI ids the scan saw or Gerrit confirmed. */
  knownCiIds: Set<string>;
  pages: number;
  /** Changes Gerrit sent malformed: skipped, the rest of the project counted. */
  skipped: ChangeProblem[];
  /**
   * The earlier of the server's clock at the last answer and our own, plus CLOCK_SKEW_MS (ms): nothing dated later
   * is evidence or a position.
   */
  notAfter: number;
}

export interface ScanContext {
  gerritUrl: string;
  since: number;
  mapRelease: ReleaseMapper;
  /** Shared by the run's projects so one CI id is looked up at most once. */
  accountLookups: Map<string, Promise<AccountInfo | undefined>>;
  onPage?: (project: string, pages: number, changes: number) => void;
  /** Changes per request (Gerrit may cap it lower). */
  pageSize?: number;
  /** The local clock, only for a server whose answers carry no `Date` header. Default Date.now. */
  now?: () => number;
}

/**
 * One query per project for every driver scanning it, streamed page by page. Accounts are looked
 * up only for CIs that never showed up in the scanned changes and are being scanned for the first
 * time (or were unknown last time): on an incremental run that is usually nobody.
 */
export async function scanProject(
  client: GerritClient,
  plan: ProjectPlan,
  context: ScanContext,
): Promise<ProjectScanReport> {
  const scan = new ProjectScan(plan, context);
  const query = buildChangeQuery({ project: plan.project, status: 'merged', after: plan.after });
  let pages = 0;
  const skipped: ChangeProblem[] = [];
  // Our own clock bounds it too: the file is validated against it before it is written.
  const notAfter = () => {
    const ours = (context.now ?? Date.now)();
    return Math.min(client.lastServerDate ?? ours, ours) + CLOCK_SKEW_MS;
  };
  // Changes arrive one at a time as each page streams in, so memory stays flat whatever the page size.
  let index = 0;
  const paging = {
    ...(context.pageSize === undefined ? {} : { pageSize: context.pageSize }),
    onPage: () => {
      pages += 1;
      index = 0;
      context.onPage?.(plan.project, pages, scan.result.changes);
    },
  };
  for await (const change of client.streamChanges(query, paging)) {
    const problem = changeProblem(change, `change #${++index} of page ${pages + 1}`);
    if (problem === undefined) scan.addChange(change, notAfter());
    else skipped.push(problem);
  }
  const known = new Set(scan.result.seenCiIds);
  const unknown = new Set<string>();
  for (const driver of plan.drivers) {
    const id = driver.account;
    if (!driver.lookupAccount || known.has(id) || unknown.has(id)) continue;
    let lookup = context.accountLookups.get(id);
    if (lookup === undefined) {
      lookup = client.findAccount(id);
      context.accountLookups.set(id, lookup);
    }
    if ((await lookup) === undefined) unknown.add(id);
    else known.add(id);
  }
  return { ...scan.result, unknownCiIds: unknown, knownCiIds: known, pages, skipped, notAfter: notAfter() };
}
