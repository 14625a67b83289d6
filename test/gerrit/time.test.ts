import { describe, expect, it } from 'vitest';
import { GerritTimestampError } from '../../backend/gerrit/errors.ts';
import { toIsoSeconds } from '../../backend/common/time.ts';
import { formatGerritTimestamp, parseGerritTimestamp } from '../../backend/gerrit/time.ts';

describe('parseGerritTimestamp', () => {
  it('reads Gerrit timestamps as UTC, whatever the local zone', () => {
    expect(parseGerritTimestamp('2024-05-09 16:41:07.000000000')).toBe(Date.UTC(2024, 4, 9, 16, 41, 7));
    expect(parseGerritTimestamp('2013-03-23 21:34:02.419000000')).toBe(Date.UTC(2013, 2, 23, 21, 34, 2, 419));
    expect(parseGerritTimestamp('2024-02-29 00:00:00')).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([
    '2024-05-09T16:41:07Z',
    '2024-05-09 16:41',
    '2024-02-30 10:00:00.000000000',
    '2023-02-29 10:00:00.000000000',
    '2024-13-01 10:00:00.000000000',
    '2024-05-09 24:00:00.000000000',
    '2024-05-09 16:41:07.0000000000',
    ' 2024-05-09 16:41:07.000000000',
    '',
  ])('rejects %j with a typed error', (text) => {
    expect(() => parseGerritTimestamp(text)).toThrow(GerritTimestampError);
    try {
      parseGerritTimestamp(text);
    } catch (error) {
      expect((error as GerritTimestampError).code).toBe('BAD_TIMESTAMP');
      expect((error as Error).message).toContain('yyyy-mm-dd hh:mm:ss');
    }
  });
});

describe('formatting', () => {
  it('formats query times and ISO seconds in UTC', () => {
    const ms = Date.UTC(2024, 4, 9, 16, 41, 7, 999);
    expect(formatGerritTimestamp(ms)).toBe('2024-05-09 16:41:07');
    expect(toIsoSeconds(ms)).toBe('2024-05-09T16:41:07Z');
    expect(parseGerritTimestamp(`${formatGerritTimestamp(ms)}.000000000`)).toBe(ms - 999);
  });
});
