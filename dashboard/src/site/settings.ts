// Build settings from the environment: the only place the dashboard reads `process.env`.
import { safeHref } from '../lib/text.ts';

export class SettingsError extends Error {
  readonly code = 'DASHBOARD_SETTINGS';
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface Settings {
  dataPath: string;
  staleDays: number;
  gerritUrl: string;
  /** When the build runs; every build-time age is measured from it. */
  now: number;
}

export function readSettings(env: NodeJS.ProcessEnv, now: number): Settings {
  // astro.config.mjs fills DRIVERLOG_DATA with the repository's default_data.json when unset.
  const dataPath = env.DRIVERLOG_DATA;
  if (!dataPath) throw new SettingsError('DRIVERLOG_DATA is not set: point it at a registry JSON file');
  const staleText = env.DRIVERLOG_STALE_DAYS ?? '30';
  const staleDays = Number(staleText);
  if (!Number.isFinite(staleDays) || staleDays <= 0) {
    throw new SettingsError(`DRIVERLOG_STALE_DAYS=${staleText}: expected a positive number of days, e.g. 30`);
  }
  const gerritText = env.DRIVERLOG_GERRIT_URL ?? 'https://review.opendev.org';
  const gerritUrl = safeHref(gerritText);
  if (!gerritUrl) {
    throw new SettingsError(
      `DRIVERLOG_GERRIT_URL=${gerritText}: expected an http(s) URL, e.g. https://review.opendev.org`,
    );
  }
  return { dataPath, staleDays, gerritUrl: gerritUrl.replace(/\/+$/, ''), now };
}
