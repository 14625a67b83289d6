import { withVendors, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'order',
    registry: () => withVendors((r) => r.vendors!.unshift({ id: 'bolt', name: 'Bolt' })),
    pointer: '/vendors/1',
    message: /^vendor "acme" is out of place: it belongs before vendor "bolt" \(vendors are sorted by id\)$/,
    hint: /driverlog format/,
  },
];
