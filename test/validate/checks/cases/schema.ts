import { acme, ci, edit, type FailingCase } from '../failing-case.ts';

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
    check: 'schema',
    registry: () =>
      edit((r) => {
        acme(r).verification!.Rocky!.recent = Array.from({ length: 11 }, (_, i) => ({
          timestamp: '2018-09-01T10:00:00Z',
          change_number: 600001 + i,
          patch_set: 1,
          ci_result: true,
        }));
      }),
    pointer: '/drivers/0/verification/Rocky/recent',
    message: /^has 11 items; at most 10 are allowed$/,
  },
];
