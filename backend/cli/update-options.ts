import { resolve } from 'node:path';
import { UsageError } from '../common/errors.ts';
import type { Io } from '../common/io.ts';
import { resolveSince } from '../common/since.ts';
import {
  gerritLimitOptionSpec,
  gerritLimitsHelp,
  gerritLimitsFrom,
  type GerritLimitValues,
} from '../gerrit/settings.ts';
import type { UpdateOptions } from '../update/run-update.ts';
import { DEFAULT_DATA_FILE, DEFAULT_GERRIT_URL } from '../model/defaults.ts';

/** Options `update` and `schedule` share (parseArgs spec). */
export const updateOptionSpec = {
  data: { type: 'string' },
  'gerrit-url': { type: 'string' },
  since: { type: 'string' },
  commit: { type: 'boolean' },
  push: { type: 'boolean' },
  report: { type: 'string' },
  ...gerritLimitOptionSpec,
} as const;

export const UPDATE_OPTIONS_HELP = `  --data FILE        registry to update (default: default_data.json)
  --gerrit-url URL   Gerrit to scan (default: $DRIVERLOG_GERRIT_URL, else ${DEFAULT_GERRIT_URL})
  --since DATE       window start: YYYY-MM-DD, 2024-05-09T16:41:07Z or 90d (default: 180 days ago);
                     bounds every run, first or incremental
  --commit           commit the data file with git when it changed
  --push             commit, then push (rebasing once onto a remote that moved; never forces)
  --report FILE      also write the run's summary as JSON
${gerritLimitsHelp(21)}  -h, --help         show this help
Credentials (optional): GERRIT_USERNAME and GERRIT_HTTP_PASSWORD.
`;

export interface UpdateOptionValues extends GerritLimitValues {
  data?: string;
  'gerrit-url'?: string;
  since?: string;
  commit?: boolean;
  push?: boolean;
  report?: string;
}

/** The Gerrit base URL from --gerrit-url or the environment, refused up front when it could never be fetched. */
export function gerritUrlFrom(value: string | undefined, env: Io['env']): string {
  const url = value ?? env.DRIVERLOG_GERRIT_URL ?? DEFAULT_GERRIT_URL;
  const source = value !== undefined ? '--gerrit-url' : 'DRIVERLOG_GERRIT_URL';
  // The URL is echoed in logs, reports and the data file's scan_state: never with a password in it.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url)) {
    throw new UsageError(
      `${source} must not contain credentials; set GERRIT_USERNAME and GERRIT_HTTP_PASSWORD instead`,
    );
  }
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new UsageError(`${source} ${JSON.stringify(url)} must start with http:// or https://`);
  }
  if (!URL.canParse(url)) {
    throw new UsageError(
      `${source} ${JSON.stringify(url)} is not a valid URL: check the host name (no spaces), the brackets of an IPv6 address and the port (1-65535)`,
    );
  }
  return url.replace(/\/+$/, '');
}

export function credentialsFrom(env: Io['env']): { username: string; password: string } | undefined {
  const username = env.GERRIT_USERNAME;
  const password = env.GERRIT_HTTP_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password) {
    throw new UsageError('set both GERRIT_USERNAME and GERRIT_HTTP_PASSWORD, or neither (anonymous access)');
  }
  return { username, password };
}

/** Everything runUpdate needs except io and signal, from parsed options; UsageError on bad values. */
export function resolveUpdateOptions(
  values: UpdateOptionValues,
  io: Pick<Io, 'env' | 'cwd'>,
  now: number,
): Omit<UpdateOptions, 'io' | 'signal'> {
  const since = resolveSince(values.since, now);
  const credentials = credentialsFrom(io.env);
  return {
    dataFile: resolve(io.cwd, values.data ?? DEFAULT_DATA_FILE),
    gerritUrl: gerritUrlFrom(values['gerrit-url'], io.env),
    since,
    ...(credentials ? { credentials } : {}),
    commit: Boolean(values.commit || values.push),
    push: Boolean(values.push),
    ...(values.report !== undefined ? { reportFile: resolve(io.cwd, values.report) } : {}),
    client: gerritLimitsFrom(values, io.env),
  };
}
