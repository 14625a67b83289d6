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
  /** The file checked: a registry (the default) or its runs file (model/runs-file.ts), where hints differ. */
  kind?: 'registry' | 'runs';
  /**
   * Validating a runs file: its runs that belong to no record of the registry beside it (model/runs-file.ts
   * finds them when both files have the schema's shape).
   */
  unmatchedRuns?: ReadonlyArray<{ pointer: string; driver: string; release?: string }>;
}

export interface Check {
  /** Stable id, printed with each problem and usable in CI annotations. */
  id: string;
  description: string;
  run(ctx: CheckContext): Problem[];
}
