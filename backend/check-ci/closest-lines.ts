// When a CI comment matched neither pattern, the vendor needs to see which line they probably
// meant. A regex has no distance to a string, so rank lines by how many of the pattern's literal
// words (what is left once the regex syntax is stripped) they contain.

export interface ClosestLine {
  line: string;
  pattern: 'success_pattern' | 'failure_pattern';
  /** The pattern's words found in the line (case-insensitive). */
  shared: string[];
  /** shared / the pattern's words, 0..1. */
  score: number;
}

function words(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => word.length > 1))];
}

/** The literal words of a regex source: escapes like \s and \d and character classes dropped. */
export function patternWords(source: string): string[] {
  return words(source.replace(/\\[a-zA-Z]/g, ' ').replace(/\[[^\]]*\]/g, ' '));
}

export function closestLines(
  lines: readonly string[],
  patterns: { success_pattern: string; failure_pattern: string },
  count = 3,
): ClosestLine[] {
  const ranked: ClosestLine[] = [];
  for (const pattern of ['success_pattern', 'failure_pattern'] as const) {
    const wanted = patternWords(patterns[pattern]);
    if (wanted.length === 0) continue;
    for (const line of lines) {
      const have = new Set(words(line));
      const shared = wanted.filter((word) => have.has(word));
      if (shared.length > 0)
        ranked.push({ line: line.trim(), pattern, shared, score: shared.length / wanted.length });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.line.length - b.line.length);
  // A line near both patterns is shown once, beside the one it is nearer to.
  const shown = new Set<string>();
  return ranked.filter(({ line }) => !shown.has(line) && shown.add(line)).slice(0, count);
}
