// Zuul's report as zuul/reporter/__init__.py writes it, for third-party Zuuls and OpenDev's own: a status line
// naming the pipeline, the buildset, and `- {job} {url} : {RESULT}[ {error}][ in …][ (non-voting)]` per job. A
// job's success_message replaces SUCCESS; the short form leaves the SUCCESS lines out and says so.

export interface ReportJob {
  name: string;
  /** SUCCESS, a failure (FAILURE, POST_FAILURE, …) or SKIPPED. */
  result: string;
  nonVoting?: boolean;
  /** Absent: the line has none (Zuul leaves it out when a build has no log). */
  url?: string;
  /** `1h 02m 03s`, `42m 10s`; absent for jobs that did not run. */
  elapsed?: string;
  /** The job's own word for SUCCESS. */
  successMessage?: string;
}

export interface ReportOptions {
  /** `Build succeeded (<pipeline> pipeline).`; absent: `Build succeeded.` */
  pipeline?: string;
  buildset?: string;
  /** The short form: SUCCESS lines left out, with Zuul's sentence saying so. */
  shortForm?: boolean;
}

export const OMITTED_SENTENCE = 'Successful jobs omitted due to length restrictions.';

/** Succeeded unless a voting job that ran did not succeed. */
export function reportPassed(jobs: readonly ReportJob[]): boolean {
  return jobs.every((job) => job.nonVoting || job.result === 'SUCCESS' || job.result === 'SKIPPED');
}

export function jobLine(job: ReportJob): string {
  const word = job.result === 'SUCCESS' && job.successMessage !== undefined ? job.successMessage : job.result;
  const url = job.url === undefined ? ' ' : ` ${job.url}`;
  const elapsed = job.elapsed === undefined ? '' : ` in ${job.elapsed}`;
  return `- ${job.name}${url} : ${word}${elapsed}${job.nonVoting ? ' (non-voting)' : ''}`;
}

/** The report's text (without Gerrit's `Patch Set N:` header). */
export function reportText(jobs: readonly ReportJob[], options: ReportOptions = {}): string {
  const status = reportPassed(jobs) ? 'succeeded' : 'failed';
  const header = `Build ${status}${options.pipeline === undefined ? '' : ` (${options.pipeline} pipeline)`}.`;
  const shown = options.shortForm ? jobs.filter((job) => job.result !== 'SUCCESS') : jobs;
  const parts = [header];
  if (options.buildset !== undefined) parts.push(options.buildset);
  const lines = shown.map(jobLine);
  if (options.shortForm) lines.push('', OMITTED_SENTENCE);
  parts.push(lines.join('\n'));
  return `${parts.join('\n\n')}\n`;
}
