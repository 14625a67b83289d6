import { changeUrl } from '../gerrit/change-url.ts';
import { currentPatchSet } from '../gerrit/current-patch-set.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo } from '../gerrit/types.ts';
import { offer, type Candidates } from './evidence.ts';
import { matchComment } from '../ci/match-comment.ts';
import type { PlannedDriver, ProjectPlan } from './plan.ts';
import type { ReleaseMapper } from '../ci/release-map.ts';

export interface ProjectScanResult {
  project: string;
  /** driver index → release id → the comments that count, reduced. */
  candidates: Map<number, Map<string, Candidates>>;
  /** CI ids of this project's drivers seen as a message author (so the account exists). */
  seenCiIds: Set<string>;
  /** The newest `updated` among the changes Gerrit returned, verbatim; undefined when none. */
  newestUpdated?: string;
  changes: number;
  /** Comments that counted but whose branch maps to no listed release. */
  unmapped: number;
  counted: number;
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
      this.driversByCiId.set(driver.ci.id, [...(this.driversByCiId.get(driver.ci.id) ?? []), driver]);
    }
    this.result = {
      project: plan.project,
      candidates: new Map(),
      seenCiIds: new Set(),
      changes: 0,
      unmapped: 0,
      counted: 0,
    };
  }

  addChange(change: ChangeInfo): void {
    const result = this.result;
    result.changes += 1;
    const updated = parseGerritTimestamp(change.updated);
    if (updated > this.newestUpdatedMs) {
      this.newestUpdatedMs = updated;
      result.newestUpdated = change.updated;
    }
    if (change.project !== result.project || change.status !== 'MERGED') return;
    const finalPatchSet = currentPatchSet(change);
    (change.messages ?? []).forEach((message, seq) => {
      const username = message.author?.username;
      const drivers = username === undefined ? undefined : this.driversByCiId.get(username);
      if (drivers === undefined || username === undefined) return;
      result.seenCiIds.add(username);
      if (finalPatchSet === undefined || message._revision_number !== finalPatchSet) return;
      const instant = parseGerritTimestamp(message.date);
      if (instant < this.context.since) return;
      for (const driver of drivers) {
        const verdict = matchComment(message.message, driver.ci);
        if (verdict === undefined) continue;
        result.counted += 1;
        const release = this.context.mapRelease(change.branch, instant);
        if (release === undefined) {
          result.unmapped += 1;
          continue;
        }
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
            patchSet: finalPatchSet,
            branch: change.branch,
            ciId: username,
            comment: verdict.line,
          }),
        );
      }
    });
  }
}
