import { checkRevision, commitsChanging, diffSince, mergeBaseWithHead, showFileAt } from '../common/git.ts';
import type { JsonSource } from '../json/source.ts';
import { changedLines } from './changed-lines.ts';
import { machineWrittenProblems } from './machine-written.ts';
import type { LocatedProblem } from './problem.ts';

// `validate --changed-since REF`, the one module of validate/ that asks git (through common/git.ts): what changed
// in a file since REF. Loaded only when asked for: git is not needed to validate, and validate runs on every
// commit.

export interface ChangedSince {
  ref: string;
  /**
   * The machine-written fields of `file` (named so in problems; `path` is the file git reads, through any
   * symlink) that changed since REF without a job's commit writing them.
   */
  forged(file: string, path: string, source: JsonSource): Promise<LocatedProblem[]>;
  /** The lines of the file at `path` a diff since REF adds or changes. */
  changedLines(path: string): Promise<Set<number>>;
}

/** What git says of files in `cwd` since `ref`; a usage error when `ref` could smuggle in an option. */
export function changedSince(ref: string, cwd: string): ChangedSince {
  checkRevision('--changed-since', ref);
  return {
    ref,
    forged: (file, path, source) =>
      machineWrittenProblems(file, source, ref, {
        textAt: (revision) => showFileAt(cwd, path, revision),
        mergeBase: () => mergeBaseWithHead(cwd, path, ref),
        commitsSince: (base) => commitsChanging(cwd, path, base),
      }),
    changedLines: async (path) => changedLines(await diffSince(cwd, path, ref)),
  };
}
