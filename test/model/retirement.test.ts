import { describe, expect, it } from 'vitest';
import { isRetired, releasedAfterRetirement } from '../../backend/model/retirement.ts';

const fuel = { retired_on: '2017-06-20' };

describe('retirement', () => {
  it('is said by retired_on alone', () => {
    expect(isRetired(fuel)).toBe(true);
    expect(isRetired({})).toBe(false);
    expect(isRetired(undefined)).toBe(false);
  });

  it.each([
    ['Ocata', '2017-02-22', false],
    ['the day itself', '2017-06-20', false],
    ['Pike', '2017-08-30', true],
    ["DriverLog's own date form", '2017-Aug-30', true],
    ['an unreadable date', 'soon', false],
  ])('%s (%s) came after: %s', (_, start, after) => {
    expect(releasedAfterRetirement(fuel, { start })).toBe(after);
  });

  it('never for a project that is not retired', () => {
    expect(releasedAfterRetirement({}, { start: '2099-01-01' })).toBe(false);
  });
});
