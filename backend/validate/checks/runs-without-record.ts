import type { Check } from './check.ts';

// Runs are kept for a record: a driver renamed or removed by hand, or a record `update` dropped (its CI block
// changed), leaves runs that nothing shows. They are harmless, and the next `update` removes them; saying so
// keeps a reader from wondering why the dashboard does not show them.

export const runsWithoutRecord: Check = {
  id: 'runs-without-record',
  description: 'Every driver and release in a runs file has a verification record in the registry.',
  run: ({ unmatchedRuns }) =>
    (unmatchedRuns ?? []).map(({ pointer, driver, release }) => ({
      check: 'runs-without-record',
      severity: 'warning',
      pointer,
      message: `runs of ${driver}${release === undefined ? '' : ` on ${release}`} belong to no verification record in the registry`,
      hint: 'leave them: the next `driverlog update` drops them (a renamed driver starts its runs again; a changed ci block drops its records and runs)',
    })),
};
