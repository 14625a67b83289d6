import { DAY_MS, toIsoSeconds } from '../common/time.ts';
import type { WikiAccount } from '../gerrit/ci-account.ts';
import { wikiFullName } from '../gerrit/ci-account.ts';
import { isWikiCi } from '../model/ci-account.ts';
import { driverKey } from '../model/driver-key.ts';
import type { CiAccount, Registry } from '../model/types.ts';
import { ciFingerprint } from './fingerprint.ts';

/** An account found from a wiki name is looked up again after this long (accounts are renamed, and retired). */
export const ACCOUNT_MAX_AGE_MS = 30 * DAY_MS;

/** A driver whose CI account could not be told from its wiki name: it is not scanned. */
export interface UnresolvedAccount {
  driver: string;
  wiki_name: string;
  /** Several accounts have the wiki name as their full name: their usernames. */
  candidates?: string[];
  /** Gerrit could not be asked. */
  error?: string;
  message: string;
}

interface WikiDriver {
  key: string;
  wikiName: string;
  /** What the last run found, when it was against this Gerrit. */
  cached?: CiAccount;
  /** The last run's digest of the driver's ci block (set once a run scanned the driver). */
  scannedWith?: string;
  fingerprint: string;
}

function wikiDrivers(registry: Registry, gerritUrl: string): WikiDriver[] {
  const state = registry.scan_state?.gerrit_url === gerritUrl ? registry.scan_state : undefined;
  return registry.drivers.flatMap((driver): WikiDriver[] => {
    const ci = driver.ci;
    if (!isWikiCi(ci)) return [];
    const key = driverKey(driver);
    const cached = state?.ci_accounts?.[key];
    const scannedWith = state?.ci_fingerprints?.[key];
    return [
      {
        key,
        wikiName: ci.wiki_name,
        ...(cached !== undefined ? { cached } : {}),
        ...(scannedWith !== undefined ? { scannedWith } : {}),
        fingerprint: ciFingerprint(ci),
      },
    ];
  });
}

/**
 * Whether the last run's finding still stands: same wiki name, found less than ACCOUNT_MAX_AGE_MS ago (a date
 * after `now` is not believed), and — for an account that was scanned — the same ci block it was scanned with.
 */
function fresh(driver: WikiDriver, now: number): driver is WikiDriver & { cached: CiAccount } {
  const { cached } = driver;
  if (cached === undefined || cached.wiki_name !== driver.wikiName) return false;
  const age = now - Date.parse(cached.looked_up);
  if (!(age >= 0 && age < ACCOUNT_MAX_AGE_MS)) return false;
  return driver.scannedWith === undefined || driver.scannedWith === driver.fingerprint;
}

/** The wiki names to ask Gerrit about this run, each once however many drivers name it; sorted. */
export function accountLookups(registry: Registry, gerritUrl: string, now: number): string[] {
  const names = wikiDrivers(registry, gerritUrl)
    .filter((driver) => !fresh(driver, now))
    .map((driver) => driver.wikiName);
  return [...new Set(names)].sort();
}

/**
 * Every wiki-named driver's account after this run's `answers` (wiki name → what Gerrit said, or why it could
 * not be asked): the entries `scan_state.ci_accounts` keeps, and the drivers that cannot be scanned.
 */
export function resolveAccounts(
  registry: Registry,
  gerritUrl: string,
  now: number,
  answers: ReadonlyMap<string, WikiAccount | Error>,
): { accounts: Map<string, CiAccount>; unresolved: UnresolvedAccount[] } {
  const accounts = new Map<string, CiAccount>();
  const unresolved: UnresolvedAccount[] = [];
  for (const driver of wikiDrivers(registry, gerritUrl)) {
    const answer = fresh(driver, now)
      ? undefined
      : (answers.get(driver.wikiName) ?? new Error('it was not looked up this run'));
    const base = { wiki_name: driver.wikiName, looked_up: toIsoSeconds(now) };
    let entry: CiAccount | undefined;
    if (answer === undefined) entry = driver.cached;
    else if (answer instanceof Error) {
      // A lookup that failed keeps what the last run found: an account found before is still the best answer.
      entry = driver.cached?.wiki_name === driver.wikiName ? driver.cached : undefined;
      if (entry?.username === undefined) {
        unresolved.push({
          driver: driver.key,
          wiki_name: driver.wikiName,
          error: answer.message,
          message: `its CI account could not be looked up from wiki_name ${driver.wikiName}: ${answer.message}`,
        });
        continue;
      }
    } else if (answer.kind === 'found') entry = { ...base, username: answer.username };
    else if (answer.kind === 'ambiguous') entry = { ...base, candidates: answer.candidates };
    else entry = base;
    if (entry === undefined) continue;
    accounts.set(driver.key, entry);
    if (entry.username === undefined) unresolved.push(unresolvedOf(driver.key, entry));
  }
  return { accounts, unresolved };
}

function unresolvedOf(driver: string, entry: CiAccount): UnresolvedAccount {
  const fullName = wikiFullName(entry.wiki_name);
  const candidates = entry.candidates ?? [];
  const message =
    candidates.length > 0
      ? `${candidates.length} Gerrit accounts are named "${fullName}" (${candidates.join(', ')}); set ci.id to the CI's username`
      : `no Gerrit account is named "${fullName}" or has the username ${entry.wiki_name}; set ci.id to the CI's username`;
  return {
    driver,
    wiki_name: entry.wiki_name,
    ...(candidates.length > 0 ? { candidates } : {}),
    message,
  };
}
