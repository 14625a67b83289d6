// How the jobs' own commits are recognised: `driverlog update` and `driverlog sync` end every commit
// message with a trailer naming the job, e.g. "DriverLog-Job: update". `validate --changed-since` trusts
// the machine-written fields of such commits (and only the fields of that job). Anyone can type a
// trailer, so the pull-request workflow backs it: update pushes to the main branch itself (a pull request
// with an update commit is refused), and a pull request with a sync commit must pass `sync --check`. The
// workflow asks `driverlog job-commits`, which calls jobOfMessage too: one rule for both.

export type Job = 'update' | 'sync';

export const JOB_TRAILER = 'DriverLog-Job';

const JOBS: readonly Job[] = ['update', 'sync'];

// Other programs end lines at these too (a /m regular expression does, at \r, U+2028 and U+2029): a trailer
// hidden behind one would be a trailer to some readers and not to others. A message holding one is no job's.
const OTHER_LINE_BREAKS = /[\r\u2028\u2029]/;

/** The commit message with the job's trailer as its last paragraph. */
export function withJobTrailer(message: string, job: Job): string {
  // Our own messages quote upstream titles: a stray line break there must not disown the commit.
  const plain = message.replace(/[\r\u2028\u2029]/g, ' ');
  return `${plain.trimEnd()}\n\n${JOB_TRAILER}: ${job}\n`;
}

/**
 * The job whose trailer the message carries, if any: a line `DriverLog-Job: <job>` of its last paragraph
 * (lines split at `\n` only, paragraphs at blank lines). None when the message holds `\r`, U+2028 or U+2029,
 * or when its last paragraph names both jobs.
 */
export function jobOfMessage(message: string): Job | undefined {
  if (OTHER_LINE_BREAKS.test(message)) return undefined;
  const lines = message.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  const named = new Set<Job>();
  for (const line of lines.slice(start, end)) {
    for (const job of JOBS) if (line === `${JOB_TRAILER}: ${job}`) named.add(job);
  }
  return named.size === 1 ? [...named][0] : undefined;
}
