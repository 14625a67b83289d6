import { judgeText } from '../ci/judge-comment.ts';
import { compileCi, verdictLines } from '../ci/match-comment.ts';
import { verifiedVote } from '../ci/vote.ts';
import { decides, failed, parseZuulReport } from '../ci/zuul-report.ts';
import type { Ci } from '../model/types.ts';

export interface JobTally {
  name: string;
  passed: number;
  failed: number;
  /** Skipped or canceled: it did not run. */
  notRun: number;
  /** Seen non-voting at least once (non-voting results never decide). */
  nonVoting: boolean;
}

/** What an account's comments say about how to read them, and the ci block that would. */
export interface Suggestion {
  comments: number;
  zuulReports: number;
  /** Reports in the short form (successful jobs omitted). */
  shortForms: number;
  /** Comments with a Verified vote and no Zuul report. */
  votesOnly: number;
  pipelines: string[];
  /** Every job seen, the one that ran most first. */
  jobs: JobTally[];
  /** The block to paste, when the comments are Zuul reports or votes. */
  ci?: Ci;
  /** Comments the proposed block reads (judged on their text alone). */
  readable: number;
}

/**
 * Proposes a ci block for the account `username` from the texts of its comments: no patterns when they are Zuul
 * reports or Verified votes (judgeComment's rules 2 and 3 read them), and no `jobs` — every job line counts —
 * since the comments alone cannot tell which of a shared CI's jobs are the driver's.
 */
export function suggestCi(texts: readonly string[], username: string): Suggestion {
  const jobs = new Map<string, JobTally>();
  const pipelines = new Set<string>();
  let zuulReports = 0;
  let shortForms = 0;
  let votesOnly = 0;
  for (const text of texts) {
    const report = parseZuulReport(verdictLines(text));
    if (report === undefined) {
      if (verifiedVote(text) !== undefined) votesOnly += 1;
      continue;
    }
    zuulReports += 1;
    if (report.omitted !== undefined) shortForms += 1;
    if (report.pipeline !== undefined) pipelines.add(report.pipeline);
    for (const job of report.jobs) {
      const tally = jobs.get(job.name) ?? {
        name: job.name,
        passed: 0,
        failed: 0,
        notRun: 0,
        nonVoting: false,
      };
      jobs.set(job.name, tally);
      tally.nonVoting ||= job.nonVoting;
      if (failed(job)) tally.failed += 1;
      else if (decides({ ...job, nonVoting: false })) tally.passed += 1;
      else tally.notRun += 1;
    }
  }
  const readsAsZuul = zuulReports + votesOnly > 0 && (zuulReports + votesOnly) * 2 >= texts.length;
  const ci: Ci | undefined = readsAsZuul ? { id: username } : undefined;
  const compiled = ci === undefined ? undefined : compileCi(ci);
  const readable =
    compiled === undefined ? 0 : texts.filter((text) => 'verdict' in judgeText(text, compiled)).length;
  return {
    comments: texts.length,
    zuulReports,
    shortForms,
    votesOnly,
    pipelines: [...pipelines].sort(),
    jobs: [...jobs.values()].sort(
      (a, b) =>
        b.passed + b.failed + b.notRun - (a.passed + a.failed + a.notRun) || (a.name < b.name ? -1 : 1),
    ),
    ...(ci !== undefined ? { ci } : {}),
    readable,
  };
}
