import { driverKey, gerritProject } from '../model/driver-key.ts';
import { isPatternCi, type Registry, type ScanState } from '../model/types.ts';
import { ciFingerprint, releasesFingerprint } from './fingerprint.ts';
import { CiPatternError, compileCi, type CompiledCi } from '../ci/match-comment.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';

export interface PlannedDriver {
  /** Index in registry.drivers. */
  index: number;
  key: string;
  ci: CompiledCi;
  fingerprint: string;
  /** Its ci block differs from the one its records were made with: drop them, rescan the window. */
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
  /** Drivers skipped because their patterns do not compile (validation normally stops this first). */
  problems: Array<{ key: string; message: string }>;
  /** Drivers whose ci block is gone although records were made with one: their records go too. */
  ciRemoved: number[];
  releasesFingerprint: string;
}

export function planScan(registry: Registry, gerritUrl: string, since: number): ScanPlan {
  const state: ScanState | undefined = registry.scan_state;
  const sameServer = state?.gerrit_url === gerritUrl;
  const fingerprints = sameServer ? (state?.ci_fingerprints ?? {}) : {};
  const unknown = new Set(sameServer ? (state?.unknown_ci_accounts ?? []) : []);
  const releases = releasesFingerprint(registry.releases ?? []);
  const releasesChanged = state?.releases_fingerprint !== releases;
  const byProject = new Map<string, PlannedDriver[]>();
  const problems: ScanPlan['problems'] = [];
  const ciRemoved: number[] = [];

  registry.drivers.forEach((driver, index) => {
    const key = driverKey(driver);
    if (driver.ci === undefined) {
      if (state?.ci_fingerprints?.[key] !== undefined) ciRemoved.push(index);
      return;
    }
    const block = driver.ci;
    if (!isPatternCi(block)) {
      problems.push({
        key,
        message: 'its ci block has no id and patterns, which this version of update reads',
      });
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
    const fingerprint = ciFingerprint(driver.ci);
    const previous = fingerprints[key];
    const planned: PlannedDriver = {
      index,
      key,
      ci,
      fingerprint,
      ciChanged: previous !== undefined && previous !== fingerprint,
      lookupAccount: previous !== fingerprint || unknown.has(block.id),
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
            : drivers.some((d) => d.fingerprint !== fingerprints[d.key])
              ? 'new or changed ci block'
              : 'incremental';
    const full = reason !== 'incremental';
    const after = full || saved === undefined ? since : Math.max(since, parseGerritTimestamp(saved.updated));
    return { project, drivers, full, after, reason };
  });
  return { projects, problems, ciRemoved, releasesFingerprint: releases };
}
