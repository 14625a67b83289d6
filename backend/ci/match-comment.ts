import type { RE2JS } from 're2js';
import { DriverlogError } from '../common/errors.ts';
import { compilePattern, searchLine } from './pattern.ts';
import type { Ci, JobResult } from '../model/types.ts';

/**
 * How a driver's CI comments are read, compiled once per run (RE2: linear time over untrusted comment text): its
 * two patterns, or — without them — Zuul's report, restricted to the driver's own jobs when `jobs` names them.
 */
export type CompiledCi =
  { kind: 'patterns'; success: RE2JS; failure: RE2JS } | { kind: 'zuul'; jobs?: RE2JS[] };

/** Which rule of judgeComment gave a verdict. */
export type JudgedBy = 'patterns' | 'zuul' | 'vote';

export interface CommentVerdict {
  result: boolean;
  /** The line that decided, trimmed. */
  line: string;
  judgedBy: JudgedBy;
  /** A Zuul report's deciding jobs of the driver, in report order (at most MAX_RECORDED_JOBS). */
  jobs?: JobResult[];
}

export class CiPatternError extends DriverlogError {
  constructor(
    readonly field: 'success_pattern' | 'failure_pattern' | 'jobs',
    readonly reason: string,
  ) {
    // Validation reports a registry's bad patterns first; one that gets this far came from the command line.
    super(
      `ci.${field} does not compile: ${reason} (fix it and run 'driverlog validate')`,
      'CI_PATTERN',
      'usage',
    );
  }
}

export function compileCi(ci: Ci): CompiledCi {
  if (ci.success_pattern !== undefined && ci.failure_pattern !== undefined) {
    const success = compilePattern(ci.success_pattern);
    if (!success.ok) throw new CiPatternError('success_pattern', success.reason);
    const failure = compilePattern(ci.failure_pattern);
    if (!failure.ok) throw new CiPatternError('failure_pattern', failure.reason);
    return { kind: 'patterns', success: success.regex, failure: failure.regex };
  }
  if (ci.jobs === undefined) return { kind: 'zuul' };
  const jobs = ci.jobs.map((source) => {
    const compiled = compilePattern(source);
    if (!compiled.ok) throw new CiPatternError('jobs', `${JSON.stringify(source)}: ${compiled.reason}`);
    return compiled.regex;
  });
  return { kind: 'zuul', jobs };
}

// Gerrit starts every review message with `Patch Set N:` plus the votes; the verdict is in the body.
const PATCH_SET_LINE = /^Patch Set \d+\b/;

/** The lines a verdict is read from: non-empty, in order, without Gerrit's `Patch Set N: …` header. */
export function verdictLines(message: string): string[] {
  const lines = message.split(/\r?\n/);
  if (lines[0] !== undefined && PATCH_SET_LINE.test(lines[0])) lines.shift();
  return lines.filter((line) => line.trim() !== '');
}

/**
 * On each line the success pattern is searched first, then the failure pattern; the first line
 * that matches either decides. Per-line matching is what lets `Build failed.` (another job) lose to
 * the driver's own `… : SUCCESS` line when only the latter matches the driver's patterns.
 */
export function matchComment(
  message: string,
  patterns: { success: RE2JS; failure: RE2JS },
): CommentVerdict | undefined {
  for (const line of verdictLines(message)) {
    if (searchLine(patterns.success, line)) return { result: true, line: line.trim(), judgedBy: 'patterns' };
    if (searchLine(patterns.failure, line)) return { result: false, line: line.trim(), judgedBy: 'patterns' };
  }
  return undefined;
}
