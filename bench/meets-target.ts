/**
 * Whether a figure meets a target written as "< 1000 ms", "<= 60", ">= 3" in the figure's own unit; undefined
 * when there is no target. A target in another unit than the figure's is a mistake in the benchmark, not a miss.
 */
export function meetsTarget(value: number, target: string, unit?: string): boolean | undefined {
  const match = /^\s*(<=|>=|<|>|≤|≥)\s*([\d.]+)\s*(.*)$/.exec(target);
  if (!match) return undefined;
  const targetUnit = match[3]!.trim();
  if (unit !== undefined && targetUnit !== '' && targetUnit !== unit) {
    throw new RangeError(`target "${target}" is not in the figure's unit "${unit}"`);
  }
  const limit = Number(match[2]);
  switch (match[1]) {
    case '<':
      return value < limit;
    case '<=':
    case '≤':
      return value <= limit;
    case '>':
      return value > limit;
    default:
      return value >= limit;
  }
}
