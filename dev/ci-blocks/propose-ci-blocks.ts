import { GENERIC_CI_LINES } from '../../backend/ci/generic-ci-lines.ts';
import { driverKey } from '../../backend/model/driver-key.ts';
import type { Ci, Driver, Registry } from '../../backend/model/types.ts';
import { checkPattern } from '../../backend/validate/checked-pattern.ts';

// Gives every driver of a project's newest tree whose code names its CI (cinder's CI_WIKI_NAME) a ci block:
// the block it has when it still reads a CI of today, else one by the wiki name. Data maintenance, re-run after
// the code's facts change; the same facts give the same file.

/** Per driver key: the CI wiki names its linked classes give in the newest tree. */
export type WikiNames = ReadonlyMap<string, readonly string[]>;

/**
 * "Cinder_Jenkins" is the name cinder's own drivers give OpenStack's CI, whose reports come from the `zuul`
 * account (formerly `jenkins`). Its jobs that test a driver, from cinder's .zuul.yaml at master: voting, named
 * for the back end they run on. A driver with no such job gets no `jobs` (and so no account either).
 */
export const UPSTREAM_CI = 'Cinder_Jenkins';
export const UPSTREAM_JOBS: Readonly<Record<string, readonly string[]>> = {
  rbd: ['cinder-plugin-ceph-tempest'],
  lvm: ['cinder-tempest-plugin-lvm-lio-barbican'],
  nfs: ['devstack-plugin-nfs-tempest-full'],
};

export type Outcome =
  | { kind: 'kept'; why: string }
  | { kind: 'added' | 'replaced'; ci: Ci; why: string }
  | { kind: 'left'; why: string };

export interface Proposal {
  registry: Registry;
  /** Every driver of the newest tree, by key. */
  outcomes: Map<string, Outcome>;
}

/** Whether a block's patterns still read a CI of today: both name the driver's own result (no generic line). */
export function readsOwnResult(ci: Ci): boolean {
  if (ci.id === 'jenkins') return false;
  const patterns = [ci.success_pattern, ci.failure_pattern];
  return patterns.every((source) => {
    if (source === undefined) return false;
    const compiled = checkPattern(source);
    return compiled.ok && !compiled.test('') && !GENERIC_CI_LINES.some((line) => compiled.test(line.text));
  });
}

export function proposeCiBlocks(registry: Registry, project: string, wikiNames: WikiNames): Proposal {
  const inTree = newestTree(registry, project);
  const drivers = registry.drivers.filter((d) => d.project_id === project && inTree(d));
  const sharing = new Map<string, string[]>();
  for (const driver of drivers) {
    const names = wikiNames.get(driverKey(driver)) ?? [];
    if (names.length === 1) sharing.set(names[0]!, [...(sharing.get(names[0]!) ?? []), driverKey(driver)]);
  }
  const outcomes = new Map<string, Outcome>();
  const next = registry.drivers.map((driver): Driver => {
    if (!drivers.includes(driver)) return driver;
    const key = driverKey(driver);
    const outcome = decide(driver, wikiNames.get(key) ?? [], sharing);
    outcomes.set(key, outcome);
    return outcome.kind === 'added' || outcome.kind === 'replaced' ? { ...driver, ci: outcome.ci } : driver;
  });
  return { registry: { ...registry, drivers: next }, outcomes };
}

function decide(driver: Driver, names: readonly string[], sharing: Map<string, string[]>): Outcome {
  if (names.length === 0) return { kind: 'left', why: 'its classes name no CI_WIKI_NAME' };
  if (names.length > 1)
    return {
      kind: 'left',
      why: `its classes name ${names.length} CIs (${names.join(', ')}); a ci block names one`,
    };
  const wikiName = names[0]!;
  // OpenStack's own CI reports for the whole change: without a job of its own, no line of it is this driver's.
  if (wikiName === UPSTREAM_CI && UPSTREAM_JOBS[driver.upstream_id ?? ''] === undefined)
    return {
      kind: 'left',
      why: `${UPSTREAM_CI} runs no job of its own for this back end in cinder's .zuul.yaml`,
    };
  const ci = driver.ci;
  if (ci?.wiki_name === wikiName) return { kind: 'kept', why: `already named by ${wikiName}` };
  if (ci !== undefined && readsOwnResult(ci))
    return { kind: 'kept', why: `its patterns read its own job's result (${ci.success_pattern})` };
  const shared = (sharing.get(wikiName) ?? []).length;
  const proposed = blockFor(driver, wikiName);
  const why = [
    ci === undefined
      ? 'none before'
      : ci.id === 'jenkins'
        ? "jenkins is the account OpenStack's CI reported as before it was zuul"
        : `${ci.id ?? '?'}'s ${ci.success_pattern === undefined ? 'block' : 'patterns'} read no result of its own`,
    shared > 1 ? `${wikiName} tests ${shared} drivers` : '',
    proposed.jobs !== undefined ? `jobs from cinder's .zuul.yaml` : shared > 1 ? 'no job names known' : '',
  ].filter((part) => part !== '');
  return { kind: ci === undefined ? 'added' : 'replaced', ci: proposed, why: why.join('; ') };
}

function blockFor(driver: Driver, wikiName: string): Ci {
  const jobs = wikiName === UPSTREAM_CI ? UPSTREAM_JOBS[driver.upstream_id ?? ''] : undefined;
  if (jobs === undefined) return { wiki_name: wikiName };
  return { id: 'zuul', wiki_name: wikiName, jobs: [...jobs] };
}

/** Whether a driver is in the newest release's tree that the project's matrices cover. */
function newestTree(registry: Registry, project: string): (driver: Driver) => boolean {
  const order = (registry.releases ?? []).map((release) => release.id);
  const trees = registry.drivers
    .filter((d) => d.project_id === project)
    .flatMap((d) => d.upstream?.in_tree ?? [])
    .map((id) => order.indexOf(id));
  const newest = order[Math.max(-1, ...trees)];
  return (driver) => newest !== undefined && (driver.upstream?.in_tree ?? []).includes(newest);
}
