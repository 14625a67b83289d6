import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// The dashboard filters by vendor; "Dell EMC" and "Dell-EMC" would show as two vendors.
const normalize = (vendor: string): string => vendor.toLowerCase().replace(/[\s\-_.,&/]+/g, '');

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
    const problems: Problem[] = [];
    for (const driver of drivers) {
      const vendor = stringAt(driver.value, 'vendor');
      const counts = vendor === undefined ? undefined : spellings.get(normalize(vendor));
      if (!counts || counts.size < 2) continue;
      // The most used spelling is taken as the intended one; ties go to the first seen.
      const [preferred] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
      if (vendor === preferred) continue;
      problems.push({
        check: 'vendor-spelling',
        severity: 'warning',
        pointer: `${driver.pointer}/vendor`,
        message: `vendor ${JSON.stringify(vendor)} is spelled ${JSON.stringify(preferred)} by ${counts.get(preferred)} other driver(s)`,
        hint: `write ${JSON.stringify(preferred)}`,
      });
    }
    return problems;
  },
};
