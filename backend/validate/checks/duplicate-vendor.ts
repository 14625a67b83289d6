import { vendorKey } from '../../model/vendor-key.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';
import { quote } from '../../common/quote.ts';

// A vendor id is a URL on the dashboard, and a name or alias decides which company a driver is: each may
// belong to one entry only, or a driver's company would depend on the order of the list.
export const duplicateVendor: Check = {
  id: 'duplicate-vendor',
  description: 'No vendor id, name or alias is used twice in the vendors list.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const ids = new Map<string, string>();
    // Names and aliases compare as vendorKey does: "Dell EMC" and "dell-emc" are one name.
    const names = new Map<string, { text: string; pointer: string }>();
    for (const vendor of listOf(data, 'vendors') ?? []) {
      const id = stringAt(vendor.value, 'id');
      if (id !== undefined) {
        const earlier = ids.get(id);
        if (earlier === undefined) ids.set(id, vendor.pointer);
        else problems.push(twice(`${vendor.pointer}/id`, `vendor id ${quote(id)}`, earlier));
      }
      const texts: Array<{ text: string; pointer: string }> = [];
      const name = stringAt(vendor.value, 'name');
      if (name !== undefined) texts.push({ text: name, pointer: `${vendor.pointer}/name` });
      const aliases = isRecord(vendor.value) ? vendor.value.aliases : undefined;
      if (Array.isArray(aliases)) {
        aliases.forEach((alias, i) => {
          if (typeof alias === 'string')
            texts.push({ text: alias, pointer: `${vendor.pointer}/aliases/${i}` });
        });
      }
      for (const entry of texts) {
        const key = vendorKey(entry.text);
        const earlier = names.get(key);
        if (earlier === undefined) names.set(key, entry);
        else {
          const same = earlier.text === entry.text ? '' : ` (as ${quote(earlier.text)})`;
          problems.push(twice(entry.pointer, `${quote(entry.text)}${same}`, earlier.pointer));
        }
      }
    }
    return problems;
  },
};

function twice(pointer: string, what: string, earlier: string): Problem {
  return {
    check: 'duplicate-vendor',
    severity: 'error',
    pointer,
    message: `${what} is already used at ${earlier}`,
    hint: 'one company is one entry: merge the two, or remove the repeated name (names and aliases match regardless of case, spaces and punctuation)',
  };
}
