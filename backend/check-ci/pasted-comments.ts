// A vendor pastes one comment, or several copied from Gerrit one after the other. Gerrit starts every review
// message with `Patch Set N:`, so each such line starts a comment; a text without one is one comment.
const HEADER = /^Patch Set \d+:/;

export interface PastedComment {
  /** The 1-based line it starts on. */
  line: number;
  text: string;
}

export function pastedComments(text: string): PastedComment[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const starts = lines.flatMap((line, i) => (HEADER.test(line) ? [i] : []));
  if (starts[0] !== 0) starts.unshift(0);
  return starts
    .map((start, i) => ({ line: start + 1, text: lines.slice(start, starts[i + 1]).join('\n') }))
    .filter((comment) => comment.text.trim() !== '');
}
