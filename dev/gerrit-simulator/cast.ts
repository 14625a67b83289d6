import { compilePattern, searchLine } from '../../backend/ci/pattern.ts';
import { gerritProject } from '../../backend/model/driver-key.ts';
import { isPatternCi, type Registry } from '../../backend/model/types.ts';
import { lineMaker, type LineMaker } from './ci-message-lines.ts';
import type { SimAccount } from './types.ts';

// Who takes part in a generated history: Zuul, a few people, and every CI account of the registry.

export interface CiDriver {
  line: LineMaker;
  /** Whether a line would read as this driver failing (to keep decoy lines honest). */
  failsOn: (line: string) => boolean;
  /** Header-style results are one per comment; job lines are one per driver. */
  header: boolean;
}

export interface CiGroup {
  ciId: string;
  accountId: number;
  drivers: CiDriver[];
}

export interface Cast {
  accounts: SimAccount[];
  zuul: number;
  humans: number[];
  /** Gerrit projects with the CI accounts that comment on each. */
  projects: Array<{ name: string; groups: CiGroup[] }>;
}

const PEOPLE = [
  ['adev', 'Ana Developer'],
  ['bcore', 'Bo Core'],
  ['cstack', 'Chen Stack'],
  ['dnova', 'Dara Nova'],
  ['eops', 'Eli Ops'],
  ['fvendor', 'Femi Vendor'],
  ['gstable', 'Gus Stable'],
  ['hreview', 'Hana Review'],
] as const;

export function buildCast(registry: Registry, inactiveCis: readonly string[] = []): Cast {
  const accounts: SimAccount[] = [
    {
      _account_id: 1000001,
      username: 'zuul',
      name: 'Zuul',
      email: 'zuul@opendev.example',
      http_password: 'zuul-pw',
    },
  ];
  const humans = PEOPLE.map(([username, name], i) => {
    accounts.push({
      _account_id: 1000010 + i,
      username,
      name,
      email: `${username}@example.org`,
      http_password: `${username}-pw`,
    });
    return 1000010 + i;
  });
  const ciAccounts = new Map<string, number>();
  const projects = new Map<string, Map<string, CiGroup>>();
  for (const project of registry.projects) projects.set(project.id, new Map());
  for (const driver of registry.drivers) {
    const ci = driver.ci;
    if (!isPatternCi(ci)) continue;
    let accountId = ciAccounts.get(ci.id);
    if (accountId === undefined) {
      accountId = 1000100 + ciAccounts.size;
      ciAccounts.set(ci.id, accountId);
      const account: SimAccount = {
        _account_id: accountId,
        username: ci.id,
        name: `${driver.vendor} CI`,
        email: `${ci.id.toLowerCase()}@ci.example.org`,
        http_password: `${ci.id}-pw`,
      };
      if (inactiveCis.includes(ci.id)) account.inactive = true;
      accounts.push(account);
    }
    const name = gerritProject(driver);
    const groups = projects.get(name) ?? new Map<string, CiGroup>();
    projects.set(name, groups);
    const group = groups.get(ci.id) ?? { ciId: ci.id, accountId, drivers: [] };
    groups.set(ci.id, group);
    const failure = compilePattern(ci.failure_pattern);
    const line = lineMaker(ci);
    group.drivers.push({
      line,
      failsOn: (text) => failure.ok && searchLine(failure.regex, text),
      header: line.kind !== 'job',
    });
  }
  return {
    accounts,
    zuul: 1000001,
    humans,
    projects: [...projects].map(([name, groups]) => ({ name, groups: [...groups.values()] })),
  };
}
