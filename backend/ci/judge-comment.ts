import { currentPatchSet } from '../gerrit/current-patch-set.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import { matchComment, verdictLines, type CommentVerdict, type CompiledCi } from './match-comment.ts';
import type { ReleaseMapper } from './release-map.ts';
import { verifiedVote } from './vote.ts';
import { parseZuulReport } from './zuul-report.ts';
import { zuulVerdict, type ReportReason } from './zuul-verdict.ts';

/** Why a CI comment is not evidence. Each names what a vendor can look at. */
export type NotCounted =
  | { kind: 'not-merged'; status: ChangeInfo['status'] }
  | { kind: 'final-patch-set-unknown' }
  | { kind: 'not-final-patch-set'; patchSet?: number; finalPatchSet: number }
  | { kind: 'before-window'; since: number }
  | { kind: 'after-now'; now: number }
  | TextReason
  | { kind: 'no-release'; branch: string };

/** Why a comment's text is not a verdict for the driver, whatever change it is on. */
export type TextReason =
  /** The ci block's patterns matched no line. */
  | { kind: 'no-line-matched' }
  /**
   * Without patterns: no Zuul report, and (without `jobs`) no Verified vote in the header; `vote` says a vote was
   * there, which a ci block with `jobs` does not read.
   */
  | { kind: 'no-report'; jobs: boolean; vote: boolean }
  | ReportReason;

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
  /** What the text says of the driver; unset when it says nothing (or, stopping at the first reason, when not read). */
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
 * What a comment's text says of a driver, whatever change it is on:
 * 1. with patterns, the first line one of them matches (success searched first);
 * 2. without, a Zuul report's deciding jobs of the driver (zuulVerdict);
 * 3. without patterns, `jobs` or a report, the Verified vote in Gerrit's `Patch Set N:` header;
 * 4. else nothing, and why.
 */
export function judgeText(
  text: string,
  ci: CompiledCi,
): { verdict: CommentVerdict } | { reason: TextReason } {
  if (ci.kind === 'patterns') {
    const verdict = matchComment(text, ci);
    return verdict === undefined ? { reason: { kind: 'no-line-matched' } } : { verdict };
  }
  const report = parseZuulReport(verdictLines(text));
  if (report !== undefined) {
    const read = zuulVerdict(report, ci.jobs);
    return 'kind' in read ? { reason: read } : { verdict: read };
  }
  const vote = verifiedVote(text);
  if (vote !== undefined && ci.jobs === undefined)
    return { verdict: { result: vote.value > 0, line: vote.line, judgedBy: 'vote' } };
  return { reason: { kind: 'no-report', jobs: ci.jobs !== undefined, vote: vote !== undefined } };
}

/**
 * The one rule for "does this CI comment count": on the final patch set of a merged change, inside the scan
 * window, a text that says something of the driver (judgeText), on a branch that maps to a listed release.
 * `update` records exactly the comments for which this returns no reason, and `check-ci` shows its reasons.
 */
export function judgeComment(
  change: ChangeInfo,
  message: ChangeMessageInfo,
  driver: { ci: CompiledCi },
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

  const read = judgeText(message.message, driver.ci);
  if ('reason' in read) reasons.push(read.reason);
  else judgement.verdict = read.verdict;
  if (done()) return judgement;

  const release = context.mapRelease?.(change.branch, instant);
  if (release !== undefined) judgement.release = release;
  else if (context.mapRelease !== undefined) reasons.push({ kind: 'no-release', branch: change.branch });
  return judgement;
}
