import { compilePattern, searchLine } from '../../backend/ci/pattern.ts';
import type { PatternCi } from '../../backend/model/types.ts';
import { invertPattern, URL_SLOT } from './pattern-invert.ts';
import type { Prng } from './prng.ts';

/** How a driver's result shows in its CI's comment. */
export type LineKind = 'job' | 'zuul-header' | 'jenkins-header' | 'text';

export interface CiLine {
  kind: LineKind;
  text: string;
}

export interface LineContext {
  rng: Prng;
  ciId: string;
  change: number;
  patchSet: number;
}

export interface LineMaker {
  /** The kind of the success line (failure lines almost always share it). */
  kind: LineKind;
  make(pass: boolean, context: LineContext): CiLine;
}

/** A maker of result lines that the driver's own success_pattern / failure_pattern match. */
export function lineMaker(ci: PatternCi): LineMaker {
  const success = shape(ci.success_pattern, ci.id, true);
  const failure = shape(ci.failure_pattern, ci.id, false);
  const make = (pass: boolean, context: LineContext): CiLine => {
    const chosen = pass ? success : failure;
    const url = `https://ci.example.org/${context.ciId}/${context.change}/${context.patchSet}/${context.rng.hex(7)}`;
    const text = chosen.text.replaceAll(URL_SLOT, url);
    if (chosen.kind !== 'job') return { kind: chosen.kind, text };
    return { kind: 'job', text: `- ${text} in ${context.rng.duration(20, 150)}` };
  };
  return { kind: success.kind, make };
}

/** The template for one pattern, checked against the pattern itself with a sample URL. */
function shape(pattern: string, ciId: string, pass: boolean): CiLine {
  const compiled = compilePattern(pattern);
  const inverted = invertPattern(pattern);
  const candidates: CiLine[] = [];
  if (inverted !== undefined) candidates.push(classify(inverted, ciId));
  candidates.push(fallback(ciId, pass));
  for (const candidate of candidates) {
    if (!compiled.ok) return candidate;
    const sample =
      candidate.kind === 'job'
        ? `- ${candidate.text.replaceAll(URL_SLOT, 'https://ci.example.org/x/1/1/abc')} in 1m 00s`
        : candidate.text;
    if (searchLine(compiled.regex, sample)) return candidate;
  }
  return candidates.at(-1)!;
}

function classify(text: string, ciId: string): CiLine {
  if (text.includes(URL_SLOT)) return { kind: 'job', text };
  if (/^Build [a-z]/.test(text)) return { kind: 'zuul-header', text: text.endsWith('.') ? text : `${text}.` };
  if (/^Build [A-Z]/.test(text)) return { kind: 'jenkins-header', text };
  // A bare result word (SUCCESS, FAILURE, success) sits where Zuul puts it: after a job and URL.
  if (/^[A-Za-z][\w-]*$/.test(text))
    return { kind: 'job', text: `${ciId}-dsvm-tempest ${URL_SLOT} : ${text}` };
  return { kind: 'text', text };
}

function fallback(ciId: string, pass: boolean): CiLine {
  return { kind: 'job', text: `${ciId}-dsvm-tempest ${URL_SLOT} : ${pass ? 'SUCCESS' : 'FAILURE'}` };
}
