import { describe, expect, it } from 'vitest';
import { UsageError } from '../../backend/common/errors.ts';
import { gerritLimitsFrom, gerritLimitsHelp } from '../../backend/gerrit/settings.ts';

const MiB = 1024 * 1024;

describe('gerritLimitsFrom', () => {
  it('defaults to 64 MiB answers and 60 s waits', () => {
    expect(gerritLimitsFrom({}, {})).toEqual({ maxResponseBytes: 64 * MiB, maxRetryWaitMs: 60_000 });
    // An empty variable is as good as none, as workflows pass unset repository variables.
    expect(gerritLimitsFrom({}, { DRIVERLOG_GERRIT_MAX_RESPONSE_MB: '' }).maxResponseBytes).toBe(64 * MiB);
  });

  it('takes the environment, and a flag over it', () => {
    const env = { DRIVERLOG_GERRIT_MAX_RESPONSE_MB: '128', DRIVERLOG_GERRIT_MAX_RETRY_WAIT: '300' };
    expect(gerritLimitsFrom({}, env)).toEqual({ maxResponseBytes: 128 * MiB, maxRetryWaitMs: 300_000 });
    expect(gerritLimitsFrom({ 'max-response-mb': '0.5', 'max-retry-wait': '5' }, env)).toEqual({
      maxResponseBytes: 0.5 * MiB,
      maxRetryWaitMs: 5000,
    });
  });

  it.each([
    [
      { 'max-retry-wait': 'abc' },
      {},
      '--max-retry-wait must be a number above 0 and at most 3600, got "abc" (default 60)',
    ],
    [{ 'max-response-mb': '0' }, {}, '--max-response-mb must be a number above 0 and at most 4096, got "0"'],
    [
      {},
      { DRIVERLOG_GERRIT_MAX_RESPONSE_MB: '-5' },
      'DRIVERLOG_GERRIT_MAX_RESPONSE_MB must be a number above 0',
    ],
    [
      {},
      { DRIVERLOG_GERRIT_MAX_RETRY_WAIT: '86400' },
      'DRIVERLOG_GERRIT_MAX_RETRY_WAIT must be a number above 0 and at most 3600, got "86400"',
    ],
    [{ 'max-retry-wait': '1e3' }, {}, '--max-retry-wait must be a number above 0'],
  ])('refuses %j %j as a usage error naming the setting', (values, env, message) => {
    expect(() => gerritLimitsFrom(values, env)).toThrow(UsageError);
    expect(() => gerritLimitsFrom(values, env)).toThrow(message);
  });
});

describe('gerritLimitsHelp', () => {
  it('lines the descriptions up with the command’s own and names each variable', () => {
    const help = gerritLimitsHelp(26);
    expect(help).toMatch(/^ {2}--max-response-mb N {5}refuse a Gerrit answer larger than N MiB/);
    expect(help).toContain('DRIVERLOG_GERRIT_MAX_RESPONSE_MB');
    expect(help).toContain('DRIVERLOG_GERRIT_MAX_RETRY_WAIT');
    for (const line of help.trimEnd().split('\n')) {
      expect(line.length).toBeLessThanOrEqual(100);
      if (!line.startsWith('  --')) expect(line).toMatch(/^ {26}\S/);
    }
  });
});
