import { UsageError } from '../common/errors.ts';

/**
 * The limits an operator sets on what DriverLog accepts from Gerrit: a flag on `update`, `schedule` and
 * `check-ci`, else an environment variable, else the default. Error messages name exactly these.
 */
export const GERRIT_LIMITS = {
  maxResponseMb: {
    flag: 'max-response-mb',
    env: 'DRIVERLOG_GERRIT_MAX_RESPONSE_MB',
    default: 64,
    max: 4096,
  },
  maxRetryWait: {
    flag: 'max-retry-wait',
    env: 'DRIVERLOG_GERRIT_MAX_RETRY_WAIT',
    default: 60,
    max: 3600,
  },
} as const;

export const MB = 1024 * 1024;

/** parseArgs spec of the flags, for the commands that talk to Gerrit. */
export const gerritLimitOptionSpec = {
  [GERRIT_LIMITS.maxResponseMb.flag]: { type: 'string' },
  [GERRIT_LIMITS.maxRetryWait.flag]: { type: 'string' },
} as const;

/** The flags' lines for a command's --help, descriptions starting at `column` like the command's own. */
export function gerritLimitsHelp(column: number): string {
  const { maxResponseMb: size, maxRetryWait: wait } = GERRIT_LIMITS;
  const rows: Array<[string, string]> = [
    [
      `--${size.flag} N`,
      `refuse a Gerrit answer larger than N MiB (default: $${size.env}, else ${size.default})`,
    ],
    [
      `--${wait.flag} S`,
      `wait at most S seconds before retrying a Gerrit request; when the server asks for longer (Retry-After), fail at once (default: $${wait.env}, else ${wait.default})`,
    ],
  ];
  return rows.map(([flag, text]) => helpRow(flag, text, column)).join('');
}

function helpRow(flag: string, text: string, column: number): string {
  const width = Math.max(40, 100 - column);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  const head = `  ${flag}`;
  const first = head.length + 2 <= column ? head.padEnd(column) : `${head}\n${' '.repeat(column)}`;
  return `${first}${lines.join(`\n${' '.repeat(column)}`)}\n`;
}

export interface GerritLimitValues {
  'max-response-mb'?: string;
  'max-retry-wait'?: string;
}

export interface GerritLimits {
  maxResponseBytes: number;
  maxRetryWaitMs: number;
}

/** The limits from the flags' values and the environment; UsageError naming the setting when one is not a number in range. */
export function gerritLimitsFrom(
  values: GerritLimitValues,
  env: Readonly<Record<string, string | undefined>>,
): GerritLimits {
  return {
    maxResponseBytes: setting(GERRIT_LIMITS.maxResponseMb, values, env) * MB,
    maxRetryWaitMs: setting(GERRIT_LIMITS.maxRetryWait, values, env) * 1000,
  };
}

/** How a message names a setting, e.g. `--max-retry-wait or DRIVERLOG_GERRIT_MAX_RETRY_WAIT`. */
export function settingName(limit: (typeof GERRIT_LIMITS)[keyof typeof GERRIT_LIMITS]): string {
  return `--${limit.flag} or ${limit.env}`;
}

function setting(
  limit: (typeof GERRIT_LIMITS)[keyof typeof GERRIT_LIMITS],
  values: GerritLimitValues,
  env: Readonly<Record<string, string | undefined>>,
): number {
  const flagValue = values[limit.flag];
  const envValue = env[limit.env];
  const [source, text] =
    flagValue !== undefined
      ? [`--${limit.flag}`, flagValue]
      : envValue !== undefined && envValue !== ''
        ? [limit.env, envValue]
        : [undefined, undefined];
  if (source === undefined) return limit.default;
  const value = Number(text.trim());
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || value <= 0 || value > limit.max) {
    throw new UsageError(
      `${source} must be a number above 0 and at most ${limit.max}, got ${JSON.stringify(text)} (default ${limit.default})`,
    );
  }
  return value;
}
