import { hiddenByDefault } from './lifecycle.ts';
import { releaseList } from './status.ts';
import type { ViewState } from './view-state.ts';

/** What the release, project, vendor and lifecycle filters look at for one driver. */
export interface FilterFacts {
  projectId: string;
  /** The vendor's id. */
  vendorId: string;
  /** Release ids the driver is claimed for or in the project's tree of; lower case. */
  releases: ReadonlySet<string>;
  retired: boolean;
  /** The position of the release it left the tree in. */
  removedAt?: number;
}

export interface FilterScope {
  /** The selected release ids, lower case. */
  releases: readonly string[];
  /** Their positions in the release order. */
  positions: readonly number[];
  /** The selected vendor's id, resolved from any of its names (old links name vendors). */
  vendorId: string;
}

/** Whether a driver passes the select filters and, unless the view shows them, is neither retired nor removed. */
export function matchesFilters(facts: FilterFacts, state: ViewState, scope: FilterScope): boolean {
  if (scope.releases.length > 0 && !scope.releases.some((id) => facts.releases.has(id))) return false;
  if (state.project && facts.projectId.toLowerCase() !== state.project.toLowerCase()) return false;
  if (state.vendor && facts.vendorId !== scope.vendorId) return false;
  return state.all || !hiddenByDefault(facts, scope.positions);
}

/** The scope of a view: its releases (positions in `order`) and its vendor (`vendorOf` resolves a name). */
export function filterScope(
  state: ViewState,
  order: readonly string[],
  vendorOf: (name: string) => string | undefined,
): FilterScope {
  const releases = releaseList(state.release.toLowerCase());
  const lower = order.map((id) => id.toLowerCase());
  return {
    releases,
    positions: releases.map((id) => lower.indexOf(id)).filter((p) => p !== -1),
    vendorId: state.vendor ? (vendorOf(state.vendor) ?? state.vendor) : '',
  };
}

/**
 * The row indexes to show: select filters, then the search hits (undefined when not searching), then
 * the feature filter's hits (undefined when no feature is asked for).
 */
export function visibleRows(
  facts: readonly FilterFacts[],
  state: ViewState,
  scope: FilterScope,
  searchHits: ReadonlySet<number> | undefined,
  featureHits?: ReadonlySet<number>,
): boolean[] {
  return facts.map(
    (f, i) =>
      (searchHits === undefined || searchHits.has(i)) &&
      (featureHits === undefined || featureHits.has(i)) &&
      matchesFilters(f, state, scope),
  );
}

/** How many drivers the lifecycle filter hides from the view's releases (the toggle brings them back). */
export function hiddenCount(facts: readonly FilterFacts[], scope: FilterScope): number {
  return facts.filter((f) => hiddenByDefault(f, scope.positions)).length;
}

export function countText(shown: number, total: number): string {
  return `${shown} of ${total} driver${total === 1 ? '' : 's'}`;
}

/** An empty result names each active constraint so the reader knows what to loosen. */
export function emptyMessage(
  state: ViewState,
  labels: {
    release?: string;
    project?: string;
    vendor?: string;
    features?: readonly string[];
    /** Drivers the lifecycle filter hides. */
    hidden?: number;
  },
): string {
  const changes: string[] = [];
  if (state.q.trim()) changes.push(`shorten or clear the search “${state.q.trim()}”`);
  if (state.release) changes.push(`choose “All releases” instead of ${labels.release ?? state.release}`);
  if (state.project) changes.push(`choose “All projects” instead of ${labels.project ?? state.project}`);
  if (state.vendor) changes.push(`choose “All vendors” instead of ${labels.vendor ?? state.vendor}`);
  const features = labels.features ?? state.features;
  if (features.length > 0) changes.push(`ask for fewer features than ${features.join(', ')}`);
  if (!state.all && labels.hidden) changes.push('show retired and removed drivers');
  if (changes.length === 0) return 'The registry lists no drivers yet.';
  return `No driver matches. To see more, ${changes.join(', or ')}.`;
}
