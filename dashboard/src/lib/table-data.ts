// What the home table's script derives from the index once: each row's driver, filter facts, sort keys and search
// fields, and the vendors by every name they go by. Pure, so it is tested without a browser.
import { vendorKey } from '../../../backend/model/vendor-key.ts';
import { decodeDriver, rangePositions, type ClientDriver, type ClientIndex } from './client-index.ts';
import type { FilterFacts } from './filter.ts';
import type { SortItem } from './sort.ts';

export interface TableData {
  drivers: ClientDriver[];
  facts: FilterFacts[];
  /** Sort keys; the status ones are filled in when statuses are drawn. */
  items: SortItem[];
  /** Per row, the fields search looks in: the vendor with its former names, driver, description, project, CI. */
  searchFields: string[][];
  /** Any name of a vendor (as vendorKey reads it) → the vendor's id; and each id → the vendor's name. */
  vendorIds: Map<string, string>;
  vendorNames: Map<string, string>;
}

export function tableData(index: ClientIndex): TableData {
  const position = new Map(index.releases.map((id, i) => [id, i]));
  const vendorIds = new Map<string, string>();
  const vendorNames = new Map<string, string>();
  for (const [id, name, ...aliases] of index.vendors) {
    vendorNames.set(id!, name!);
    for (const each of [id!, name!, ...aliases])
      if (!vendorIds.has(vendorKey(each))) vendorIds.set(vendorKey(each), id!);
  }
  const drivers = index.drivers.map((d) => decodeDriver(d, index));
  return {
    drivers,
    // A driver is "for" a release its vendor claims, or its project's tree lists it in.
    facts: index.drivers.map((entry, i) => {
      const d = drivers[i]!;
      const inTree = rangePositions(entry.t ?? []).map((p) => index.releases[p]!);
      const facts: FilterFacts = {
        projectId: d.projectId,
        vendorId: d.vendorId,
        releases: new Set([...d.status.claims, ...inTree].map((id) => id.toLowerCase())),
        retired: d.retired,
      };
      if (d.removedAt !== undefined) facts.removedAt = d.removedAt;
      return facts;
    }),
    items: drivers.map((d) => {
      const positions = d.status.claims.map((id) => position.get(id) ?? -1);
      return {
        project: d.projectName,
        vendor: d.vendorName,
        driver: d.name,
        newestRelease: Math.max(-1, ...positions),
        releaseCount: positions.length,
        statusRank: 0,
        statusAt: 0,
      };
    }),
    searchFields: drivers.map((d) => [
      [d.vendorName, ...d.vendorAliases].join(' '),
      d.name,
      d.description,
      d.projectName,
      d.projectId,
      d.ciId,
    ]),
    vendorIds,
    vendorNames,
  };
}
