import type { ChangeInfo } from './types.ts';

/** The change's current patch set number: Gerrit 3.10+ sends it; older servers only via `revisions`. */
export function currentPatchSet(change: ChangeInfo): number | undefined {
  if (change.current_revision_number !== undefined) return change.current_revision_number;
  if (change.current_revision === undefined) return undefined;
  return change.revisions?.[change.current_revision]?._number;
}
