import { describe, expect, it } from 'vitest';
import {
  countText,
  emptyMessage,
  filterScope,
  hiddenCount,
  visibleRows,
  type FilterFacts,
} from '../../../dashboard/src/lib/filter.ts';
import { EMPTY_VIEW, type ViewState } from '../../../dashboard/src/lib/view-state.ts';

const order = ['Kilo', 'Liberty', 'Rocky', 'Stein'];
const facts: FilterFacts[] = [
  { projectId: 'openstack/cinder', vendorId: 'dell', releases: new Set(['kilo', 'rocky']), retired: false },
  { projectId: 'openstack/nova', vendorId: 'dell', releases: new Set(['rocky']), retired: false },
  { projectId: 'openstack/cinder', vendorId: 'netapp', releases: new Set([]), retired: false },
  // Removed from the tree in Rocky; of a retired project.
  {
    projectId: 'openstack/cinder',
    vendorId: 'netapp',
    releases: new Set(['kilo']),
    retired: false,
    removedAt: 2,
  },
  { projectId: 'openstack/fuel', vendorId: 'mirantis', releases: new Set(['kilo']), retired: true },
];
const names = new Map([
  ['dell emc', 'dell'],
  ['emc', 'dell'],
  ['dell', 'dell'],
]);
const rows = (state: ViewState, search?: Set<number>, features?: Set<number>) =>
  visibleRows(
    facts,
    state,
    filterScope(state, order, (name) => names.get(name.toLowerCase())),
    search,
    features,
  );

describe('visibleRows', () => {
  it('keeps a driver of any release of a comma list', () => {
    expect(rows({ ...EMPTY_VIEW, release: 'kilo,liberty' })).toEqual([true, false, false, true, false]);
    expect(rows({ ...EMPTY_VIEW, release: 'Kilo,Rocky' })).toEqual([true, true, false, true, false]);
  });

  it('keeps only the feature filter’s hits when it has any', () => {
    expect(rows(EMPTY_VIEW, undefined, new Set([2]))).toEqual([false, false, true, false, false]);
    expect(rows(EMPTY_VIEW, new Set([0, 2]), new Set([2]))).toEqual([false, false, true, false, false]);
  });

  it('combines filters, and finds a vendor by any of its names', () => {
    expect(rows({ ...EMPTY_VIEW, release: 'Rocky', vendor: 'EMC' })).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(rows({ ...EMPTY_VIEW, project: 'openstack/cinder' })).toEqual([true, false, true, false, false]);
  });

  it('intersects with search hits', () => {
    expect(rows({ ...EMPTY_VIEW, vendor: 'dell' }, new Set([1, 2]))).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('hides retired projects’ drivers and drivers removed before the release, unless asked', () => {
    // Kilo is before the removal: the removed driver was in the tree then.
    expect(rows({ ...EMPTY_VIEW, release: 'kilo' })).toEqual([true, false, false, true, false]);
    expect(rows({ ...EMPTY_VIEW, release: 'kilo', all: true })).toEqual([true, false, false, true, true]);
    expect(rows({ ...EMPTY_VIEW, all: true })).toEqual([true, true, true, true, true]);
    expect(
      hiddenCount(
        facts,
        filterScope(EMPTY_VIEW, order, () => undefined),
      ),
    ).toBe(2);
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
    expect(emptyMessage({ ...EMPTY_VIEW, vendor: 'dell' }, { vendor: 'Dell', hidden: 2 })).toBe(
      'No driver matches. To see more, choose “All vendors” instead of Dell, or show retired and removed drivers.',
    );
  });
});
