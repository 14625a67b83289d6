import { edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    // Queens came out before the retirement; Rocky, on 2018-08-30, after it.
    check: 'retired-claim',
    severity: 'warning',
    registry: () => edit((r) => (r.projects[0]!.retired_on = '2018-05-01')),
    pointer: '/drivers/0/releases/1',
    message: /^"Rocky" came out on 2018-08-30, after openstack\/cinder was retired on 2018-05-01$/,
    hint: /^remove the claim: a retired project has no "Rocky" to support/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['claims up to the retirement', () => edit((r) => (r.projects[0]!.retired_on = '2018-08-30'))],
];
