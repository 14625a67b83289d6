import { companyKey } from '../../model/resolve-vendor.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt, vendorsResolver, type Item } from './shape.ts';
import { quote } from '../../common/quote.ts';

// The dashboard filters by vendor; "Dell EMC" and "Dell-EMC" would show as two vendors. A company the vendors
// list names is spelled as its entry says (vendor-alias); for the others, the most used spelling is taken as
// the intended one (ties go to the first seen). "One company" is the one rule of registry/resolve-vendor.ts.
export const vendorSpelling: Check = {
  id: 'vendor-spelling',
  description: 'A vendor the vendors list does not name is spelled one way across all drivers.',
  run: ({ data }) => {
    const resolve = vendorsResolver(data);
    const unlisted: Array<{ driver: Item; vendor: string; key: string }> = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const vendor = stringAt(driver.value, 'vendor');
      if (vendor === undefined || resolve(vendor) !== undefined) continue;
      unlisted.push({ driver, vendor, key: companyKey(resolve, vendor) });
    }
    const spellings = new Map<string, Map<string, number>>();
    for (const { vendor, key } of unlisted) {
      const counts = spellings.get(key) ?? new Map<string, number>();
      spellings.set(key, counts.set(vendor, (counts.get(vendor) ?? 0) + 1));
    }
    const problems: Problem[] = [];
    for (const { driver, vendor, key } of unlisted) {
      const counts = spellings.get(key)!;
      if (counts.size < 2) continue;
      const preferred = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
      if (vendor === preferred) continue;
      problems.push({
        check: 'vendor-spelling',
        severity: 'warning',
        pointer: `${driver.pointer}/vendor`,
        message: `vendor ${quote(vendor)} is spelled ${quote(preferred)} by ${counts.get(preferred)} other driver(s)`,
        hint: `write ${quote(preferred, 1000)}`,
      });
    }
    return problems;
  },
};
