import { INVISIBLE, withoutInvisible } from '../invisible.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { driverLabel, listOf, stringAt } from './shape.ts';

// A driver is identified by (project_id, vendor, name): the dashboard, the API and the batch job's
// verification records all key on it, so two entries with one identity would overwrite each other.
// Case, runs of spaces or tabs and invisible characters are ignored: "Dell EMC", "Dell  Emc" and
// "Dell\tEMC" are one vendor to a reader (and to the dashboard's page names).
const identity = (text: string): string =>
  (ORDINARY.test(text) ? text : withoutInvisible(text).replace(/\s+/g, ' ').trim()).toLowerCase();
// Single spaces between visible characters, nothing else that spaces or hides: most names, left as they are.
const ORDINARY = new RegExp(
  `^(?:[^\\s${INVISIBLE.source.slice(1, -1)}]+ )*[^\\s${INVISIBLE.source.slice(1, -1)}]+$`,
);

export const duplicateDriver: Check = {
  id: 'duplicate-driver',
  description: 'No two drivers share project_id, vendor and name.',
  run: ({ data, kind }) => {
    const first = new Map<string, number>();
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const parts = ['project_id', 'vendor', 'name'].map((key) => stringAt(driver.value, key));
      if (parts.some((part) => part === undefined)) continue;
      const key = JSON.stringify(parts.map((part) => identity(part!)));
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, driver.index);
      else {
        problems.push({
          check: 'duplicate-driver',
          severity: 'error',
          pointer: driver.pointer,
          message: `driver ${driverLabel(driver.value)} of ${parts[0]} is already listed as drivers[${earlier}]`,
          hint:
            kind === 'runs'
              ? 'remove one of the two: `driverlog update` writes this file with one entry per driver'
              : 'merge the two entries (releases, maintainers, ci) into one, or give them distinct names',
        });
      }
    }
    return problems;
  },
};
