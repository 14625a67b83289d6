import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../dashboard/src/lib/csv.ts';

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines']])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)'])('keeps %s from being read as a formula', (value) => {
    expect(csvCell(value)).toBe(`'${value}`);
  });
});
