/** Lines that checks test every pattern on, with their texts joined once. */
export interface LineSet<T extends { text: string }> {
  readonly lines: readonly T[];
  /** The texts joined by line feeds: a text that is in none of the lines is not in this either. */
  readonly joined: string;
}

export function lineSet<T extends { text: string }>(lines: readonly T[]): LineSet<T> {
  return { lines, joined: lines.map((line) => line.text).join('\n') };
}
