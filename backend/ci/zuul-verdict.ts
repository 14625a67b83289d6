import type { RE2JS } from 're2js';
import type { JobResult } from '../model/types.ts';
import type { CommentVerdict } from './match-comment.ts';
import { decides, failed, type ZuulJobLine, type ZuulReport } from './zuul-report.ts';

/** The most jobs a record lists (the schema's cap). */
export const MAX_RECORDED_JOBS = 10;

/** Why a Zuul report says nothing of the driver. */
export type ReportReason =
  /** None of the driver's jobs is in the report (and it is not the short form): `seen` are the report's jobs. */
  | { kind: 'no-driver-jobs'; seen: string[] }
  /** The driver's jobs in the report all are non-voting or did not run, as `jobs` shows them. */
  | { kind: 'no-deciding-jobs'; jobs: string[] };

/**
 * Rule 2 of judgeComment: the driver's jobs are the report's job lines whose name one of `jobs` matches in full
 * (every line without `jobs`); non-voting and skipped ones never decide. Any deciding failure fails; otherwise a
 * deciding job passes (SUCCESS or a job's own success message). In the short form, which drops the SUCCESS
 * lines and says so, a driver's job that does not appear passed.
 */
export function zuulVerdict(
  report: ZuulReport,
  jobs: readonly RE2JS[] | undefined,
): CommentVerdict | ReportReason {
  const own =
    jobs === undefined ? report.jobs : report.jobs.filter((job) => jobs.some((re) => re.testExact(job.name)));
  const deciding = own.filter(decides);
  const recorded = deciding.slice(0, MAX_RECORDED_JOBS).map(jobResult);
  const failing = deciding.find(failed);
  if (failing !== undefined) return { result: false, line: failing.line, judgedBy: 'zuul', jobs: recorded };
  if (deciding.length > 0) return { result: true, line: deciding[0]!.line, judgedBy: 'zuul', jobs: recorded };
  if (report.omitted !== undefined) return { result: true, line: report.omitted, judgedBy: 'zuul', jobs: [] };
  if (own.length === 0) return { kind: 'no-driver-jobs', seen: report.jobs.map((job) => job.name) };
  return { kind: 'no-deciding-jobs', jobs: own.map(shown) };
}

function jobResult(job: ZuulJobLine): JobResult {
  return { name: job.name, result: job.result, ...(job.url !== undefined ? { url: job.url } : {}) };
}

function shown(job: ZuulJobLine): string {
  return job.nonVoting ? `${job.name} ${job.result} (non-voting)` : `${job.name} ${job.result}`;
}
