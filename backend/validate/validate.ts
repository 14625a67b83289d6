import { checks, runsChecks, type CheckContext } from './checks/index.ts';
import { duplicateKey } from './checks/duplicate-key.ts';
import { jsonSyntax } from './checks/json-syntax.ts';
import { parseJsonSource, type JsonSource } from '../json/source.ts';
import { checkPattern, type CheckedPattern } from './checked-pattern.ts';
import type { LocatedProblem, Problem } from './problem.ts';

/**
 * Every problem of a registry file's text, each placed at FILE:LINE:COLUMN, sorted by position.
 * When the text is not JSON only the syntax problem is reported (nothing else can be trusted);
 * otherwise every check runs, schema or not, and all their problems are reported.
 */
export function validateText(text: string, file: string, options: ValidateOptions = {}): LocatedProblem[] {
  return validateSource(parseJsonSource(text), file, options);
}

export interface ValidateOptions {
  /** The run's "now", in milliseconds (default: the clock): evidence dated after it is an error. */
  now?: number;
}

/** validateText over an already parsed text, so a reader that needs the value too parses once. */
export function validateSource(
  source: JsonSource,
  file: string,
  options: ValidateOptions = {},
): LocatedProblem[] {
  const ctx = contextOf(source, options.now ?? Date.now());
  return locateProblems(
    (source.ok ? checks : [jsonSyntax]).flatMap((check) => check.run(ctx)),
    file,
    source,
  );
}

/**
 * Every problem of a runs file (model/runs-file.ts) at FILE:LINE:COLUMN, sorted by position. `unmatchedRuns`
 * are its runs that belong to no record of the registry beside it.
 */
export function validateRunsSource(
  source: JsonSource,
  file: string,
  options: ValidateOptions & { unmatchedRuns?: CheckContext['unmatchedRuns'] } = {},
): LocatedProblem[] {
  const ctx: CheckContext = {
    ...contextOf(source, options.now ?? Date.now()),
    kind: 'runs',
    unmatchedRuns: options.unmatchedRuns,
  };
  return locateProblems(
    (source.ok ? runsChecks : [jsonSyntax]).flatMap((check) => check.run(ctx)),
    file,
    source,
  );
}

const rank = new Map(
  [...checks, ...runsChecks.filter((check) => !checks.includes(check))].map((check, index) => [
    check.id,
    index,
  ]),
);

/** Problems placed at FILE:LINE:COLUMN of the parsed text, sorted by position, then by check. */
export function locateProblems(
  problems: readonly Problem[],
  file: string,
  source: JsonSource,
): LocatedProblem[] {
  return problems
    .map((problem) => locate(problem, file, source))
    .map((located, index) => ({ located, index }))
    .sort(
      (a, b) =>
        a.located.line - b.located.line ||
        a.located.column - b.located.column ||
        (rank.get(a.located.check) ?? 0) - (rank.get(b.located.check) ?? 0) ||
        a.index - b.index,
    )
    .map(({ located }) => located);
}

/**
 * The problems that make a text unsafe to rewrite: syntax errors, and repeated keys (whose first values a rewrite
 * would silently drop). Any other problem survives a rewrite exactly as it was.
 */
export function structuralProblems(problems: readonly LocatedProblem[]): LocatedProblem[] {
  return problems.filter((problem) => problem.check === jsonSyntax.id || problem.check === duplicateKey.id);
}

function contextOf(source: JsonSource, now: number): CheckContext {
  const compiled = new Map<string, CheckedPattern>();
  return {
    source,
    data: source.ok ? source.value : undefined,
    now,
    compile: (pattern) => {
      let result = compiled.get(pattern);
      if (!result) compiled.set(pattern, (result = checkPattern(pattern)));
      return result;
    },
  };
}

function locate(problem: Problem, file: string, source: JsonSource): LocatedProblem {
  // A pointer with no value of its own (a missing property) is placed at its nearest ancestor.
  const position =
    problem.position ?? (source.ok ? source.locateNearest(problem.pointer) : { line: 1, column: 1 });
  return {
    file,
    line: position.line,
    column: position.column,
    check: problem.check,
    severity: problem.severity,
    pointer: problem.pointer,
    message: problem.message,
    hint: problem.hint,
  };
}
