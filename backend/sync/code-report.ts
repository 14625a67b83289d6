import type { CodeMerge } from './code-merge.ts';
import type { CodeRead, CodeReleaseRead } from './read-code.ts';

/** What sync read of a project's driver classes and what it made of them (in the report and --report FILE). */
export interface CodeReport {
  paths: string[];
  marker: string;
  releases: CodeReleaseRead[];
  /** The newest release with driver classes: how many it has, and how many of them a driver links to. */
  newest?: { release: string; classes: number; linked: number };
  /** Its classes no driver links to, with the drivers they most likely belong to. */
  unlinked: CodeMerge['unlinked'];
  /** --add-new: classes linked to existing drivers, and drivers added (vendor and name to review). */
  linked_by_add_new: CodeMerge['linked'];
  added_need_review: CodeMerge['added'];
  /** Linked classes that no release's tree has. */
  linked_not_in_tree: CodeMerge['notInTree'];
  warnings: string[];
}

export function codeReport(
  code: { paths: string[]; marker: string },
  read: CodeRead,
  merge: CodeMerge,
): CodeReport {
  const newest = read.classes.find(({ release }) => release === merge.newest);
  return {
    paths: code.paths,
    marker: code.marker,
    releases: read.releases,
    ...(newest
      ? {
          newest: {
            release: newest.release,
            classes: newest.classes.size,
            linked: newest.classes.size - merge.unlinked.length,
          },
        }
      : {}),
    unlinked: merge.unlinked,
    linked_by_add_new: merge.linked,
    added_need_review: merge.added,
    linked_not_in_tree: merge.notInTree,
    warnings: [...read.warnings, ...merge.warnings],
  };
}
