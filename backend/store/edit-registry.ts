import { DriverlogError } from '../common/errors.ts';
import { commitAndPush, type DescribeCommit } from '../common/git-commit.ts';
import type { LockOwner } from '../common/lock.ts';
import { withJobTrailer } from '../model/job-trailer.ts';
import { runsFileOf } from '../model/runs-file.ts';
import type { Registry } from '../model/types.ts';
import { openRegistry, type OpenedRegistry } from './open-registry.ts';
import {
  commitGuard,
  lockRegistry,
  registryTarget,
  saveRegistry,
  type SavedRegistry,
  type Writer,
} from './save-registry.ts';

/** What a job makes of the registry it read. */
export interface Edit<T> {
  /** The registry to write; undefined when there is nothing to write. */
  next?: Registry;
  /** What the job reports, whatever was written. */
  result: T;
  /**
   * Commit the registry's files (whatever git sees changed in them, also an earlier run's), with this message
   * (the job's trailer is added), and push when asked; undefined for no commit.
   */
  commit?: { describe: DescribeCommit; push: boolean };
}

export interface Edited<T> {
  opened: OpenedRegistry;
  result: T;
  saved?: SavedRegistry;
  commit?: { sha: string; subject: string; pushed: boolean };
  /** Committing or pushing failed (git, hand edits, invalid text) after the files were written. */
  commitError?: DriverlogError;
}

export interface EditOptions {
  cwd?: string;
  /**
   * Hold the registry's lock from before the read until after the write (`update`, whose scan takes minutes);
   * otherwise the save takes it for the write alone, and refuses a file edited since the read.
   */
  hold?: { onStale?: (owner: LockOwner) => void };
}

/**
 * One edit of the registry: open → compute → save → commit. A failure before the save, or in it, leaves every
 * file as it was (saveRegistry puts the runs file back when the registry cannot be written); a commit that fails
 * after the save leaves the files written and says why in `commitError`.
 */
export async function editRegistry<T>(
  file: string,
  job: Writer,
  compute: (opened: OpenedRegistry) => Promise<Edit<T>> | Edit<T>,
  options: EditOptions = {},
): Promise<Edited<T>> {
  const lock = options.hold ? lockRegistry(registryTarget(file), options.hold) : undefined;
  try {
    const opened = openRegistry(file, {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(lock ? { lock } : {}),
    });
    const edit = await compute(opened);
    const saved = edit.next === undefined ? undefined : saveRegistry(opened, edit.next, { job });
    const edited: Edited<T> = { opened, result: edit.result, ...(saved ? { saved } : {}) };
    if (edit.commit === undefined) return edited;
    try {
      // Through a symlink, the commit concerns the file it points to; only update writes the runs file.
      const target = registryTarget(opened.path);
      const companions = job === 'update' ? [runsFileOf(target)] : [];
      // A job's commits say which job made them (validate --changed-since trusts their fields by it).
      const { describe } = edit.commit;
      const signed: DescribeCommit = (...args) =>
        job === 'format' ? describe(...args) : withJobTrailer(describe(...args), job);
      const commit = await commitAndPush(target, signed, commitGuard(saved), edit.commit.push, companions);
      return { ...edited, ...(commit ? { commit } : {}) };
    } catch (error) {
      if (!(error instanceof DriverlogError)) throw error;
      return { ...edited, commitError: error };
    }
  } finally {
    lock?.release();
  }
}
