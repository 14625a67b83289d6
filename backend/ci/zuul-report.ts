// Zuul's report, as zuul/reporter/__init__.py writes it: a status line, then one line per job,
// `- {job} {url} : {RESULT}[ {error}][ in %dh %02dm %02ds][ (non-voting)]`. A job's own success_message takes
// the place of SUCCESS; a report too long for Gerrit drops its SUCCESS lines and says so.

/** The results Zuul gives a job that did not pass. Any other word in the result slot is a pass. */
export const ZUUL_FAILURE_RESULTS: ReadonlySet<string> = new Set([
  'FAILURE',
  'ERROR',
  'POST_FAILURE',
  'TIMED_OUT',
  'RETRY_LIMIT',
  'NODE_FAILURE',
  'MERGE_CONFLICT',
  'DISK_FULL',
  'CONFIG_ERROR',
  'LOST',
  'ABORTED',
]);

// A job that never ran to the end proves nothing either way: it never decides (CANCELED is Zuul's word for a
// build stopped because its buildset was, which is not the job's own result).
const NOT_RUN: ReadonlySet<string> = new Set(['SKIPPED', 'CANCELED']);

export interface ZuulJobLine {
  name: string;
  url?: string;
  /** The word in the result slot: SUCCESS, one of the failures, SKIPPED, or a job's own success message. */
  result: string;
  nonVoting: boolean;
  /** The line, trimmed. */
  line: string;
}

export interface ZuulReport {
  status: 'succeeded' | 'failed';
  /** From `Build succeeded (<pipeline> pipeline).`; pipelines may have hyphens (`thirdparty-check`). */
  pipeline?: string;
  jobs: ZuulJobLine[];
  /** The line saying successful jobs were left out (the short form), when there is one. */
  omitted?: string;
}

// `[^\s()]+` rather than `\w+`: Gerrit's own summary plugin reads `(\w+) pipeline` and so misses `thirdparty-check`.
const STATUS = /^Build (succeeded|failed)(?: \(([^\s()]+) pipeline\))?\.$/;
const OMITTED = /successful jobs omitted due to length restrictions/i;
const NON_VOTING = ' (non-voting)';
// Zuul pads minutes and seconds (`1h 02m 03s`); older reports and other tools leave parts out (`40m`).
const ELAPSED = / in (?:\d+h(?: \d+m)?(?: \d+s)?|\d+m(?: \d+s)?|\d+s)$/;

/** A job line of a report, or undefined when the line is not one. */
export function parseJobLine(text: string): ZuulJobLine | undefined {
  const line = text.trim();
  if (!line.startsWith('- ')) return undefined;
  const colon = line.indexOf(' : ');
  if (colon < 0) return undefined;
  // Zuul writes `{job} {url}`, and `{job} ` with no url when a build has no log (two spaces before the colon).
  const head = line.slice(2, colon).trim().split(/ +/);
  if (head.length > 2 || head[0] === '') return undefined;
  let tail = line.slice(colon + 3);
  const nonVoting = tail.endsWith(NON_VOTING);
  if (nonVoting) tail = tail.slice(0, -NON_VOTING.length);
  tail = tail.replace(ELAPSED, '');
  const result = tail.split(' ', 1)[0]!;
  if (result === '') return undefined;
  const [name, url] = head as [string, string | undefined];
  return { name, ...(url !== undefined ? { url } : {}), result, nonVoting, line };
}

/**
 * The report in a comment's lines (Gerrit's `Patch Set N:` header already removed), or undefined when there is
 * none: a status line, then job lines — or, in the short form, the sentence saying the passing ones were left out.
 */
export function parseZuulReport(lines: readonly string[]): ZuulReport | undefined {
  const start = lines.findIndex((line) => STATUS.test(line.trim()));
  if (start < 0) return undefined;
  const [, status, pipeline] = STATUS.exec(lines[start]!.trim())!;
  const jobs: ZuulJobLine[] = [];
  let omitted: string | undefined;
  for (const text of lines.slice(start + 1)) {
    const job = parseJobLine(text);
    if (job !== undefined) jobs.push(job);
    else if (omitted === undefined && OMITTED.test(text)) omitted = text.trim();
  }
  if (jobs.length === 0 && omitted === undefined) return undefined;
  return {
    status: status as ZuulReport['status'],
    ...(pipeline !== undefined ? { pipeline } : {}),
    jobs,
    ...(omitted !== undefined ? { omitted } : {}),
  };
}

/** Whether a job line can decide a verdict: it votes and it ran. */
export function decides(job: ZuulJobLine): boolean {
  return !job.nonVoting && !NOT_RUN.has(job.result);
}

export function failed(job: ZuulJobLine): boolean {
  return ZUUL_FAILURE_RESULTS.has(job.result);
}
