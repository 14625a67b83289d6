import { withVendors, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'url-scheme',
    registry: () => withVendors((r) => (r.vendors![0]!.url = 'javascript:alert(1)')),
    pointer: '/vendors/0/url',
    message: /^url /,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['a vendor with its web site', () => withVendors((r) => (r.vendors![0]!.url = 'https://acme.example'))],
];
