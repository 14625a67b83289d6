// The strip of a driver's recent runs on one release: a mark per run, newest first, each linking to
// its review. The words for a run and for a summary are backend/ci/run-words.ts', shared with check-ci
// and the update report.
import { runWords } from '../../../backend/ci/run-words.ts';
import type { Run } from '../../../backend/model/types.ts';
import { runUrl } from './feed-events.ts';

export const STRIP_LENGTH = 10;

export interface RunMark {
  ok: boolean;
  at: number;
  href?: string;
  /** For screen readers, true on any day: "passed on 2026-11-27 10:00 UTC, change 123 patch set 2". */
  words: string;
}

export function runMarks(
  recent: readonly Run[],
  reviewUrl: string,
  gerritUrl: string,
  project: string,
): RunMark[] {
  return recent.slice(0, STRIP_LENGTH).map((run) => {
    const mark: RunMark = { ok: run.ci_result, at: Date.parse(run.timestamp), words: runWords(run) };
    const href = runUrl(run, reviewUrl, gerritUrl, project);
    if (href) mark.href = href;
    return mark;
  });
}

/** The runs a page carries for its summary to be reworded when read: [passed 0|1, seconds], newest first. */
export function encodeRuns(recent: readonly Run[]): string {
  return JSON.stringify(
    recent
      .slice(0, STRIP_LENGTH)
      .map((run) => [run.ci_result ? 1 : 0, Math.round(Date.parse(run.timestamp) / 1000)]),
  );
}

export function decodeRuns(text: string): Run[] {
  return (JSON.parse(text) as Array<[number, number]>).map(([ok, at]) => ({
    timestamp: new Date(at * 1000).toISOString(),
    change_number: 0,
    patch_set: 0,
    ci_result: ok === 1,
  }));
}
