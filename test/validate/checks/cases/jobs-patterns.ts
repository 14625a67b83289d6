// ci.jobs entries are held to the rules of every CI pattern, by the same checks.
import { acme, edit, type FailingCase } from '../failing-case.ts';

const withJobs =
  (...jobs: string[]) =>
  () =>
    edit((r) => (acme(r).ci = { wiki_name: 'Acme_CI', jobs }));

export const failingCases: FailingCase[] = [
  {
    check: 'pattern-syntax',
    registry: withJobs('acme-tempest', 'acme-(fc'),
    pointer: '/drivers/0/ci/jobs/1',
    message: /^jobs entry "acme-\(fc" is not a valid RE2 pattern: missing closing \)/,
  },
  {
    // Compiled alone, not inside the anchors the update puts around it: "a)(b" is no pattern.
    check: 'pattern-syntax',
    registry: withJobs('a)(b'),
    pointer: '/drivers/0/ci/jobs/0',
    message: /is not a valid RE2 pattern/,
  },
  {
    check: 'pattern-backtracking',
    severity: 'warning',
    registry: withJobs('(acme-+)+tempest'),
    pointer: '/drivers/0/ci/jobs/0',
    message: /^jobs entry "\(acme-\+\)\+tempest" has nested quantifiers/,
  },
  {
    check: 'matches-everything',
    registry: withJobs('acme-fc', '.*'),
    pointer: '/drivers/0/ci/jobs/1',
    message: /^jobs entry "\.\*" matches every job name/,
  },
  {
    check: 'matches-everything',
    registry: withJobs('.+'),
    pointer: '/drivers/0/ci/jobs/0',
    message: /matches every job name/,
  },
];

// A prefix with ".*" after it is the driver's jobs, not every job.
export const passingCases: Array<[string, () => unknown]> = [
  ['jobs entries naming the driver own jobs', withJobs('cinder-tempest-acme-.*', 'acme-(fc|iscsi)')],
];
