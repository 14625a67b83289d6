import { closest } from '../../common/closest.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt, vendorsOf, vendorsResolver } from './shape.ts';
import { quote } from '../../common/quote.ts';

// A registry with a vendors list names every company in it, so the dashboard can give each one page. A
// vendor missing from it is most often a typo or a new company, both fine to publish meanwhile: a warning.
export const unknownVendor: Check = {
  id: 'unknown-vendor',
  description: "With a vendors list, every driver's vendor is one of its names (or aliases).",
  run: ({ data }) => {
    const vendors = vendorsOf(data);
    if (vendors === undefined) return [];
    const resolve = vendorsResolver(data);
    // Suggest by any name the company has gone by, but always its current name.
    const nameOf = new Map<string, string>();
    for (const vendor of vendors) {
      for (const text of [vendor.name, ...(vendor.aliases ?? [])]) {
        if (!nameOf.has(text)) nameOf.set(text, vendor.name);
      }
    }
    const candidates = [...nameOf.keys()];
    return (listOf(data, 'drivers') ?? []).flatMap((driver): Problem[] => {
      const text = stringAt(driver.value, 'vendor');
      if (text === undefined || resolve(text) !== undefined) return [];
      const near = closest(text, candidates);
      return [
        {
          check: 'unknown-vendor',
          severity: 'warning',
          pointer: `${driver.pointer}/vendor`,
          message: `vendor ${quote(text)} is not in the vendors list`,
          hint:
            near === undefined
              ? `add the company to "vendors" (an id, its name ${quote(text, 1000)}, and any former names as aliases)`
              : `did you mean ${quote(nameOf.get(near)!, 1000)}? Otherwise add the company to "vendors"`,
        },
      ];
    });
  },
};
