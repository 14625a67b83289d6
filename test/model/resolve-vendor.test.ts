import { describe, expect, it } from 'vitest';
import { companyKey, resolveVendor, vendorResolver } from '../../backend/model/resolve-vendor.ts';
import type { Vendor } from '../../backend/model/types.ts';

const vendors: Vendor[] = [
  { id: 'dell', name: 'Dell', aliases: ['Dell EMC', 'EMC'] },
  { id: 'everpure', name: 'Everpure', aliases: ['Pure Storage'] },
  // Lists a name another entry has: the entry whose name it is wins.
  { id: 'emc-fan-club', name: 'EMC Fan Club', aliases: ['Dell'] },
];

describe('resolveVendor', () => {
  it.each([
    ['Dell', 'dell', 'name', 'Dell'],
    ['Dell EMC', 'dell', 'alias', 'Dell EMC'],
    ['dell-emc', 'dell', 'alias', 'Dell EMC'],
    ['EMC', 'dell', 'alias', 'EMC'],
    ['PURE STORAGE', 'everpure', 'alias', 'Pure Storage'],
    ['Everpure', 'everpure', 'name', 'Everpure'],
  ])('%s is %s (its %s %s)', (text, id, as, matched) => {
    expect(resolveVendor(vendors, text)).toEqual({
      vendor: vendors.find((v) => v.id === id),
      as,
      matched,
    });
  });

  it('finds nothing for an unlisted company, or without a list', () => {
    expect(resolveVendor(vendors, 'NetApp')).toBeUndefined();
    expect(resolveVendor(undefined, 'Dell')).toBeUndefined();
  });
});

describe('companyKey: the one rule for "the same company"', () => {
  const resolve = vendorResolver(vendors);
  it('is one for every name of a listed company', () => {
    const keys = ['Dell', 'Dell EMC', 'EMC', 'dell emc'].map((text) => companyKey(resolve, text));
    expect(new Set(keys).size).toBe(1);
    expect(companyKey(resolve, 'Everpure')).not.toBe(keys[0]);
  });

  it('compares spellings where no entry lists the company', () => {
    const none = vendorResolver(undefined);
    expect(companyKey(none, 'Hewlett-Packard')).toBe(companyKey(none, 'hewlett packard'));
    expect(companyKey(none, 'Dell EMC')).not.toBe(companyKey(none, 'Dell'));
    // A listed company's key never equals an unlisted spelling's.
    expect(companyKey(resolve, 'NetApp')).not.toBe(companyKey(resolve, 'Dell'));
  });
});
