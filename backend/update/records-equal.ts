import type { Run, VerificationRecord } from '../model/types.ts';

/** Field by field, so a hand-reordered record read back from the file still compares equal. */
export function recordsEqual(a: VerificationRecord, b: VerificationRecord): boolean {
  return (
    a.ci_result === b.ci_result &&
    a.review_url === b.review_url &&
    a.change_number === b.change_number &&
    a.patch_set === b.patch_set &&
    a.branch === b.branch &&
    a.ci_id === b.ci_id &&
    a.comment === b.comment &&
    a.timestamp === b.timestamp &&
    a.last_success?.review_url === b.last_success?.review_url &&
    a.last_success?.timestamp === b.last_success?.timestamp &&
    runsEqual(a.recent ?? [], b.recent ?? [])
  );
}

function runsEqual(a: readonly Run[], b: readonly Run[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (run, i) =>
        run.timestamp === b[i]!.timestamp &&
        run.change_number === b[i]!.change_number &&
        run.patch_set === b[i]!.patch_set &&
        run.ci_result === b[i]!.ci_result,
    )
  );
}
