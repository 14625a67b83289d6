import type { Position } from '../json/source.ts';

export type Severity = 'error' | 'warning';

/** Something wrong with a registry, about the value `pointer` names. */
export interface Problem {
  /** Id of the check that found it, e.g. 'duplicate-key'. */
  check: string;
  severity: Severity;
  /** JSON pointer of the value concerned ('' for the whole document). */
  pointer: string;
  message: string;
  /** How to fix it. */
  hint: string;
  /** Set when the check knows better than the pointer where the problem is (syntax errors, repeated keys). */
  position?: Position;
  /**
   * A warning that is an error on a line a change wrote (`validate --changed-since`, changed-lines.ts): what old
   * entries may still carry, a change must not add.
   */
  errorWhenChanged?: true;
}

/** A problem placed in a file, ready to print. */
export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  check: string;
  severity: Severity;
  pointer: string;
  message: string;
  hint: string;
  errorWhenChanged?: true;
}
