import { editRuns, run, type FailingCase } from '../failing-case.ts';

// A runs file is written by `driverlog update`; these are what a hand edit or a bad merge leaves.
export const failingCases: FailingCase[] = [
  {
    check: 'runs-schema',
    runs: () =>
      editRuns((f) => {
        f.drivers[0]!.recent.Rocky = Array.from({ length: 11 }, (_, i) => run({ change_number: 600001 + i }));
      }),
    pointer: '/drivers/0/recent/Rocky',
    message: /^has 11 items; at most 10 are allowed$/,
  },
  {
    check: 'runs-schema',
    runs: () => editRuns((f) => delete (f.drivers[0]!.recent.Rocky![0] as { ci_result?: boolean }).ci_result),
    pointer: '/drivers/0/recent/Rocky/0',
    message: /^missing required property "ci_result"$/,
    hint: /^add "ci_result"$/,
  },
  {
    check: 'runs-schema',
    runs: () => editRuns((f) => Object.assign(f.drivers[0]!.recent.Rocky![0]!, { change_number: '600001' })),
    pointer: '/drivers/0/recent/Rocky/0/change_number',
    message: /^must be an integer, not a string$/,
  },
  {
    check: 'runs-schema',
    runs: () => editRuns((f) => (f.drivers[0]!.recent = { rocky: [run()] })),
    pointer: '/drivers/0/recent/rocky',
    message: /^"rocky" is not a valid key here$/,
    hint: /a release id is one capitalised word, e\.g\. "Rocky"/,
  },
  {
    check: 'runs-schema',
    runs: () => editRuns((f) => (f.drivers[0]!.recent.Rocky = [])),
    pointer: '/drivers/0/recent/Rocky',
    message: /^must not be an empty list$/,
  },
  {
    // Records belong in the registry: a runs file holds only the driver's identity and its runs.
    check: 'runs-schema',
    runs: () => editRuns((f) => Object.assign(f.drivers[0]!, { verification: {} })),
    pointer: '/drivers/0/verification',
    message: /^unknown property "verification"$/,
    hint: /allowed here: "project_id", "vendor", "name", "recent"/,
  },
  {
    check: 'runs-schema',
    runs: () => ({ drivers: {} }),
    pointer: '/drivers',
    message: /^must be an array, not an object$/,
  },
];
