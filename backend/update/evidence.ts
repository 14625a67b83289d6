import { toIsoSeconds } from '../common/time.ts';
import type { Run, VerificationRecord } from '../model/types.ts';
import { mergeRuns, runOrder, type RunEntry } from './recent-runs.ts';

// Evidence is ordered by (whole second, change number, position in the change). Whole seconds
// because that is all the file keeps: comparing new comments in milliseconds against records read
// back in seconds would let a second run decide differently from one run over the same history.

/** A point in the evidence order; records read back from the file sort before re-read messages. */
export interface EvidenceKey {
  seconds: number;
  changeNumber: number;
  /** Index of the message in its change; -1 for evidence read back from the file. */
  seq: number;
}

/** One counting comment for a driver and release. */
export interface Evidence extends EvidenceKey {
  result: boolean;
  reviewUrl: string;
  patchSet: number;
  branch: string;
  ciId: string;
  comment: string;
}

/** A passing comment, as far as `last_success` needs it. */
export interface PassRef extends EvidenceKey {
  reviewUrl: string;
}

/**
 * What a stream of comments for one driver and release reduces to: the newest comment, the newest
 * passing one (when the newest fails, the newest pass is necessarily older: last_success), and the
 * newest RECENT_RUNS runs. All three are "the newest of a set", so offering comments in any order,
 * twice, or split over runs gives one answer.
 */
export interface Candidates {
  best?: Evidence;
  bestPass?: PassRef;
  /** Newest first (runOrder), distinct, at most RECENT_RUNS. */
  runs?: RunEntry[];
}

export function compareKeys(a: EvidenceKey, b: EvidenceKey): number {
  return a.seconds - b.seconds || a.changeNumber - b.changeNumber || a.seq - b.seq;
}

function newer<T extends EvidenceKey>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareKeys(b, a) >= 0 ? b : a;
}

function runOf(evidence: Evidence): RunEntry {
  return {
    seconds: evidence.seconds,
    changeNumber: evidence.changeNumber,
    patchSet: evidence.patchSet,
    result: evidence.result,
  };
}

export function offer(candidates: Candidates, evidence: Evidence): Candidates {
  return {
    best: newer(candidates.best, evidence),
    bestPass: evidence.result ? newer(candidates.bestPass, passRef(evidence)) : candidates.bestPass,
    runs: mergeRuns(candidates.runs ?? [], [runOf(evidence)]),
  };
}

export function mergeCandidates(a: Candidates, b: Candidates): Candidates {
  return {
    best: newer(a.best, b.best),
    bestPass: newer(a.bestPass, b.bestPass),
    runs: mergeRuns(a.runs ?? [], b.runs ?? []),
  };
}

function passRef(evidence: PassRef): PassRef {
  const { seconds, changeNumber, seq, reviewUrl } = evidence;
  return { seconds, changeNumber, seq, reviewUrl };
}

/** The change number at the end of a review URL we wrote (`…/+/912345`); 0 when it has none. */
export function changeNumberOfUrl(url: string): number {
  const match = /\/\+\/(\d+)\/?$/.exec(url);
  return match ? Number(match[1]) : 0;
}

function isoSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * A record already in the file, as candidates: its comment, its pass (itself or last_success), and its runs (the
 * record's own comment among them, so records written before `recent` existed start their list with it). Parts
 * dated after `notAfter` (ms) are left out: evidence from the future is forged or a clock's fault, never kept.
 */
export function candidatesFromRecord(record: VerificationRecord, notAfter = Infinity): Candidates {
  const believed = (iso: string) => isoSeconds(iso) * 1000 <= notAfter;
  const runs = [...(record.recent ?? []), record].filter((run) => believed(run.timestamp)).map(runEntry);
  const candidates: Candidates = { runs: mergeRuns(runs.sort(runOrder), []) };
  const last = record.last_success;
  if (last !== undefined && believed(last.timestamp)) candidates.bestPass = lastSuccessRef(last);
  if (!believed(record.timestamp)) return candidates;
  const best: Evidence = {
    seconds: isoSeconds(record.timestamp),
    changeNumber: record.change_number,
    seq: -1,
    result: record.ci_result,
    reviewUrl: record.review_url,
    patchSet: record.patch_set,
    branch: record.branch,
    ciId: record.ci_id,
    comment: record.comment,
  };
  candidates.best = best;
  if (record.ci_result) candidates.bestPass = passRef(best);
  return candidates;
}

/** The first date of a record (its own, last_success's or a run's) that is after `notAfter` (ms), if any. */
export function dateAfter(record: VerificationRecord, notAfter: number): string | undefined {
  const dates = [
    record.timestamp,
    record.last_success?.timestamp,
    ...(record.recent ?? []).map((r) => r.timestamp),
  ];
  return dates.find((date) => date !== undefined && isoSeconds(date) * 1000 > notAfter);
}

function lastSuccessRef(last: NonNullable<VerificationRecord['last_success']>): PassRef {
  return {
    seconds: isoSeconds(last.timestamp),
    changeNumber: changeNumberOfUrl(last.review_url),
    seq: -1,
    reviewUrl: last.review_url,
  };
}

function runEntry(run: Run): RunEntry {
  return {
    seconds: isoSeconds(run.timestamp),
    changeNumber: run.change_number,
    patchSet: run.patch_set,
    result: run.ci_result,
  };
}

export function recordOf(candidates: Candidates): VerificationRecord | undefined {
  const { best, bestPass } = candidates;
  if (best === undefined) return undefined;
  const record: VerificationRecord = {
    ci_result: best.result,
    review_url: best.reviewUrl,
    change_number: best.changeNumber,
    patch_set: best.patchSet,
    branch: best.branch,
    ci_id: best.ciId,
    comment: best.comment,
    timestamp: toIsoSeconds(best.seconds * 1000),
  };
  if (!best.result && bestPass !== undefined) {
    record.last_success = {
      review_url: bestPass.reviewUrl,
      timestamp: toIsoSeconds(bestPass.seconds * 1000),
    };
  }
  const runs = candidates.runs ?? [];
  if (runs.length > 0) {
    record.recent = runs.map((run) => ({
      timestamp: toIsoSeconds(run.seconds * 1000),
      change_number: run.changeNumber,
      patch_set: run.patchSet,
      ci_result: run.result,
    }));
  }
  return record;
}
