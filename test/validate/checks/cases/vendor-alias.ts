import { acme, withVendors, type FailingCase } from '../failing-case.ts';

const written = (vendor: string, message: RegExp): FailingCase => ({
  check: 'vendor-alias',
  severity: 'warning',
  registry: () => withVendors((r) => (acme(r).vendor = vendor)),
  pointer: '/drivers/0/vendor',
  message,
  hint: /^write "vendor": "Acme"; the vendors entry "acme" keeps the company's other names for search$/,
});

export const failingCases: FailingCase[] = [
  written('Zenith', /^"Zenith" is an alias of "Acme"$/),
  // Spelled as vendorKey compares: "Acme-Storage" is the alias "Acme Storage".
  written('Acme-Storage', /^"Acme-Storage" is an alias of "Acme"$/),
  written('ACME', /^"ACME" is spelled "Acme" in the vendors list$/),
];

export const passingCases: Array<[string, () => unknown]> = [
  ['drivers name their vendor as its vendors entry does', () => withVendors()],
];
