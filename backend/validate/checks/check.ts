import type { JsonSource } from '../../json/source.ts';
import type { CheckedPattern } from '../checked-pattern.ts';
import type { Problem } from '../problem.ts';

/** What every check sees. `data` is whatever parsed: checks must not trust its shape. */
export interface CheckContext {
  source: JsonSource;
  data: unknown;
  /** The time of the run, in milliseconds since the epoch (injected: checks never read the clock). */
  now: number;
  /** checkPattern, memoized for the run: several checks look at every pattern. */
  compile(source: string): CheckedPattern;
}

export interface Check {
  /** Stable id, printed with each problem and usable in CI annotations. */
  id: string;
  description: string;
  run(ctx: CheckContext): Problem[];
}
