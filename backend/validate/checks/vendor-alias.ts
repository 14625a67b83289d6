import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt, vendorsResolver } from './shape.ts';
import { quote } from '../../common/quote.ts';

// One company, one name: the dashboard groups and filters drivers by vendor, so a driver filed under
// "Dell EMC" would hide from Dell's page. Old entries may still carry a former name (a warning, for the
// company to tidy up); a change that writes one is refused (an error on the lines it changed, see
// changed-lines.ts).
export const vendorAlias: Check = {
  id: 'vendor-alias',
  description: "A driver's vendor is spelled as a vendors entry's name, not as one of its aliases.",
  run: ({ data }) => {
    if (listOf(data, 'vendors') === undefined) return [];
    const resolve = vendorsResolver(data);
    return (listOf(data, 'drivers') ?? []).flatMap((driver): Problem[] => {
      const text = stringAt(driver.value, 'vendor');
      const match = text === undefined ? undefined : resolve(text);
      if (text === undefined || match === undefined || text === match.vendor.name) return [];
      const name = match.vendor.name;
      return [
        {
          check: 'vendor-alias',
          severity: 'warning',
          errorWhenChanged: true,
          pointer: `${driver.pointer}/vendor`,
          message:
            match.as === 'alias'
              ? `${quote(text)} is an alias of ${quote(name)}`
              : `${quote(text)} is spelled ${quote(name)} in the vendors list`,
          hint: `write "vendor": ${quote(name, 1000)}; the vendors entry ${quote(match.vendor.id)} keeps the company's other names for search`,
        },
      ];
    });
  },
};
