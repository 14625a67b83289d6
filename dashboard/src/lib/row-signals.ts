// A home-table row's release-scoped signals: for the release the table shows (the selected one, else the newest
// maintained one), whether the vendor claims the driver and what the project's tree says; with a release
// selected, why the row matches it. The server and the browser render them with the same function.
import { compactTreeSignal, type ClientDriver } from './client-index.ts';
import type { ReleaseRoles } from './release-views.ts';
import { TREE_WORDS, type TreeSignal } from './signals.ts';
import { findRelease, releaseList } from './status.ts';
import { xmlText } from './xml.ts';

export interface RowSignals {
  release: string;
  claimed: boolean;
  tree: TreeSignal;
  /** With a release selected: why the row matches it. */
  matches?: string;
}

const inTree = (tree: TreeSignal) => tree === 'supported' || tree === 'unsupported';

/** "claimed", "in the tree", "claimed and in the tree": why a row matches a release (a row matches on either). */
export function matchReason(claimed: boolean, tree: TreeSignal): string | undefined {
  const reasons = [...(claimed ? ['claimed'] : []), ...(inTree(tree) ? ['in the tree'] : [])];
  return reasons.length === 0 ? undefined : reasons.join(' and ');
}

/** Whether a driver is claimed or in the tree for the release at `position` of `releases`. */
export function releaseFacts(d: ClientDriver, releases: readonly string[], position: number) {
  const release = releases[position]!;
  const claimed = findRelease(d.status.claims, release) !== undefined;
  return { release, claimed, tree: compactTreeSignal(d.tree, position) };
}

/**
 * The signals for `selected` ("" for none: the maintained release, without a reason; a comma list: the newest
 * release of it that the row matches, else the newest of it). Undefined when there is no release to speak of.
 */
export function rowSignals(
  d: ClientDriver,
  selected: string,
  releases: readonly string[],
  roles: ReleaseRoles,
): RowSignals | undefined {
  if (selected === '') {
    const at = roles.maintained === undefined ? -1 : releases.indexOf(roles.maintained);
    return at === -1 ? undefined : releaseFacts(d, releases, at);
  }
  const positions = releaseList(selected)
    .map((id) => releases.findIndex((r) => r.toLowerCase() === id.toLowerCase()))
    .filter((p) => p !== -1)
    .sort((a, b) => b - a);
  if (positions.length === 0) return undefined;
  const facts = positions.map((p) => releaseFacts(d, releases, p));
  const chosen = facts.find((f) => matchReason(f.claimed, f.tree) !== undefined) ?? facts[0]!;
  const matches = matchReason(chosen.claimed, chosen.tree);
  return matches === undefined ? chosen : { ...chosen, matches };
}

export function rowSignalsHtml(s: RowSignals | undefined): string {
  if (s === undefined) return '';
  const claim = s.claimed ? 'claimed' : 'not claimed';
  // A project without tree data for the release has nothing to say of it: the row does not repeat so.
  const tree = s.tree === 'no-matrix' ? '' : ` · ${xmlText(TREE_WORDS[s.tree])}`;
  const why = s.matches ? ` <span class="why">matches: ${xmlText(s.matches)}</span>` : '';
  return `<span class="row-release">${xmlText(s.release)}:</span> ${claim}${tree}${why}`;
}
