/** Lines that checks test every pattern on, with their texts joined once. */
export interface LineSet<T extends { text: string }> {
  readonly lines: readonly T[];
  /** The texts joined by line feeds: a text that is in none of the lines is not in this either. */
  readonly joined: string;
}

export function lineSet<T extends { text: string }>(lines: readonly T[]): LineSet<T> {
  return { lines, joined: lines.map((line) => line.text).join('\n') };
}

/** A CI pattern RE2 accepts, as the checks use it (judged without RE2 when plain: plain-pattern.ts). */
export interface AcceptedPattern {
  ok: true;
  /** Unanchored search, like ci/pattern.ts's searchLine. */
  test(line: string): boolean;
  /** The first line of the set it matches. */
  find<T extends { text: string }>(set: LineSet<T>): T | undefined;
}
