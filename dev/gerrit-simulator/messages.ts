import type { CiLine } from './ci-message-lines.ts';
import type { Prng } from './prng.ts';
import type { ZuulCiJob } from './zuul-ci.ts';
import { jobLine } from './zuul-report.ts';

// Message texts in the forms Gerrit, Zuul, third-party CIs and people really write.

const ZUUL_JOBS = [
  'openstack-tox-pep8',
  'openstack-tox-py311',
  'tempest-full',
  'grenade',
  'openstack-tox-docs',
];
const REVIEW_TEXTS = [
  'Looks good to me.',
  '(2 comments)\n\nJust some nits.',
  'Please add a release note.',
  '(1 comment)',
  'Thanks, this fixes the issue I saw.',
];

export function patchSetLine(patchSet: number, votes = ''): string {
  return `Patch Set ${patchSet}:${votes ? ` ${votes}` : ''}`;
}

export function withBody(patchSet: number, votes: string, body: string): string {
  return `${patchSetLine(patchSet, votes)}\n\n${body}`;
}

export function uploaded(patchSet: number): string {
  return `Uploaded patch set ${patchSet}.`;
}

/**
 * Zuul's report: header naming the pipeline, buildset link, one line per job; `extra` are the jobs of drivers whose
 * CI is this Zuul (each passes in the gate, and in a failed check passes or fails).
 */
export function zuulReport(
  rng: Prng,
  patchSet: number,
  pipeline: 'check' | 'gate',
  pass: boolean,
  extra: readonly ZuulCiJob[] = [],
): string {
  const jobs = ZUUL_JOBS.slice(0, rng.int(2, ZUUL_JOBS.length));
  const failing = pass ? -1 : rng.int(0, jobs.length - 1);
  const lines = jobs.map((job, i) => {
    const result = i === failing ? rng.pick(['FAILURE', 'POST_FAILURE', 'TIMED_OUT']) : 'SUCCESS';
    const nonVoting = job === 'grenade' ? ' (non-voting)' : '';
    return `- ${job} https://zuul.opendev.example/t/openstack/build/${rng.hex(32)} : ${result} in ${rng.duration(3, 130)}${nonVoting}`;
  });
  for (const job of extra) {
    const result = pass || rng.chance(0.5) ? 'SUCCESS' : 'FAILURE';
    const url = `https://zuul.opendev.example/t/openstack/build/${rng.hex(32)}`;
    lines.push(jobLine({ name: job.name, result, url, elapsed: rng.duration(40, 130) }));
  }
  const header = `Build ${pass ? 'succeeded' : 'failed'} (${pipeline} pipeline).`;
  const vote =
    pipeline === 'gate' ? (pass ? 'Verified+2' : 'Verified-2') : pass ? 'Verified+1' : 'Verified-1';
  const buildset = `https://zuul.opendev.example/t/openstack/buildset/${rng.hex(32)}`;
  return withBody(patchSet, vote, `${header}\n\n${buildset}\n\n${lines.join('\n')}\n`);
}

export interface CiReport {
  lines: CiLine[];
  pass: boolean;
  /** Another of the CI's jobs failed: the header says failed while the driver's own line passed. */
  extraFailure?: string;
}

/** A third-party CI's comment holding the result lines of the drivers it tests. */
export function ciReport(
  rng: Prng,
  ciId: string,
  patchSet: number,
  change: number,
  report: CiReport,
): string {
  const headers = report.lines.filter((l) => l.kind === 'zuul-header' || l.kind === 'jenkins-header');
  const jobs = report.lines.filter((l) => l.kind === 'job').map((l) => l.text);
  const texts = report.lines.filter((l) => l.kind === 'text').map((l) => l.text);
  if (report.extraFailure) jobs.push(report.extraFailure);
  const parts: string[] = [];
  if (headers.length > 0) parts.push(headers.map((h) => h.text).join('\n'));
  else if (jobs.length > 0)
    parts.push(report.pass && !report.extraFailure ? 'Build succeeded.' : 'Build failed.');
  if (jobs.length > 0) parts.push(jobs.join('\n'));
  parts.push(...texts);
  if (headers.some((h) => h.kind === 'jenkins-header')) {
    parts.push(
      `https://ci.example.org/job/${ciId}/${change}${patchSet}/ : ${report.pass ? 'SUCCESS' : 'FAILURE'}`,
    );
  }
  const votes = rng.chance(0.5) ? (report.pass ? 'Verified+1' : 'Verified-1') : '';
  return withBody(patchSet, votes, `${parts.join('\n\n')}\n`);
}

export function extraFailureLine(rng: Prng, ciId: string): string {
  return `- ${ciId}-multinode-nv https://ci.example.org/${ciId}/${rng.hex(7)} : FAILURE in ${rng.duration(20, 90)} (non-voting)`;
}

export function startingJobs(patchSet: number, ciId: string): string {
  return withBody(patchSet, '', `Starting check jobs.\nhttps://ci.example.org/${ciId}/status`);
}

export function recheck(rng: Prng, patchSet: number, ciId?: string): string {
  return withBody(patchSet, '', ciId && rng.chance(0.5) ? `recheck-${ciId}` : 'recheck');
}

export function review(rng: Prng, patchSet: number): string {
  const vote = rng.pick(['', 'Code-Review+1', 'Code-Review-1', 'Code-Review+1']);
  const body = rng.pick(REVIEW_TEXTS);
  return vote ? withBody(patchSet, vote, body) : withBody(patchSet, '', body);
}

export function approve(patchSet: number): string {
  return patchSetLine(patchSet, 'Code-Review+2 Workflow+1');
}

export const MERGED = 'Change has been successfully merged';
