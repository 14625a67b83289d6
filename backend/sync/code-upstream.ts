import type { DriverUpstream } from '../model/types.ts';
import type { CodeClass } from './code-facts.ts';

/** One release's driver classes, by path; a project's list is in the registry's release order. */
export interface ReleaseClasses {
  release: string;
  /** The ref read, for messages (REF:PATH:LINE). */
  ref?: string;
  classes: ReadonlyMap<string, CodeClass>;
}

export type CodeUpstream = Pick<DriverUpstream, 'code_in_tree' | 'ci_wiki_name' | 'code_supported'>;

export const CODE_FIELDS = ['code_in_tree', 'ci_wiki_name', 'code_supported'] as const;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a driver's classes say, release by release, or undefined when no release has any of them: the
 * releases that have one, and step lists (a pair where the value changes, oldest first, over those
 * releases) of their sorted distinct CI_WIKI_NAMEs and of whether any is supported.
 */
export function codeUpstream(
  linked: readonly string[],
  releases: readonly ReleaseClasses[],
): CodeUpstream | undefined {
  const inTree: string[] = [];
  const names: Array<[string, string[]]> = [];
  const supported: Array<[string, boolean]> = [];
  for (const { release, classes } of releases) {
    const present = linked.flatMap((path) => classes.get(path) ?? []);
    if (present.length === 0) continue;
    inTree.push(release);
    const wiki = [...new Set(present.flatMap((found) => found.ci_wiki_names))].sort(byCodePoint);
    if (names.length === 0 || names.at(-1)![1].join('\n') !== wiki.join('\n')) names.push([release, wiki]);
    const anySupported = present.some((found) => found.supported);
    if (supported.length === 0 || supported.at(-1)![1] !== anySupported)
      supported.push([release, anySupported]);
  }
  if (inTree.length === 0) return undefined;
  return { code_in_tree: inTree, ci_wiki_name: names, code_supported: supported };
}
