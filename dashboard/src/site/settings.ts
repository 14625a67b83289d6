// Build settings from the environment: the only place the dashboard reads `process.env`.
import { DriverlogError } from '../../../backend/common/errors.ts';
import { safeHref } from '../lib/text.ts';
import { DEFAULT_GERRIT_URL } from '../../../backend/model/defaults.ts';

export class SettingsError extends DriverlogError {
  constructor(message: string) {
    super(message, 'DASHBOARD_SETTINGS', 'usage');
  }
}

export interface Settings {
  dataPath: string;
  staleDays: number;
  gerritUrl: string;
  /** When the build runs; every build-time age is measured from it. */
  now: number;
  /** The site's public URL, ending with "/", for links that leave it (feeds, badge snippets). */
  siteUrl?: string;
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
  const gerritText = env.DRIVERLOG_GERRIT_URL ?? DEFAULT_GERRIT_URL;
  const gerritUrl = safeHref(gerritText);
  if (!gerritUrl) {
    throw new SettingsError(
      `DRIVERLOG_GERRIT_URL=${gerritText}: expected an http(s) URL, e.g. https://review.opendev.org`,
    );
  }
  const settings: Settings = { dataPath, staleDays, gerritUrl: trimSlashes(gerritUrl), now };
  const siteText = env.DRIVERLOG_SITE_URL;
  if (siteText) {
    const siteUrl = safeHref(siteText);
    if (!siteUrl) {
      throw new SettingsError(
        `DRIVERLOG_SITE_URL=${siteText}: expected the site's public http(s) URL, e.g. https://example.org/driverlog/`,
      );
    }
    settings.siteUrl = `${trimSlashes(siteUrl)}/`;
  }
  return settings;
}

/** Without its trailing slashes; a loop, as a regular expression would backtrack on a long run of them. */
function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
