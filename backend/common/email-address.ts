// The first e-mail address in a text, as /[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)+/i would find it, by a
// scan that reads each character at most twice. The regular expression backtracks: on a long run of
// word characters with no "@" it takes time quadratic in the run (80,000 letters took seconds).

const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLocal = (c: number): boolean => isWord(c) || c === 46 || c === 37 || c === 43 || c === 45; // . % + -
const isLabel = (c: number): boolean => (isWord(c) ? c !== 95 : c === 45); // letters, digits and -

export function findEmailAddress(text: string): string | undefined {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // The local part runs back to the previous character that cannot be in one ("@" is such a character,
    // so these backward scans never overlap).
    let start = at;
    while (start > 0 && isLocal(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && isLabel(text.charCodeAt(end))) end++;
    if (end === at + 1) continue;
    let labels = 0;
    while (text.charCodeAt(end) === 46 && isLabel(text.charCodeAt(end + 1))) {
      end += 2;
      while (end < text.length && isLabel(text.charCodeAt(end))) end++;
      labels++;
    }
    if (labels > 0) return text.slice(start, end);
  }
  return undefined;
}

/** `text` with every e-mail address replaced by `[address removed]`, in one pass over the text. */
export function withoutEmailAddresses(text: string): string {
  let rest = text;
  let out = '';
  for (let address = findEmailAddress(rest); address !== undefined; address = findEmailAddress(rest)) {
    const at = rest.indexOf(address);
    out += `${rest.slice(0, at)}[address removed]`;
    rest = rest.slice(at + address.length);
  }
  return out + rest;
}
