// Data and Gerrit bodies reach terminals, CI logs, GitHub annotations and job summaries. Raw control characters
// there can recolour or clear a terminal (ANSI escapes), forge whole lines ("✅ All checks passed" after a
// newline), or reorder what is shown (bidirectional overrides); and a GitHub Actions log obeys any line that
// starts, after spaces, with "::" (a workflow command: "::error file=…::forged annotation"). Every text output
// passes its data through here.

// C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates, and the Unicode line and
// paragraph separators (which some renderers break lines at).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// The runner trims leading white space before it looks for "::".
const COMMAND = /^(\s*)::/;

/**
 * `text` with every control character written as a visible escape (`\n`, `\u001b`): one line, shown as it is.
 * A leading "::" becomes `\u003a:`, so the line can never be read as a workflow command.
 */
export function printable(text: string): string {
  return text
    .replace(UNPRINTABLE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(COMMAND, '$1\\u003a:');
}

/** A message of several lines (ours, split at `\n`), each line `printable`. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
