import { releaseList } from './status.ts';
import type { ViewState } from './view-state.ts';

/** What the release, project and vendor filters look at for one driver. */
export interface FilterFacts {
  projectId: string;
  vendor: string;
  /** Release ids the driver claims, has evidence for, or is in the project's tree of; lower case. */
  releases: ReadonlySet<string>;
}

/** Whether a driver passes the select filters; ids and names compare case-insensitively as before. */
export function matchesFilters(
  facts: FilterFacts,
  state: ViewState,
  releases: readonly string[] = releaseList(state.release.toLowerCase()),
): boolean {
  if (releases.length > 0 && !releases.some((id) => facts.releases.has(id))) return false;
  if (state.project && facts.projectId.toLowerCase() !== state.project.toLowerCase()) return false;
  if (state.vendor && facts.vendor.toLowerCase() !== state.vendor.toLowerCase()) return false;
  return true;
}

/**
 * The row indexes to show: select filters, then the search hits (undefined when not searching), then
 * the feature filter's hits (undefined when no feature is asked for).
 */
export function visibleRows(
  facts: readonly FilterFacts[],
  state: ViewState,
  searchHits: ReadonlySet<number> | undefined,
  featureHits?: ReadonlySet<number>,
): boolean[] {
  const releases = releaseList(state.release.toLowerCase());
  return facts.map(
    (f, i) =>
      (searchHits === undefined || searchHits.has(i)) &&
      (featureHits === undefined || featureHits.has(i)) &&
      matchesFilters(f, state, releases),
  );
}

export function countText(shown: number, total: number): string {
  return `${shown} of ${total} driver${total === 1 ? '' : 's'}`;
}

/** An empty result names each active constraint so the reader knows what to loosen. */
export function emptyMessage(
  state: ViewState,
  labels: { release?: string; project?: string; features?: readonly string[] },
): string {
  const changes: string[] = [];
  if (state.q.trim()) changes.push(`shorten or clear the search “${state.q.trim()}”`);
  if (state.release) changes.push(`choose “All releases” instead of ${labels.release ?? state.release}`);
  if (state.project) changes.push(`choose “All projects” instead of ${labels.project ?? state.project}`);
  if (state.vendor) changes.push(`choose “All vendors” instead of ${state.vendor}`);
  const features = labels.features ?? state.features;
  if (features.length > 0) changes.push(`ask for fewer features than ${features.join(', ')}`);
  if (changes.length === 0) return 'The registry lists no drivers yet.';
  return `No driver matches. To see more, ${changes.join(', or ')}.`;
}
