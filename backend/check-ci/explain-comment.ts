import { judgeComment, type JudgeContext, type NotCounted } from '../ci/judge-comment.ts';
import { verdictLines, type CommentVerdict, type CompiledCi } from '../ci/match-comment.ts';
import { toIsoSeconds } from '../common/time.ts';
import { changeUrl } from '../gerrit/change-url.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import type { PatternCi } from '../model/types.ts';
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
  /** Whether `driverlog update` records this comment. */
  counts: boolean;
  /** Why it does not count, in words (empty when it does). */
  reasons: string[];
  closest: ClosestLine[];
}

export interface ExplainContext extends Omit<JudgeContext, 'allReasons'> {
  gerritUrl: string;
  ci: PatternCi;
  compiled: CompiledCi;
}

/** One comment judged by update's rule (`judgeComment`), with every reason it does not count and, when no line
 * matched, the lines closest to the patterns. */
export function explainComment(
  change: ChangeInfo,
  message: ChangeMessageInfo,
  ctx: ExplainContext,
): CommentReport {
  const judgement = judgeComment(change, message, { ci: ctx.compiled }, { ...ctx, allReasons: true });
  const unmatched = judgement.reasons.some((reason) => reason.kind === 'no-line-matched');
  const closest = unmatched ? closestLines(verdictLines(message.message), ctx.ci) : [];
  return {
    url: changeUrl(ctx.gerritUrl, change.project, change._number),
    changeNumber: change._number,
    status: change.status,
    branch: change.branch,
    ...(judgement.release !== undefined ? { release: judgement.release } : {}),
    ...(judgement.patchSet !== undefined ? { patchSet: judgement.patchSet } : {}),
    ...(judgement.finalPatchSet !== undefined ? { finalPatchSet: judgement.finalPatchSet } : {}),
    timestamp: toIsoSeconds(judgement.instant),
    ...(judgement.verdict ? { verdict: judgement.verdict } : {}),
    counts: judgement.reasons.length === 0,
    reasons: judgement.reasons.map((reason) => reasonText(reason, change, closest.length > 0)),
    closest,
  };
}

function reasonText(reason: NotCounted, change: ChangeInfo, hasClosest: boolean): string {
  switch (reason.kind) {
    case 'not-merged':
      return `not merged (status ${reason.status})`;
    case 'final-patch-set-unknown':
      return `Gerrit did not say which patch set is final, so no comment on this change can count`;
    case 'not-final-patch-set':
      return `not the final patch set (comment on PS ${reason.patchSet ?? '?'}, ${change.status === 'MERGED' ? 'merged' : 'current'} PS ${reason.finalPatchSet})`;
    case 'before-window':
      return `before the scan window (it starts ${toIsoSeconds(reason.since)}; see --since)`;
    case 'after-now':
      return `dated after the Gerrit server's clock (${toIsoSeconds(reason.now)}), so not evidence`;
    case 'no-line-matched':
      return hasClosest ? 'pattern matched nothing — closest lines below' : 'pattern matched nothing';
    case 'no-release':
      return `branch ${reason.branch} maps to no listed release, so it would not be recorded`;
  }
}
