import { driverKey } from './driver-key.ts';
import type { Ci, CiAccount, Driver, ScanState } from './types.ts';

/** A ci block that names its account only by the CI's wiki page: update looks the account up. */
export type WikiCi = Ci & { wiki_name: string; id?: undefined };

export function isWikiCi(ci: Ci | undefined): ci is WikiCi {
  return ci !== undefined && ci.id === undefined && ci.wiki_name !== undefined;
}

/** Whether a ci block is read by its patterns (rule 1) rather than as a Zuul report or a vote. */
export function hasPatterns(ci: Ci): boolean {
  return ci.success_pattern !== undefined && ci.failure_pattern !== undefined;
}

/**
 * The Gerrit account a driver's CI posts as: its `ci.id`, or the one `update` last found from its `wiki_name`
 * (`lookup` is that finding, also when it found none or several). Every command that names a driver's CI account
 * asks this, so the audit, the update and the site agree.
 */
export function ciAccountOf(
  driver: Driver,
  state: ScanState | undefined,
): { username?: string; lookup?: CiAccount } {
  const ci = driver.ci;
  if (ci === undefined) return {};
  if (!isWikiCi(ci)) return ci.id === undefined ? {} : { username: ci.id };
  const lookup = state?.ci_accounts?.[driverKey(driver)];
  if (lookup === undefined || lookup.wiki_name !== ci.wiki_name) return {};
  return { ...(lookup.username !== undefined ? { username: lookup.username } : {}), lookup };
}
