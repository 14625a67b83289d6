// Lines that any CI may post on a change, none of them naming the driver's own job. A pattern that
// matches one of them cannot tell this driver's result from another job's or another CI's: the
// original DriverLog's "SUCCESS" and "Build succeeded" patterns reported drivers as passing when
// only some unrelated job had.

export interface CiLine {
  text: string;
  outcome: 'success' | 'failure' | 'neutral';
  origin: string;
}

export const GENERIC_CI_LINES: readonly CiLine[] = [
  { text: 'Build succeeded.', outcome: 'success', origin: 'Zuul summary' },
  { text: 'Build succeeded (check pipeline).', outcome: 'success', origin: 'Zuul v3 summary' },
  { text: 'Build failed.', outcome: 'failure', origin: 'Zuul summary' },
  { text: 'Build failed (check pipeline).', outcome: 'failure', origin: 'Zuul v3 summary' },
  {
    text: '- unrelated-job https://logs.example.org/1 : SUCCESS in 1h 02m 03s',
    outcome: 'success',
    origin: 'Zuul job line',
  },
  {
    text: '- unrelated-job https://logs.example.org/2 : FAILURE in 12m 30s',
    outcome: 'failure',
    origin: 'Zuul job line',
  },
  {
    text: '- unrelated-job-nv https://logs.example.org/3 : FAILURE in 5m 10s (non-voting)',
    outcome: 'failure',
    origin: 'Zuul job line',
  },
  {
    text: '- unrelated-job https://logs.example.org/4 : POST_FAILURE in 40m 00s',
    outcome: 'failure',
    origin: 'Zuul job line',
  },
  {
    text: '- unrelated-job https://logs.example.org/5 : TIMED_OUT in 3h 00m 00s',
    outcome: 'failure',
    origin: 'Zuul job line',
  },
  {
    text: 'unrelated-job http://ci.example.org/logs/6 : SUCCESS',
    outcome: 'success',
    origin: 'old Zuul job line',
  },
  {
    text: 'unrelated-job http://ci.example.org/logs/7 : FAILURE',
    outcome: 'failure',
    origin: 'old Zuul job line',
  },
  { text: 'Build Successful', outcome: 'success', origin: 'Jenkins Gerrit Trigger' },
  { text: 'Build Failed', outcome: 'failure', origin: 'Jenkins Gerrit Trigger' },
  { text: 'Build Unstable', outcome: 'failure', origin: 'Jenkins Gerrit Trigger' },
  {
    text: 'http://jenkins.example.org/job/unrelated-job/42/ : SUCCESS',
    outcome: 'success',
    origin: 'Jenkins job line',
  },
  {
    text: 'http://jenkins.example.org/job/unrelated-job/43/ : FAILURE',
    outcome: 'failure',
    origin: 'Jenkins job line',
  },
  { text: 'Build successful.', outcome: 'success', origin: 'custom CI summary' },
  { text: 'Starting check jobs.', outcome: 'neutral', origin: 'Zuul start notice' },
  {
    text: 'Build Started http://jenkins.example.org/job/unrelated-job/44/',
    outcome: 'neutral',
    origin: 'Jenkins start notice',
  },
  { text: 'Merge Failed.', outcome: 'neutral', origin: 'Zuul merge notice' },
];
