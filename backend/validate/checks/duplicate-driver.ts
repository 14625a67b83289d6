import { companyKey } from '../../model/resolve-vendor.ts';
import { INVISIBLE, withoutInvisible } from '../invisible.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { driverLabel, hasDriverKey, listOf, vendorsResolver } from './shape.ts';

// A driver is identified by (project_id, vendor, name): the dashboard, the API and the batch job's
// verification records all key on it, so two entries with one identity would overwrite each other.
// Case, runs of spaces or tabs and invisible characters are ignored: "Dell EMC", "Dell  Emc" and
// "Dell\tEMC" are one name to a reader (and to the dashboard's page names). Vendors are one when
// they are one company (model/resolve-vendor.ts): "Dell EMC" is Dell's alias, "Dell-EMC" its spelling.
export const identity = (text: string): string =>
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
    const resolve = vendorsResolver(data);
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      if (!hasDriverKey(driver.value)) continue;
      const { project_id: project, vendor, name } = driver.value;
      const company = companyKey(resolve, withoutInvisible(vendor));
      // An identity holds no line feed (every run of spaces is one ' '), so the key splits one way only.
      const key = `${identity(project)}\n${identity(name)}\n${company}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, driver.index);
      else {
        problems.push({
          check: 'duplicate-driver',
          severity: 'error',
          pointer: driver.pointer,
          message: `driver ${driverLabel(driver.value)} of ${project} is already listed as drivers[${earlier}]`,
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
