// Problems repeat the value they are about, and values come from pull requests: a megabyte-long
// description must not become a megabyte-long message (or one per check). JSON quoting also shows
// control and invisible characters as escapes.

const MAX_QUOTED = 80;

/** `text` in double quotes, escaped as JSON, cut after 80 characters with its full length said. */
export function quote(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max)).slice(0, -1)}…" (${text.length.toLocaleString('en-US')} characters)`;
}
