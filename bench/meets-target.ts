/** Whether a figure meets a target written as "< 1", "<= 60", ">= 3" (the unit is the figure's); undefined when there is none. */
export function meetsTarget(value: number, target: string): boolean | undefined {
  const match = /^\s*(<=|>=|<|>|≤|≥)\s*([\d.]+)/.exec(target);
  if (!match) return undefined;
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
