import { currentPatchSet } from '../gerrit/current-patch-set.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import { matchComment, type CommentVerdict, type CompiledCi } from './match-comment.ts';
import type { ReleaseMapper } from './release-map.ts';

/** Why a CI comment is not evidence. Each names what a vendor can look at. */
export type NotCounted =
  | { kind: 'not-merged'; status: ChangeInfo['status'] }
  | { kind: 'final-patch-set-unknown' }
  | { kind: 'not-final-patch-set'; patchSet?: number; finalPatchSet: number }
  | { kind: 'before-window'; since: number }
  | { kind: 'after-now'; now: number }
  | { kind: 'no-line-matched' }
  | { kind: 'no-release'; branch: string };

export interface JudgeContext {
  /** The scan window's start (ms): older comments are not evidence. */
  since: number;
  /** Comments dated after this instant (ms; the server's clock) are not evidence. Unset: no such limit. */
  until?: number;
  /** Undefined when there is no registry to map branches with: the mapping is then not held against a comment. */
  mapRelease: ReleaseMapper | undefined;
  /**
   * Every reason, for people (check-ci); otherwise judging stops at the first, and the patterns are only searched
   * when everything cheaper passed (update reads every comment of every merged change).
   */
  allReasons?: boolean;
}

export interface Judgement {
  /** The comment's instant, ms. */
  instant: number;
  patchSet?: number;
  finalPatchSet?: number;
  /** The line that matched a pattern; unset when none did (or, stopping at the first reason, when not searched). */
  verdict?: CommentVerdict;
  release?: string;
  /** Empty when the comment counts: it is evidence of `verdict` for `release`. */
  reasons: NotCounted[];
}

export type CountedJudgement = Judgement & { verdict: CommentVerdict; patchSet: number };

export function counts(judgement: Judgement): judgement is CountedJudgement {
  return judgement.reasons.length === 0;
}

/**
 * The one rule for "does this CI comment count": on the final patch set of a merged change, inside the scan
 * window, a line matching the driver's patterns, on a branch that maps to a listed release. `update` records
 * exactly the comments for which this returns no reason, and `check-ci` shows its reasons.
 */
export function judgeComment(
  change: ChangeInfo,
  message: ChangeMessageInfo,
  driver: { ci: Pick<CompiledCi, 'success' | 'failure'> },
  context: JudgeContext,
): Judgement {
  const instant = parseGerritTimestamp(message.date);
  const finalPatchSet = currentPatchSet(change);
  const patchSet = message._revision_number;
  const judgement: Judgement = {
    instant,
    ...(patchSet !== undefined ? { patchSet } : {}),
    ...(finalPatchSet !== undefined ? { finalPatchSet } : {}),
    reasons: [],
  };
  const { reasons } = judgement;
  const done = () => reasons.length > 0 && context.allReasons !== true;

  if (change.status !== 'MERGED') reasons.push({ kind: 'not-merged', status: change.status });
  if (done()) return judgement;
  // Without the final patch set's number, no comment can be shown to be on it.
  if (finalPatchSet === undefined) reasons.push({ kind: 'final-patch-set-unknown' });
  else if (patchSet !== finalPatchSet) {
    reasons.push({
      kind: 'not-final-patch-set',
      ...(patchSet !== undefined ? { patchSet } : {}),
      finalPatchSet,
    });
  }
  if (done()) return judgement;
  if (instant < context.since) reasons.push({ kind: 'before-window', since: context.since });
  if (context.until !== undefined && instant > context.until)
    reasons.push({ kind: 'after-now', now: context.until });
  if (done()) return judgement;

  const verdict = matchComment(message.message, driver.ci);
  if (verdict === undefined) reasons.push({ kind: 'no-line-matched' });
  else judgement.verdict = verdict;
  if (done()) return judgement;

  const release = context.mapRelease?.(change.branch, instant);
  if (release !== undefined) judgement.release = release;
  else if (context.mapRelease !== undefined) reasons.push({ kind: 'no-release', branch: change.branch });
  return judgement;
}
