import { acme, edit, withVendors, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'url-scheme',
    registry: () => withVendors((r) => (r.vendors![0]!.url = 'javascript:alert(1)')),
    pointer: '/vendors/0/url',
    message: /^url /,
  },
  {
    check: 'url-scheme',
    registry: () =>
      edit((r) =>
        Object.assign(acme(r).verification!.Rocky!, {
          ci_result: false,
          last_success: { review_url: 'javascript:alert(1)', timestamp: '2018-08-01T10:00:00Z' },
        }),
      ),
    pointer: '/drivers/0/verification/Rocky/last_success/review_url',
    message: /^review_url "javascript:alert\(1\)" uses "javascript:"/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['a vendor with its web site', () => withVendors((r) => (r.vendors![0]!.url = 'https://acme.example'))],
];
