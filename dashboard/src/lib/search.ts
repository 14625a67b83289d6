import Fuse from 'fuse.js/basic';

// Fuzzy search that stays fast at thousands of drivers: Fuse.js matches each query word against the
// distinct words of the searchable fields (a few thousand short strings) instead of against every
// driver's full text, and an inverted index maps matching words back to drivers. A driver matches
// when every query word fuzzily matches one of its words. Results per query word are kept, so
// typing one more letter only searches the last word again.

/** Lower-case words; compound ids such as "gamma-ci" or "openstack/nova" also yield their parts. */
export function words(text: string): string[] {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}._\-/]+/u)) {
    const trimmed = trimJoiners(word);
    if (!trimmed) continue;
    out.add(trimmed);
    for (const part of trimmed.split(/[._\-/]+/)) if (part) out.add(part);
  }
  return [...out];
}

const JOINERS = new Set(['.', '_', '-', '/']);

/** Without leading and trailing joiners; a scan, as a regular expression backtracks on long runs of them. */
function trimJoiners(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && JOINERS.has(word[start]!)) start++;
  while (end > start && JOINERS.has(word[end - 1]!)) end--;
  return word.slice(start, end);
}

export interface DriverSearch {
  /** Indexes of the drivers matching `query`, or undefined when the query has no words. */
  search(query: string): Set<number> | undefined;
}

export function createDriverSearch(docs: ReadonlyArray<readonly string[]>, threshold = 0.2): DriverSearch {
  const vocabulary = new Map<string, number[]>();
  docs.forEach((fields, doc) => {
    for (const word of words(fields.join(' '))) {
      const postings = vocabulary.get(word);
      if (postings) postings.push(doc);
      else vocabulary.set(word, [doc]);
    }
  });
  const list = [...vocabulary.keys()];
  const postings = [...vocabulary.values()];
  const fuse = new Fuse(list, { threshold, ignoreLocation: true, shouldSort: false, isCaseSensitive: true });
  const perWord = new Map<string, Set<number>>();

  function matches(word: string): Set<number> {
    let found = perWord.get(word);
    if (!found) {
      found = new Set<number>();
      for (const hit of fuse.search(word)) for (const doc of postings[hit.refIndex]!) found.add(doc);
      // A handful of recent words is all that typing revisits.
      if (perWord.size > 64) perWord.clear();
      perWord.set(word, found);
    }
    return found;
  }

  return {
    search(query) {
      // Each space-separated part is one term, compound ids whole ("gamma-ci").
      const terms = [...new Set(query.split(/\s+/).flatMap((part) => words(part).slice(0, 1)))];
      if (terms.length === 0) return undefined;
      let result: Set<number> | undefined;
      for (const term of terms) {
        const docsForTerm = matches(term);
        result = result ? new Set([...result].filter((doc) => docsForTerm.has(doc))) : new Set(docsForTerm);
        if (result.size === 0) break;
      }
      return result;
    },
  };
}
