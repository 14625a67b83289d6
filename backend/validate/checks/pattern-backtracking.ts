import type { Problem } from '../problem.ts';
import { redosShapes } from '../../ci/redos-shape.ts';
import type { Check } from './check.ts';
import { everyPattern, fieldLabel } from './shape.ts';
import { quote } from '../../common/quote.ts';

export const patternBacktracking: Check = {
  id: 'pattern-backtracking',
  description:
    'CI patterns and ci.jobs entries have no catastrophic-backtracking (ReDoS) shapes such as (a+)+ or (a|a)*.',
  run: ({ data, compile }) =>
    everyPattern(data, compile).flatMap(({ field, pointer, source, compiled }): Problem[] =>
      // Only patterns RE2 accepts: pattern-syntax reports the rest.
      !compiled.ok
        ? []
        : redosShapes(source).map((shape) => ({
            check: 'pattern-backtracking',
            severity: 'warning',
            pointer,
            message:
              `${fieldLabel(field)} ${quote(source)} has ${shape.kind === 'nested-quantifier' ? 'nested quantifiers' : 'overlapping alternatives under a quantifier'} ` +
              `in ${quote(shape.part)}, a ReDoS shape: backtracking engines take exponential time on near-matching lines. ` +
              'RE2 runs it in linear time, so it is harmless here, but it is usually a mistake',
            hint: shape.simpler
              ? `write ${quote(shape.simpler, 1000)}, which matches the same lines`
              : shape.kind === 'nested-quantifier'
                ? 'quantify each part once, e.g. "(ab+)+" → "ab+(ab+)*" or simply the job name followed by " \\S+ : SUCCESS"'
                : 'make the alternatives start differently, e.g. "(a|ab)*" → "(ab?)*"',
          })),
    ),
};
