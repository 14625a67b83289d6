import { describe, expect, it } from 'vitest';
import { sortOrder, type SortItem } from '../../../dashboard/src/lib/sort.ts';

const item = (vendor: string, statusRank = 0, statusAt = 0): SortItem => ({
  project: 'p',
  vendor,
  driver: vendor,
  newestRelease: 0,
  releaseCount: 0,
  statusRank,
  statusAt,
});

describe('sortOrder', () => {
  const items = [item('Vendor 10', 1), item('vendor 2', 0, 5), item('Acme', 0, 9)];

  it('orders names as the registry does: ignoring case, "Vendor 10" before "vendor 2"', () => {
    expect(sortOrder(items, { key: 'vendor', desc: false })).toEqual([2, 0, 1]);
    expect(sortOrder(items, { key: 'vendor', desc: true })).toEqual([1, 0, 2]);
  });

  it('puts the best status first, freshest evidence first within it', () => {
    expect(sortOrder(items, { key: 'status', desc: false })).toEqual([2, 1, 0]);
  });

  it('keeps registry order without a sort', () => {
    expect(sortOrder(items, undefined)).toEqual([0, 1, 2]);
  });
});
