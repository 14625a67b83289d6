import { describe, expect, it } from 'vitest';
import { countText, emptyMessage, visibleRows, type FilterFacts } from '../../../dashboard/src/lib/filter.ts';
import { EMPTY_VIEW } from '../../../dashboard/src/lib/view-state.ts';

const facts: FilterFacts[] = [
  { projectId: 'openstack/cinder', vendor: 'EMC', releases: new Set(['kilo', 'rocky']) },
  { projectId: 'openstack/nova', vendor: 'EMC', releases: new Set(['rocky']) },
  { projectId: 'openstack/cinder', vendor: 'NetApp', releases: new Set([]) },
];

describe('visibleRows', () => {
  it('keeps a driver of any release of a comma list', () => {
    expect(visibleRows(facts, { ...EMPTY_VIEW, release: 'kilo,liberty' }, undefined)).toEqual([
      true,
      false,
      false,
    ]);
    expect(visibleRows(facts, { ...EMPTY_VIEW, release: 'Kilo,Rocky' }, undefined)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps only the feature filter’s hits when it has any', () => {
    expect(visibleRows(facts, EMPTY_VIEW, undefined, new Set([2]))).toEqual([false, false, true]);
    expect(visibleRows(facts, EMPTY_VIEW, new Set([0, 2]), new Set([2]))).toEqual([false, false, true]);
  });

  it('combines filters, case-insensitively', () => {
    expect(visibleRows(facts, { ...EMPTY_VIEW, release: 'Rocky', vendor: 'emc' }, undefined)).toEqual([
      true,
      true,
      false,
    ]);
    expect(visibleRows(facts, { ...EMPTY_VIEW, project: 'openstack/cinder' }, undefined)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('intersects with search hits', () => {
    expect(visibleRows(facts, { ...EMPTY_VIEW, vendor: 'EMC' }, new Set([1, 2]))).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe('texts', () => {
  it('counts', () => {
    expect(countText(3, 221)).toBe('3 of 221 drivers');
  });

  it('says which constraint to loosen', () => {
    const text = emptyMessage({ ...EMPTY_VIEW, q: 'zz', release: 'kilo' }, { release: 'Kilo' });
    expect(text).toBe(
      'No driver matches. To see more, shorten or clear the search “zz”, or choose “All releases” instead of Kilo.',
    );
  });
});
