import { withVendors, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'whitespace',
    severity: 'warning',
    registry: () => withVendors((r) => r.vendors!.push({ id: 'bolt', name: 'Bolt ' })),
    pointer: '/vendors/1/name',
    message: /^name "Bolt " has leading or trailing spaces$/,
  },
];
