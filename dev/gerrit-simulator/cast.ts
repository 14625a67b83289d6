import { compilePattern, searchLine } from '../../backend/ci/pattern.ts';
import { wikiFullName } from '../../backend/gerrit/ci-account.ts';
import { hasPatterns } from '../../backend/model/ci-account.ts';
import { gerritProject } from '../../backend/model/driver-key.ts';
import { isRetired } from '../../backend/model/retirement.ts';
import type { Ci, Registry } from '../../backend/model/types.ts';
import { lineMaker, type LineMaker } from './ci-message-lines.ts';
import type { SimAccount } from './types.ts';
import { zuulCi, type CiStyle, type ZuulCi, type ZuulCiJob } from './zuul-ci.ts';

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
  /** Drivers read by their patterns: their result lines, in the forms their patterns match. */
  drivers: CiDriver[];
  /** When no driver of the account has patterns: the Zuul (or voting-only) CI their comments come from. */
  zuul?: ZuulCi;
}

export interface Cast {
  accounts: SimAccount[];
  zuul: number;
  humans: number[];
  /**
   * Gerrit projects with the CI accounts that comment on each, and the jobs of drivers whose CI is OpenDev's own
   * Zuul (ci.id "zuul"), which its check and gate reports run besides its usual ones.
   */
  projects: Array<{ name: string; groups: CiGroup[]; zuulJobs: ZuulCiJob[] }>;
}

export interface CastOptions {
  /** CI usernames whose accounts are deactivated. */
  inactiveCis?: readonly string[];
  /** Wiki names (or CI ids) for which a second account with the same full name exists, which never comments. */
  sameNameAccounts?: readonly string[];
  /** A pattern-less CI's style, by its wiki name or id; by default most are Zuul reports, some vote only. */
  ciStyles?: Readonly<Record<string, CiStyle>>;
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

const ZUUL_ID = 1000001;

export function buildCast(registry: Registry, options: CastOptions = {}): Cast {
  const accounts: SimAccount[] = [
    {
      _account_id: ZUUL_ID,
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
  // A CI is its id, or — for a block with only a wiki name — an account found by that name.
  const ciAccounts = new Map<string, SimAccount>();
  const account = (label: string, ci: Ci, vendor: string): SimAccount => {
    const known = ciAccounts.get(label);
    if (known) return known;
    const username = ci.id ?? `tpci-${ciAccounts.size + 1}`;
    const created: SimAccount = {
      _account_id: 1000100 + ciAccounts.size,
      username,
      // An id's account is not named like a wiki page, so no wiki name finds it by accident.
      name: ci.id === undefined ? wikiFullName(ci.wiki_name!) : `${ci.id} (${vendor})`,
      email: `${username.toLowerCase()}@ci.example.org`,
      http_password: `${username}-pw`,
    };
    if (options.inactiveCis?.includes(username)) created.inactive = true;
    ciAccounts.set(label, created);
    accounts.push(created);
    return created;
  };
  const projects = new Map<
    string,
    { groups: Map<string, CiGroup>; blocks: Map<string, Ci[]>; zuulJobs: ZuulCiJob[] }
  >();
  const entry = (name: string) => {
    const known = projects.get(name);
    if (known) return known;
    const fresh = { groups: new Map<string, CiGroup>(), blocks: new Map<string, Ci[]>(), zuulJobs: [] };
    projects.set(name, fresh);
    return fresh;
  };
  // A retired project has no new changes and no CI: no history at all for it or its drivers.
  const retired = new Set(registry.projects.filter(isRetired).map((project) => project.id));
  for (const project of registry.projects) if (!retired.has(project.id)) entry(project.id);
  const upstream = new Map<string, Ci[]>();
  for (const driver of registry.drivers) {
    const ci = driver.ci;
    // Ids and wiki names are apart: a username that happens to be some CI's wiki page name is another account.
    const label =
      ci?.id !== undefined ? `id:${ci.id}` : ci?.wiki_name !== undefined ? `wiki:${ci.wiki_name}` : undefined;
    if (ci === undefined || label === undefined || retired.has(driver.project_id)) continue;
    const name = gerritProject(driver);
    if (ci.id === 'zuul' && !hasPatterns(ci)) {
      upstream.set(name, [...(upstream.get(name) ?? []), ci]);
      continue;
    }
    const { groups, blocks } = entry(name);
    const sim = account(label, ci, driver.vendor);
    const group = groups.get(label) ?? { ciId: sim.username, accountId: sim._account_id, drivers: [] };
    groups.set(label, group);
    if (!hasPatterns(ci)) {
      blocks.set(label, [...(blocks.get(label) ?? []), ci]);
      continue;
    }
    const failure = compilePattern(ci.failure_pattern!);
    const line = lineMaker({ id: sim.username, success: ci.success_pattern!, failure: ci.failure_pattern! });
    group.drivers.push({
      line,
      failsOn: (text) => failure.ok && searchLine(failure.regex, text),
      header: line.kind !== 'job',
    });
  }
  // Pattern-less CIs, numbered in a stable order so each gets its own pipeline and habits.
  let index = 0;
  for (const [name, { groups, blocks, zuulJobs }] of projects) {
    for (const [label, ciBlocks] of blocks) {
      const group = groups.get(label)!;
      // An account also read by patterns keeps its pattern lines; its other drivers' jobs join them.
      const name = label.slice(label.indexOf(':') + 1);
      group.zuul = zuulCi(ciBlocks, slug(name), index++, options.ciStyles?.[name]);
      if (group.drivers.length > 0) group.zuul.style = 'zuul';
    }
    for (const ci of upstream.get(name) ?? [])
      zuulJobs.push(...zuulCi([ci], 'upstream', 0).jobs.slice(0, -2));
  }
  for (const label of options.sameNameAccounts ?? []) {
    const original = ciAccounts.get(`wiki:${label}`) ?? ciAccounts.get(`id:${label}`);
    if (original === undefined) continue;
    accounts.push({
      _account_id: 1000900 + accounts.length,
      username: `${original.username}-2`,
      name: original.name,
      email: `${original.username}-2@ci.example.org`,
    });
  }
  return {
    accounts,
    zuul: ZUUL_ID,
    humans,
    projects: [...projects].map(([name, { groups, zuulJobs }]) => ({
      name,
      groups: [...groups.values()],
      zuulJobs,
    })),
  };
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'ci'
  );
}
