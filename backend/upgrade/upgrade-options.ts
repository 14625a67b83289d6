import { UsageError } from '../common/errors.ts';
import { closest } from '../common/closest.ts';
import type { Verdict } from './verdict-types.ts';

export const UPGRADE_FORMATS = ['text', 'markdown', 'json'] as const;
export type UpgradeFormat = (typeof UPGRADE_FORMATS)[number];

/** `--fail-on`: the least verdict that makes the run exit 1. */
export type FailOn = Exclude<Verdict, 'ok'>;
const FAIL_ON: readonly FailOn[] = ['blocked', 'attention'];

export function parseUpgradeFormat(text: string): UpgradeFormat {
  if ((UPGRADE_FORMATS as readonly string[]).includes(text)) return text as UpgradeFormat;
  throw new UsageError(`--format must be one of ${UPGRADE_FORMATS.join(', ')}, not ${JSON.stringify(text)}`);
}

export function parseFailOn(text: string | undefined): FailOn | undefined {
  if (text === undefined) return undefined;
  if ((FAIL_ON as readonly string[]).includes(text)) return text as FailOn;
  const guess = closest(text, FAIL_ON);
  throw new UsageError(
    `--fail-on must be blocked or attention, not ${JSON.stringify(text)}${guess ? ` (did you mean ${guess}?)` : ''}`,
  );
}

/** Whether a verdict fails the run: `blocked` fails on blocked, `attention` on blocked or attention. */
export function failsOn(failOn: FailOn | undefined, verdict: Verdict): boolean {
  if (failOn === undefined || verdict === 'ok') return false;
  return failOn === 'attention' || verdict === 'blocked';
}
