import type { RE2JS } from 're2js';
import { DriverlogError } from '../common/errors.ts';
import { compilePattern, searchLine } from './pattern.ts';
import type { PatternCi } from '../model/types.ts';

/** A driver's CI patterns, compiled once per run (RE2: linear time over untrusted comment text). */
export interface CompiledCi {
  id: string;
  success: RE2JS;
  failure: RE2JS;
}

export interface CommentVerdict {
  result: boolean;
  /** The line that decided, trimmed. */
  line: string;
}

export class CiPatternError extends DriverlogError {
  constructor(
    readonly field: 'success_pattern' | 'failure_pattern',
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

export function compileCi(ci: PatternCi): CompiledCi {
  const success = compilePattern(ci.success_pattern);
  if (!success.ok) throw new CiPatternError('success_pattern', success.reason);
  const failure = compilePattern(ci.failure_pattern);
  if (!failure.ok) throw new CiPatternError('failure_pattern', failure.reason);
  return { id: ci.id, success: success.regex, failure: failure.regex };
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
  patterns: Pick<CompiledCi, 'success' | 'failure'>,
): CommentVerdict | undefined {
  for (const line of verdictLines(message)) {
    if (searchLine(patterns.success, line)) return { result: true, line: line.trim() };
    if (searchLine(patterns.failure, line)) return { result: false, line: line.trim() };
  }
  return undefined;
}
