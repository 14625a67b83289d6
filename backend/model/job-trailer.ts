// How the jobs' own commits are recognised: `driverlog update` and `driverlog sync` end every commit
// message with a trailer naming the job, e.g. "DriverLog-Job: update". `validate --changed-since` trusts
// the machine-written fields of such commits (and only the fields of that job). Anyone can type a
// trailer, so the pull-request workflow backs it: update pushes to the main branch itself (a pull request
// with an update commit is refused), and a pull request with a sync commit must pass `sync --check`.

export type Job = 'update' | 'sync';

export const JOB_TRAILER = 'DriverLog-Job';

const TRAILER = new RegExp(`^${JOB_TRAILER}: (update|sync)$`, 'm');

/** The commit message with the job's trailer as its last paragraph. */
export function withJobTrailer(message: string, job: Job): string {
  return `${message.trimEnd()}\n\n${JOB_TRAILER}: ${job}\n`;
}

/** The job whose trailer the message carries, if any. */
export function jobOfMessage(message: string): Job | undefined {
  return TRAILER.exec(message)?.[1] as Job | undefined;
}
