import { firstDifference, type LineDifference } from '../format/first-difference.ts';
import { formatFiles } from '../format/format-files.ts';
import { hasInlineRuns } from '../model/runs-file.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { structuralProblems } from '../validate/validate.ts';
import { editRegistry, type Edit } from './edit-registry.ts';

/** What `driverlog format` did, or why it left the file as it was. */
export type FormatOutcome =
  | { kind: 'formatted' | 'canonical' }
  /** `check`: the first place the file differs from its canonical form. */
  | { kind: 'not-canonical'; difference: LineDifference }
  /** Formatting would lose data until these are fixed. */
  | { kind: 'unsafe'; problems: LocatedProblem[] }
  /** The records hold runs and the runs file exists too: which of the two is right is the maintainer's call. */
  | { kind: 'two-sets-of-runs'; runsFile: string };

/**
 * Rewrites a registry file in canonical form (or, with `check`, says where it is not). Only order and whitespace
 * change; the runs file is left as it is, except that runs an older registry keeps in its records move into a new
 * one.
 */
export async function formatFile(
  file: string,
  options: { cwd: string; check: boolean },
): Promise<FormatOutcome> {
  const edited = await editRegistry(
    file,
    'format',
    (opened): Edit<FormatOutcome> => {
      const unsafe = structuralProblems(opened.problems);
      if (opened.value === undefined || unsafe.length > 0)
        return { result: { kind: 'unsafe', problems: unsafe } };
      if (options.check) {
        const difference = firstDifference(opened.text, formatFiles(opened.value).text);
        return { result: difference ? { kind: 'not-canonical', difference } : { kind: 'canonical' } };
      }
      if (opened.runs !== undefined && hasInlineRuns(opened.source.ok ? opened.source.value : undefined))
        return { result: { kind: 'two-sets-of-runs', runsFile: opened.runs.file } };
      return { next: opened.value, result: { kind: 'formatted' } };
    },
    { cwd: options.cwd },
  );
  if (edited.saved === undefined) return edited.result;
  return { kind: edited.saved.written ? 'formatted' : 'canonical' };
}
