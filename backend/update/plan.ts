import { isWikiCi } from '../model/ci-account.ts';
import { driverKey, gerritProject } from '../model/driver-key.ts';
import type { CiAccount, Registry, ScanState } from '../model/types.ts';
import { ciFingerprint, releasesFingerprint } from './fingerprint.ts';
import { CiPatternError, compileCi, type CompiledCi } from '../ci/match-comment.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import { isRetired } from '../model/retirement.ts';

export interface PlannedDriver {
  /** Index in registry.drivers. */
  index: number;
  key: string;
  /** The Gerrit username its comments come from: ci.id, or the account found from its wiki_name. */
  account: string;
  ci: CompiledCi;
  fingerprint: string;
  /**
   * Its ci block, or the account found from its wiki name, differs from the one its records were made with: drop
   * them, rescan the window.
   */
  ciChanged: boolean;
  /** Ask Gerrit whether the account exists when the scan sees no message by it. */
  lookupAccount: boolean;
}

export interface ProjectPlan {
  project: string;
  drivers: PlannedDriver[];
  /** Scan the whole window (from `since`) rather than from the saved position. */
  full: boolean;
  /** Ask for changes updated at or after this instant (ms). */
  after: number;
  /** Why a full scan, for the log; "incremental" otherwise. */
  reason: string;
}

export interface ScanPlan {
  projects: ProjectPlan[];
  /**
   * Drivers skipped because their patterns do not compile (validation normally stops this first) or their ci block
   * names no account.
   */
  problems: Array<{ key: string; message: string }>;
  /** Drivers whose ci block is gone although records were made with one: their records go too. */
  ciRemoved: number[];
  releasesFingerprint: string;
  /** Retired projects whose drivers have ci blocks: not scanned, as they have no CI any more. */
  retired: Array<{ project: string; retired_on: string; drivers: number }>;
}

/**
 * `accounts` are the wiki-named drivers' accounts this run found (ci-accounts.ts): a driver without one there is
 * not scanned (the run says why); others scan by their ci.id.
 */
export function planScan(
  registry: Registry,
  gerritUrl: string,
  since: number,
  accounts: ReadonlyMap<string, CiAccount> = new Map(),
): ScanPlan {
  const state: ScanState | undefined = registry.scan_state;
  const sameServer = state?.gerrit_url === gerritUrl;
  const fingerprints = sameServer ? (state?.ci_fingerprints ?? {}) : {};
  const previousAccounts = sameServer ? (state?.ci_accounts ?? {}) : {};
  const unknown = new Set(sameServer ? (state?.unknown_ci_accounts ?? []) : []);
  const releases = releasesFingerprint(registry.releases ?? []);
  const releasesChanged = state?.releases_fingerprint !== releases;
  const byProject = new Map<string, PlannedDriver[]>();
  const problems: ScanPlan['problems'] = [];
  const ciRemoved: number[] = [];
  const retiredOn = new Map(registry.projects.filter(isRetired).map((p) => [p.id, p.retired_on!]));
  const retired = new Map<string, number>();

  registry.drivers.forEach((driver, index) => {
    const key = driverKey(driver);
    if (driver.ci === undefined) {
      if (state?.ci_fingerprints?.[key] !== undefined) ciRemoved.push(index);
      return;
    }
    if (retiredOn.has(driver.project_id)) {
      retired.set(driver.project_id, (retired.get(driver.project_id) ?? 0) + 1);
      return;
    }
    const block = driver.ci;
    const wiki = isWikiCi(block);
    const account = wiki ? accounts.get(key)?.username : block.id;
    if (account === undefined) {
      // ci-accounts.ts names wiki-named drivers whose account was not found; validation refuses a block with neither.
      if (!wiki) problems.push({ key, message: 'its ci block names no account: give ci.id or ci.wiki_name' });
      return;
    }
    let ci: CompiledCi;
    try {
      ci = compileCi(block);
    } catch (error) {
      if (!(error instanceof CiPatternError)) throw error;
      problems.push({ key, message: error.message });
      return;
    }
    const fingerprint = ciFingerprint(block);
    const previous = fingerprints[key];
    const previousAccount = wiki ? previousAccounts[key]?.username : account;
    const planned: PlannedDriver = {
      index,
      key,
      account,
      ci,
      fingerprint,
      ciChanged:
        previous !== undefined &&
        (previous !== fingerprint || (previousAccount !== undefined && previousAccount !== account)),
      // An account found by its wiki name exists: Gerrit just said so.
      lookupAccount: !wiki && (previous !== fingerprint || unknown.has(account)),
    };
    const project = gerritProject(driver);
    byProject.set(project, [...(byProject.get(project) ?? []), planned]);
  });

  const projects = [...byProject.keys()].sort().map((project): ProjectPlan => {
    const drivers = byProject.get(project) ?? [];
    const saved = sameServer ? state?.projects[project] : undefined;
    const savedSince = saved?.since === undefined ? undefined : Date.parse(saved.since);
    const reason = !sameServer
      ? state === undefined
        ? 'first scan'
        : 'Gerrit URL changed'
      : saved === undefined
        ? 'first scan of this project'
        : releasesChanged
          ? 'releases changed'
          : savedSince === undefined || savedSince > since
            ? 'window starts earlier'
            : drivers.some((d) => d.ciChanged || d.fingerprint !== fingerprints[d.key])
              ? 'new or changed ci block'
              : 'incremental';
    const full = reason !== 'incremental';
    const after = full || saved === undefined ? since : Math.max(since, parseGerritTimestamp(saved.updated));
    return { project, drivers, full, after, reason };
  });
  return {
    projects,
    problems,
    ciRemoved,
    releasesFingerprint: releases,
    retired: [...retired].sort().map(([project, drivers]) => ({
      project,
      retired_on: retiredOn.get(project)!,
      drivers,
    })),
  };
}
