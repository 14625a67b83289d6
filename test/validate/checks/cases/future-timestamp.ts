import { acme, edit, editRuns, run, type FailingCase } from '../failing-case.ts';

// The suite validates at the real time; these dates are far enough ahead for that. The clock skew and
// the exact boundary are tested with an injected time in future-timestamp.test.ts.
export const failingCases: FailingCase[] = [
  {
    check: 'future-timestamp',
    registry: () =>
      edit((r) =>
        Object.assign(acme(r).verification!.Rocky!, { ci_result: true, timestamp: '2099-01-01T00:00:00Z' }),
      ),
    pointer: '/drivers/0/verification/Rocky/timestamp',
    message: /^timestamp "2099-01-01T00:00:00Z" is later than now \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/,
    hint: /written by `driverlog update`/,
  },
  {
    check: 'future-timestamp',
    registry: () =>
      edit((r) =>
        Object.assign(acme(r).verification!.Rocky!, {
          ci_result: false,
          last_success: { review_url: 'https://review.example.org/c/1', timestamp: '2099-01-01T00:00:00Z' },
        }),
      ),
    pointer: '/drivers/0/verification/Rocky/last_success/timestamp',
    message: /^timestamp "2099-01-01T00:00:00Z" is later than now/,
  },
  {
    check: 'future-timestamp',
    runs: () =>
      editRuns((f) => f.drivers[0]!.recent.Rocky!.unshift(run({ timestamp: '2099-01-01T00:00:00Z' }))),
    pointer: '/drivers/0/recent/Rocky/0/timestamp',
    message: /^timestamp "2099-01-01T00:00:00Z" is later than now/,
    hint: /written by `driverlog update`/,
  },
  {
    // A frozen scan position: every later run would ask Gerrit for changes after 9999.
    check: 'future-timestamp',
    registry: () =>
      edit((r) => {
        r.scan_state = {
          gerrit_url: 'https://review.example.org',
          projects: { 'openstack/cinder': { updated: '9999-12-31 23:59:59.000000000' } },
        };
      }),
    pointer: '/scan_state/projects/openstack~1cinder/updated',
    message: /^updated "9999-12-31 23:59:59\.000000000" is later than now/,
  },
];
