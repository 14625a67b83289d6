import type { JobResult, Run, VerificationRecord } from '../model/types.ts';

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
    a.judged_by === b.judged_by &&
    jobsEqual(a.jobs ?? [], b.jobs ?? []) &&
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

function jobsEqual(a: readonly JobResult[], b: readonly JobResult[]): boolean {
  return (
    a.length === b.length &&
    a.every((job, i) => job.name === b[i]!.name && job.result === b[i]!.result && job.url === b[i]!.url)
  );
}
