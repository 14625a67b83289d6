import { compareText } from '../../../backend/model/key-order.ts';
import type { SortSpec } from './view-state.ts';

export interface SortItem {
  project: string;
  vendor: string;
  driver: string;
  /** Position of the newest claimed release (-1 for none), then how many are claimed. */
  newestRelease: number;
  releaseCount: number;
  statusRank: number;
  /** Time of the evidence behind the status, 0 when there is none. */
  statusAt: number;
}

// Names compare as the registry orders them (backend/model/key-order.ts), so a sorted column agrees with the file.
function compare(a: SortItem, b: SortItem, key: SortSpec['key']): number {
  switch (key) {
    case 'project':
      return compareText(a.project, b.project);
    case 'vendor':
      return compareText(a.vendor, b.vendor);
    case 'driver':
      return compareText(a.driver, b.driver);
    case 'releases':
      return a.newestRelease - b.newestRelease || a.releaseCount - b.releaseCount;
    case 'status':
      // Best status first; within one status, the freshest evidence first.
      return a.statusRank - b.statusRank || b.statusAt - a.statusAt;
  }
}

/** Row indexes in display order; without a sort, the registry's order. Ties keep that order. */
export function sortOrder(items: readonly SortItem[], sort: SortSpec | undefined): number[] {
  const order = items.map((_, i) => i);
  if (!sort) return order;
  const sign = sort.desc ? -1 : 1;
  return order.sort((i, j) => sign * compare(items[i]!, items[j]!, sort.key) || i - j);
}
