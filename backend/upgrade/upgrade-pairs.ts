import { developmentRelease } from '../audit/scope.ts';
import type { Release } from '../model/types.ts';

export interface UpgradePair {
  from: string;
  to: string;
}

/**
 * The upgrades the dashboard has a page for, at `asOf` (ms). From: the maintained releases (`active`) and the two
 * before the oldest of them. To: every later maintained release, and the release in development. Releases in
 * the registry's order, oldest first.
 */
export function upgradePairs(releases: readonly Release[], asOf: number): UpgradePair[] {
  const ids = releases.map((release) => release.id);
  const maintained = releases.flatMap((release, index) => (release.active === true ? [index] : []));
  if (maintained.length === 0) return [];
  const development = developmentRelease(releases, asOf);
  const targets = new Set(maintained);
  const dev = development === undefined ? -1 : ids.indexOf(development);
  if (dev !== -1) targets.add(dev);
  const froms = [...new Set([maintained[0]! - 2, maintained[0]! - 1, ...maintained])].filter((i) => i >= 0);
  return froms.flatMap((from) =>
    [...targets]
      .filter((to) => to > from)
      .sort((a, b) => a - b)
      .map((to) => ({ from: ids[from]!, to: ids[to]! })),
  );
}
