// `recent`: the newest runs of a driver on a release, as a set with a cap, so merging is order-free and idempotent.

/** One counting comment as `recent` keeps it. Equal values are one run: re-reading a comment adds nothing. */
export interface RunEntry {
  seconds: number;
  changeNumber: number;
  patchSet: number;
  result: boolean;
}

/** How many runs `recent` keeps per driver and release. */
export const RECENT_RUNS = 10;

/** `recent`'s order, newest first: by time, then the higher change number; the rest only makes it total. */
export function runOrder(a: RunEntry, b: RunEntry): number {
  return (
    b.seconds - a.seconds ||
    b.changeNumber - a.changeNumber ||
    b.patchSet - a.patchSet ||
    Number(b.result) - Number(a.result)
  );
}

/** The newest RECENT_RUNS distinct runs of two newest-first lists. */
export function mergeRuns(a: readonly RunEntry[], b: readonly RunEntry[]): RunEntry[] {
  const merged: RunEntry[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < RECENT_RUNS && (i < a.length || j < b.length)) {
    const order = i >= a.length ? 1 : j >= b.length ? -1 : runOrder(a[i]!, b[j]!);
    const next = order <= 0 ? a[i++]! : b[j++]!;
    if (order === 0) j++;
    const last = merged.at(-1);
    if (last === undefined || runOrder(last, next) !== 0) merged.push(next);
  }
  return merged;
}
