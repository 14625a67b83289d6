import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

// Vendors' CI patterns run unattended over untrusted comment text, so they run in RE2 (linear time,
// no backtracking). Validation and the batch job both compile through here: what validates is
// exactly what runs.

// Loaded on the first pattern that needs it: most patterns are plain (validate/plain-pattern.ts), and loading
// RE2 costs more than validating them all.
let re2: typeof RE2JS | undefined;
const loadRe2 = (): typeof RE2JS =>
  (re2 ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; reason: string };

export function compilePattern(source: string): CompiledPattern {
  try {
    return { ok: true, regex: loadRe2().compile(source) };
  } catch (error) {
    if (error instanceof Error && error.name === 'RE2JSSyntaxException') {
      return { ok: false, reason: error.message.replace(/^error parsing regexp: /, '') };
    }
    throw error;
  }
}

/** Unanchored, case-sensitive search, like Python's re.search that the original DriverLog used. */
export function searchLine(regex: RE2JS, line: string): boolean {
  // test() is matcher(line).find() without capture groups, so RE2 can use its DFA (validate runs
  // every pattern over a corpus of lines).
  return regex.test(line);
}
