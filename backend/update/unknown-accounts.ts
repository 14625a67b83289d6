import type { Registry } from '../model/types.ts';
import type { ScanOutcome } from './apply.ts';

export interface UnknownAccountReport {
  driver: string;
  ci_id: string;
  message: string;
}

/**
 * CI ids Gerrit does not know after this run: the ones just looked up in vain, plus last run's
 * unknown ids whose projects could not be scanned this time. Seen or found anywhere wins.
 */
export function unknownAccounts(
  registry: Registry,
  gerritUrl: string,
  outcomes: ScanOutcome[],
): { ids: string[]; reports: UnknownAccountReport[] } {
  const state = registry.scan_state;
  const previous = state?.gerrit_url === gerritUrl ? (state.unknown_ci_accounts ?? []) : [];
  const known = new Set<string>();
  const unknown = new Set<string>();
  const reports: UnknownAccountReport[] = [];
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      for (const driver of outcome.plan.drivers)
        if (previous.includes(driver.ci.id)) unknown.add(driver.ci.id);
      continue;
    }
    const { result } = outcome;
    for (const id of result.knownCiIds) known.add(id);
    for (const driver of outcome.plan.drivers) {
      if (!result.unknownCiIds.has(driver.ci.id)) continue;
      unknown.add(driver.ci.id);
      reports.push({
        driver: driver.key,
        ci_id: driver.ci.id,
        message: `CI account '${driver.ci.id}' not found on Gerrit (check ci.id: it must be the account's username)`,
      });
    }
  }
  return { ids: [...unknown].filter((id) => !known.has(id)).sort(), reports };
}
