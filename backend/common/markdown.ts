import { printable } from './escape.ts';

// Registry text put into Markdown (a job summary, an issue, a mailing-list post) must stay on its line and be
// unable to open emphasis, code, a link, a table cell or HTML.

const HTML: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Text as inline Markdown: control characters shown as escapes, Markdown and HTML syntax escaped. */
export function markdownText(text: string): string {
  // Backslash escapes keep the raw text readable where it is pasted as plain text.
  return printable(text).replace(/[\\`*_[\]|~<>&]/g, (c) => HTML[c] ?? `\\${c}`);
}

/** `[label](url)` for an http(s) URL, label escaped; the bare escaped label for anything else. */
export function markdownLink(label: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/\S+$/i.test(url)) return markdownText(label);
  const safe = url.replace(
    /[()<>"'\\[\]`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${markdownText(label)}](${printable(safe)})`;
}
