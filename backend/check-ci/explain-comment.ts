import { changeUrl } from '../gerrit/change-url.ts';
import { currentPatchSet } from '../gerrit/current-patch-set.ts';
import { parseGerritTimestamp, toIsoSeconds } from '../gerrit/time.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import type { Ci } from '../registry/types.ts';
import { matchComment, verdictLines, type CommentVerdict, type CompiledCi } from '../ci/match-comment.ts';
import type { ReleaseMapper } from '../ci/release-map.ts';
import { closestLines, type ClosestLine } from './closest-lines.ts';

export interface CommentReport {
  url: string;
  changeNumber: number;
  status: ChangeInfo['status'];
  branch: string;
  /** undefined: the branch maps to no listed release. */
  release?: string;
  patchSet?: number;
  finalPatchSet?: number;
  timestamp: string;
  verdict?: CommentVerdict;
  /** Whether `driverlog update` would record this comment. */
  counts: boolean;
  /** Why it does not count (empty when it does). */
  reasons: string[];
  closest: ClosestLine[];
}

export interface ExplainContext {
  gerritUrl: string;
  ci: Ci;
  compiled: CompiledCi;
  mapRelease: ReleaseMapper;
  /** Without a registry there are no releases to map to; the mapping is then not held against a comment. */
  hasReleases: boolean;
}

/** Every rule `update` applies to one comment, with the reason for each that fails. */
export function explainComment(
  change: ChangeInfo,
  message: ChangeMessageInfo,
  ctx: ExplainContext,
): CommentReport {
  const instant = parseGerritTimestamp(message.date);
  const finalPatchSet = currentPatchSet(change);
  const merged = change.status === 'MERGED';
  const verdict = matchComment(message.message, ctx.compiled);
  const release = ctx.mapRelease(change.branch, instant);
  const reasons: string[] = [];
  if (!merged) reasons.push(`not merged (status ${change.status})`);
  if (message._revision_number !== finalPatchSet) {
    reasons.push(
      `not the final patch set (comment on PS ${message._revision_number ?? '?'}, ${merged ? 'merged' : 'current'} PS ${finalPatchSet ?? '?'})`,
    );
  }
  let closest: ClosestLine[] = [];
  if (verdict === undefined) {
    closest = closestLines(verdictLines(message.message), ctx.ci);
    reasons.push(
      closest.length > 0 ? 'pattern matched nothing — closest lines below' : 'pattern matched nothing',
    );
  }
  if (release === undefined && ctx.hasReleases) {
    reasons.push(`branch ${change.branch} maps to no listed release, so it would not be recorded`);
  }
  return {
    url: changeUrl(ctx.gerritUrl, change.project, change._number),
    changeNumber: change._number,
    status: change.status,
    branch: change.branch,
    ...(release !== undefined ? { release } : {}),
    ...(message._revision_number !== undefined ? { patchSet: message._revision_number } : {}),
    ...(finalPatchSet !== undefined ? { finalPatchSet } : {}),
    timestamp: toIsoSeconds(instant),
    ...(verdict ? { verdict } : {}),
    counts: reasons.length === 0,
    reasons,
    closest,
  };
}
