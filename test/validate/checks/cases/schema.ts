import { acme, ci, edit, run, type FailingCase } from '../failing-case.ts';

// Every free-text field is capped; the cap is reported in the registry's terms, quickly, however long
// the text (a 1 MB description once took minutes to validate).
export const failingCases: FailingCase[] = [
  {
    check: 'schema',
    registry: () => edit((r) => (acme(r).description = 'A'.repeat(1_000_000))),
    pointer: '/drivers/0/description',
    message: /^is 1,000,000 characters long; at most 5,000 are allowed$/,
    hint: /paragraph or two.*wiki/,
  },
  {
    check: 'schema',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-iscsi-tempest '.repeat(5_000) + 'SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /^is 95,007 characters long; at most 1,000 are allowed$/,
    hint: /the job name and the result, e\.g\. "my-job \\S\+ : SUCCESS"/,
  },
  {
    check: 'schema',
    registry: () => edit((r) => (acme(r).name = '😀'.repeat(121))),
    pointer: '/drivers/0/name',
    message: /^is 121 characters long; at most 120 are allowed$/,
  },
  {
    // Runs inline, as the registry held them before they moved to the runs file.
    check: 'schema',
    registry: () => edit((r) => (acme(r).verification!.Rocky!.recent = [run()])),
    pointer: '/drivers/0/verification/Rocky/recent',
    message: /^unknown property "recent"$/,
    hint: /^run `driverlog format` on the registry: it moves the runs into the runs file beside it \(default_data\.runs\.json\), where `driverlog update` keeps them$/,
  },
];
