import type { JsonSource } from '../../json/source.ts';
import type { CompiledPattern } from '../../ci/pattern.ts';
import type { Problem } from '../problem.ts';

/** What every check sees. `data` is whatever parsed: checks must not trust its shape. */
export interface CheckContext {
  source: JsonSource;
  data: unknown;
  /** compilePattern, memoized for the run: several checks look at every pattern. */
  compile(source: string): CompiledPattern;
}

export interface Check {
  /** Stable id, printed with each problem and usable in CI annotations. */
  id: string;
  description: string;
  run(ctx: CheckContext): Problem[];
}
