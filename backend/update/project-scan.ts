import { changeUrl } from '../gerrit/change-url.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo } from '../gerrit/types.ts';
import { offer, type Candidates } from './evidence.ts';
import { counts, judgeComment, type JudgeContext } from '../ci/judge-comment.ts';
import { quotedJobs, quotedLine } from './quoted-line.ts';
import type { PlannedDriver, ProjectPlan } from './plan.ts';
import type { ReleaseMapper } from '../ci/release-map.ts';

/** A date Gerrit sent that is later than its own clock allows: never a scan position, never evidence. */
export interface FutureDate {
  change: number;
  what: 'updated' | 'comment';
  /** As Gerrit wrote it. */
  date: string;
}

// A broken clock can date every change in the future: the report names a few, and counts the rest.
const FUTURE_LISTED = 20;

export interface ProjectScanResult {
  project: string;
  /** driver index → release id → the comments that count, reduced. */
  candidates: Map<number, Map<string, Candidates>>;
  /** CI ids of this project's drivers seen as a message author (so the account exists). */
  seenCiIds: Set<string>;
  /** The newest `updated` among the changes Gerrit returned, verbatim, never after the server's clock. */
  newestUpdated?: string;
  changes: number;
  /** Comments that counted but whose branch maps to no listed release. */
  unmapped: number;
  counted: number;
  /** Dates after the server's clock (the first FUTURE_LISTED), and how many there were in all. */
  future: FutureDate[];
  futureCount: number;
}

/**
 * Reduces a project's merged changes, one at a time, to per-driver, per-release candidates. Holds
 * nothing of a change once it has been read, so memory stays flat however long the history.
 */
export class ProjectScan {
  private readonly driversByCiId = new Map<string, PlannedDriver[]>();
  private newestUpdatedMs = -Infinity;
  readonly result: ProjectScanResult;

  constructor(
    plan: ProjectPlan,
    private readonly context: { gerritUrl: string; since: number; mapRelease: ReleaseMapper },
  ) {
    for (const driver of plan.drivers) {
      this.driversByCiId.set(driver.account, [...(this.driversByCiId.get(driver.account) ?? []), driver]);
    }
    this.result = {
      project: plan.project,
      candidates: new Map(),
      seenCiIds: new Set(),
      changes: 0,
      unmapped: 0,
      counted: 0,
      future: [],
      futureCount: 0,
    };
  }

  /**
   * One change whose shape has been checked (validate-change.ts). `notAfter` (ms) is the server's clock plus the
   * allowed skew: a later `updated` would freeze the scan position, a later comment is not evidence. scan-gerrit
   * always gives it; without it (tests of the rules alone) no date is too late.
   */
  addChange(change: ChangeInfo, notAfter = Infinity): void {
    const result = this.result;
    result.changes += 1;
    const updated = parseGerritTimestamp(change.updated);
    if (updated > notAfter) this.future({ change: change._number, what: 'updated', date: change.updated });
    else if (updated > this.newestUpdatedMs) {
      this.newestUpdatedMs = updated;
      result.newestUpdated = change.updated;
    }
    if (change.project !== result.project) return;
    const judging: JudgeContext = {
      since: this.context.since,
      until: notAfter,
      mapRelease: this.context.mapRelease,
    };
    (change.messages ?? []).forEach((message, seq) => {
      const username = message.author?.username;
      const drivers = username === undefined ? undefined : this.driversByCiId.get(username);
      if (drivers === undefined || username === undefined) return;
      result.seenCiIds.add(username);
      for (const [at, driver] of drivers.entries()) {
        const judgement = judgeComment(change, message, driver, judging);
        const [reason, ...more] = judgement.reasons;
        // Said once per comment, however many drivers share the CI account.
        if (reason?.kind === 'after-now' && at === 0)
          this.future({ change: change._number, what: 'comment', date: message.date });
        if (reason?.kind === 'no-release' && more.length === 0) {
          result.counted += 1;
          result.unmapped += 1;
        }
        if (!counts(judgement) || judgement.release === undefined) continue;
        result.counted += 1;
        const { instant, release, verdict, patchSet } = judgement;
        const read =
          verdict.judgedBy === 'patterns'
            ? {}
            : { judgedBy: verdict.judgedBy, jobs: quotedJobs(verdict.jobs ?? []) };
        const perRelease = result.candidates.get(driver.index) ?? new Map<string, Candidates>();
        result.candidates.set(driver.index, perRelease);
        perRelease.set(
          release,
          offer(perRelease.get(release) ?? {}, {
            seconds: Math.floor(instant / 1000),
            changeNumber: change._number,
            seq,
            result: verdict.result,
            reviewUrl: changeUrl(this.context.gerritUrl, change.project, change._number),
            patchSet,
            branch: change.branch,
            ciId: username,
            comment: quotedLine(verdict.line),
            ...read,
          }),
        );
      }
    });
  }

  private future(date: FutureDate): void {
    this.result.futureCount += 1;
    if (this.result.future.length < FUTURE_LISTED) this.result.future.push(date);
  }
}
