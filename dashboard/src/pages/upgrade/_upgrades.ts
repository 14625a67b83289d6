// Every upgrade page's report, computed once per build from the site's data: the verdicts of the CLI's own
// `upgradeVerdicts`, as of the build, with the dashboard's stale threshold as the silent rule's.
import { upgradePairs, type UpgradePair } from '../../../../backend/upgrade/upgrade-pairs.ts';
import { upgradeVerdicts } from '../../../../backend/upgrade/upgrade-verdicts.ts';
import type { UpgradeReport } from '../../../../backend/upgrade/verdict-types.ts';
import { site } from '../../site/load.ts';

export interface UpgradePage {
  pair: UpgradePair;
  report: UpgradeReport;
}

let cached: UpgradePage[] | undefined;

export function upgradePages(): UpgradePage[] {
  if (cached) return cached;
  // The registry as every command reads it: scan state, classes and retirements included.
  const { registry, settings } = site();
  // Release ids name pages: only ids a path can hold plainly get one.
  const pairs = upgradePairs(registry.releases ?? [], settings.now).filter(
    (pair) => /^[A-Za-z]+$/.test(pair.from) && /^[A-Za-z]+$/.test(pair.to),
  );
  cached = pairs.map((pair) => ({
    pair,
    report: upgradeVerdicts(registry, { ...pair, asOf: settings.now, silentDays: settings.staleDays }),
  }));
  return cached;
}
