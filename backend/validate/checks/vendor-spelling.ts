import { vendorKey } from '../../model/vendor-key.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';
import { quote } from '../quote.ts';

// The dashboard filters by vendor; "Dell EMC" and "Dell-EMC" would show as two vendors.
const normalize = vendorKey;

export const vendorSpelling: Check = {
  id: 'vendor-spelling',
  description: 'A vendor is spelled one way across all drivers.',
  run: ({ data }) => {
    const drivers = listOf(data, 'drivers') ?? [];
    const spellings = new Map<string, Map<string, number>>();
    for (const driver of drivers) {
      const vendor = stringAt(driver.value, 'vendor');
      if (vendor === undefined) continue;
      const counts = spellings.get(normalize(vendor)) ?? new Map<string, number>();
      spellings.set(normalize(vendor), counts.set(vendor, (counts.get(vendor) ?? 0) + 1));
    }
    // The most used spelling is taken as the intended one; ties go to the first seen.
    const preferredOf = new Map<string, string>();
    for (const [key, counts] of spellings) {
      if (counts.size > 1)
        preferredOf.set(key, [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]);
    }
    const problems: Problem[] = [];
    for (const driver of drivers) {
      const vendor = stringAt(driver.value, 'vendor');
      if (vendor === undefined) continue;
      const key = normalize(vendor);
      const preferred = preferredOf.get(key);
      const counts = spellings.get(key);
      if (preferred === undefined || counts === undefined || vendor === preferred) continue;
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
