import { withVendors, type FailingCase } from '../failing-case.ts';

const twice = (registry: () => unknown, pointer: string, message: RegExp): FailingCase => ({
  check: 'duplicate-vendor',
  registry,
  pointer,
  message,
  hint: /^one company is one entry: merge the two, or remove the repeated name/,
});

export const failingCases: FailingCase[] = [
  twice(
    () => withVendors(() => {}, [{ id: 'acme', name: 'Acme Two' }]),
    '/vendors/1/id',
    /^vendor id "acme" is already used at \/vendors\/0$/,
  ),
  twice(
    () => withVendors(() => {}, [{ id: 'bolt', name: 'Bolt', aliases: ['zenith'] }]),
    '/vendors/1/aliases/0',
    /^"zenith" \(as "Zenith"\) is already used at \/vendors\/0\/aliases\/1$/,
  ),
  twice(
    () => withVendors((r) => r.vendors![0]!.aliases!.push('A.C.M.E')),
    '/vendors/0/aliases/2',
    /^"A\.C\.M\.E" \(as "Acme"\) is already used at \/vendors\/0\/name$/,
  ),
];

export const passingCases: Array<[string, () => unknown]> = [
  ['two companies with names of their own', () => withVendors(() => {}, [{ id: 'bolt', name: 'Bolt' }])],
];
