import type { JsonSource } from '../json/source.ts';
import { parseJsonSource } from '../json/source.ts';
import { jobOfMessage } from '../model/job-trailer.ts';
import { forgedMachineFields, type TrustedVersion } from './machine-fields.ts';
import type { LocatedProblem } from './problem.ts';
import { locateProblems } from './validate.ts';

/** What git says of the registry file, handed in by the caller (the `validate` command reads it with git). */
export interface FileHistory {
  /** The file's text at a revision; undefined when the file does not exist there. */
  textAt(revision: string): Promise<string | undefined>;
  /** Where HEAD left REF's history (`git merge-base REF HEAD`). */
  mergeBase(): Promise<string>;
  /** The commits of BASE..HEAD that change the file, oldest first, with their messages. */
  commitsSince(base: string): Promise<Array<{ sha: string; message: string }>>;
}

/**
 * `validate --changed-since REF`: the machine-written fields of the file (as parsed) that changed since REF
 * without a job's commit writing them. Trusted: the file at REF, at the merge base of REF and HEAD (a branch
 * that has not merged REF's newer evidence still holds the merge base's), and after each commit in
 * merge-base..HEAD that carries a job's trailer (for that job's fields only).
 */
export async function machineWrittenProblems(
  file: string,
  source: JsonSource,
  ref: string,
  history: FileHistory,
): Promise<LocatedProblem[]> {
  // An unparsable file is json-syntax's to report.
  if (!source.ok) return [];
  const base = await history.mergeBase();
  const trusted: TrustedVersion[] = [];
  const read = async (revision: string, job?: TrustedVersion['job']): Promise<void> => {
    const committed = await history.textAt(revision);
    if (committed === undefined) return;
    const parsed = parseJsonSource(committed);
    if (parsed.ok) trusted.push({ data: parsed.value, job });
  };
  await read(ref);
  await read(base);
  for (const commit of await history.commitsSince(base)) {
    const job = jobOfMessage(commit.message);
    if (job) await read(commit.sha, job);
  }
  return locateProblems(forgedMachineFields(source.value, trusted, ref), file, source);
}
