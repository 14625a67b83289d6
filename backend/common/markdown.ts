import { printable } from './escape.ts';

// Text from the registry or a report goes into Markdown that GitHub renders: a job summary, an issue, a README.
// A name a pull request chose must read as the name and do nothing else: open no emphasis, code, link, image,
// table cell, HTML or comment, mention no one, reference no issue and become no link by itself. One escaping
// here, for every Markdown DriverLog writes (the update report, the audit, the dashboard's badge snippet).

// Backslash escapes keep the raw text readable where it is pasted as plain text; characters that HTML acts on
// are numeric references (also inside table cells, where a literal `|` would end the cell).
const ESCAPES: Record<string, string> = { '<': '&#60;', '>': '&#62;', '&': '&#38;', '|': '&#124;' };
// GitHub links `@name`, `#123`, `org/repo#2`, `www.host` and `scheme://` in text after rendering, so no escape
// stops them: a zero-width space after the character that starts each (invisible, and no longer a match) does.
const ZERO_WIDTH = '&#8203;';
const ACTIVE = /[\\`*_[\]|~<>&$!]|[@#]|:\/\/|www\./gi;

/** Text as inline Markdown: control characters shown as escapes, everything Markdown and HTML act on made inert. */
export function markdownText(text: string): string {
  // Escaped before control characters are shown, so that their escapes (`\u001b`, `\n`) stay as they are.
  const lastClose = text.lastIndexOf(']');
  const escaped = text.replace(ACTIVE, (match, offset: number) => {
    if (match === '@' || match === '#') return `${match}${ZERO_WIDTH}`;
    if (match === '://') return `:${ZERO_WIDTH}//`;
    if (match.length > 1) return `${match.slice(0, 3)}${ZERO_WIDTH}.`;
    // Every `]` is escaped, so a `[` with none after it opens nothing: it stays as typed.
    if (match === '[' && offset > lastClose) return match;
    return ESCAPES[match] ?? `\\${match}`;
  });
  return printable(escaped);
}

/** Text in a table cell or on a list line: markdownText, with every run of whitespace one space. */
export function markdownCell(text: string): string {
  return markdownText(text.replace(/\s+/g, ' '));
}

/** Text as an inline code span, shown exactly as it is (on one line), whatever backticks it holds. */
export function markdownCode(text: string): string {
  const line = printable(text.replace(/\s+/g, ' '));
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space inside the fence when the text starts or ends with a backtick (CommonMark strips one each side).
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** `[label](url)` for an http(s) URL, label escaped; the bare escaped label for anything else. */
export function markdownLink(label: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/\S+$/i.test(url)) return markdownText(label);
  const safe = url.replace(
    /[()<>"'\\[\]`|]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${markdownText(label)}](${printable(safe)})`;
}
