import { acme, withVendors, type FailingCase } from '../failing-case.ts';

const unknown = (vendor: string, hint: RegExp): FailingCase => ({
  check: 'unknown-vendor',
  severity: 'warning',
  registry: () => withVendors((r) => (acme(r).vendor = vendor)),
  pointer: '/drivers/0/vendor',
  message: new RegExp(`^vendor "${vendor}" is not in the vendors list$`),
  hint,
});

export const failingCases: FailingCase[] = [
  unknown('Acne', /^did you mean "Acme"\? Otherwise add the company to "vendors"$/),
  // Close to a former name: the company's current name is suggested.
  unknown('Zenitth', /^did you mean "Acme"\?/),
  unknown(
    'Bolt',
    /^add the company to "vendors" \(an id, its name "Bolt", and any former names as aliases\)$/,
  ),
];

export const passingCases: Array<[string, () => unknown]> = [
  ['a registry without a vendors list names any vendor', () => withVendors((r) => delete r.vendors)],
];
