import { judgeComment, judgeText, type JudgeContext, type NotCounted } from '../ci/judge-comment.ts';
import { verdictLines, type CommentVerdict, type CompiledCi } from '../ci/match-comment.ts';
import { toIsoSeconds } from '../common/time.ts';
import { changeUrl } from '../gerrit/change-url.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import type { Ci } from '../model/types.ts';
import { closestLines, type ClosestLine } from './closest-lines.ts';

/** One comment as check-ci shows it: on a change read from Gerrit, or pasted (then only its text is judged). */
export interface CommentReport {
  /** Where it is: a change on Gerrit, or the line a pasted comment starts at. */
  at: { url: string; changeNumber: number; status: ChangeInfo['status']; branch: string } | { line: number };
  /** undefined: the branch maps to no listed release. */
  release?: string;
  patchSet?: number;
  finalPatchSet?: number;
  /** Unset for a pasted comment without a date. */
  timestamp?: string;
  verdict?: CommentVerdict;
  /** Whether `driverlog update` records this comment (for a pasted one: whether its text would). */
  counts: boolean;
  /** Why it does not count, in words (empty when it does). */
  reasons: string[];
  closest: ClosestLine[];
}

export interface ExplainContext extends Omit<JudgeContext, 'allReasons'> {
  gerritUrl: string;
  ci: Ci;
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
  const closest = closestFor(judgement.reasons, message.message, ctx.ci);
  return {
    at: {
      url: changeUrl(ctx.gerritUrl, change.project, change._number),
      changeNumber: change._number,
      status: change.status,
      branch: change.branch,
    },
    ...(judgement.release !== undefined ? { release: judgement.release } : {}),
    ...(judgement.patchSet !== undefined ? { patchSet: judgement.patchSet } : {}),
    ...(judgement.finalPatchSet !== undefined ? { finalPatchSet: judgement.finalPatchSet } : {}),
    timestamp: toIsoSeconds(judgement.instant),
    ...(judgement.verdict ? { verdict: judgement.verdict } : {}),
    counts: judgement.reasons.length === 0,
    reasons: judgement.reasons.map((reason) => reasonText(reason, change.status, closest.length > 0)),
    closest,
  };
}

/** A pasted comment's text judged by update's rule for a comment's text (`judgeText`), with no Gerrit. */
export function explainText(text: string, line: number, ci: Ci, compiled: CompiledCi): CommentReport {
  const read = judgeText(text, compiled);
  const patchSet = /^Patch Set (\d+):/.exec(text)?.[1];
  const reasons = 'reason' in read ? [read.reason] : [];
  const closest = closestFor(reasons, text, ci);
  return {
    at: { line },
    ...(patchSet !== undefined ? { patchSet: Number(patchSet) } : {}),
    ...('verdict' in read ? { verdict: read.verdict } : {}),
    counts: reasons.length === 0,
    reasons: reasons.map((reason) => reasonText(reason, 'MERGED', closest.length > 0)),
    closest,
  };
}

function closestFor(reasons: NotCounted[], text: string, ci: Ci): ClosestLine[] {
  const { success_pattern, failure_pattern } = ci;
  if (success_pattern === undefined || failure_pattern === undefined) return [];
  if (!reasons.some((reason) => reason.kind === 'no-line-matched')) return [];
  return closestLines(verdictLines(text), { success_pattern, failure_pattern });
}

function reasonText(reason: NotCounted, status: ChangeInfo['status'], hasClosest: boolean): string {
  switch (reason.kind) {
    case 'not-merged':
      return `not merged (status ${reason.status})`;
    case 'final-patch-set-unknown':
      return `Gerrit did not say which patch set is final, so no comment on this change can count`;
    case 'not-final-patch-set':
      return `not the final patch set (comment on PS ${reason.patchSet ?? '?'}, ${status === 'MERGED' ? 'merged' : 'current'} PS ${reason.finalPatchSet})`;
    case 'before-window':
      return `before the scan window (it starts ${toIsoSeconds(reason.since)}; see --since)`;
    case 'after-now':
      return `dated after the Gerrit server's clock (${toIsoSeconds(reason.now)}), so not evidence`;
    case 'no-line-matched':
      return hasClosest ? 'pattern matched nothing — closest lines below' : 'pattern matched nothing';
    case 'no-report':
      if (reason.jobs)
        return reason.vote
          ? 'no Zuul report with job lines; a ci block with jobs reads job lines, not the Verified vote'
          : 'no Zuul report with job lines ("Build succeeded." or "Build failed." followed by "- job url : RESULT")';
      return 'no Zuul report with job lines, and no Verified vote in the "Patch Set N:" line';
    case 'no-driver-jobs':
      return `none of the driver's jobs in the report (it has ${reason.seen.join(', ') || 'no job lines'}; see ci.jobs)`;
    case 'no-deciding-jobs':
      return `every job of the driver is non-voting or skipped (${reason.jobs.join(', ')})`;
    case 'no-release':
      return `branch ${reason.branch} maps to no listed release, so it would not be recorded`;
  }
}
