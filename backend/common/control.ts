// Control characters: C0 (tab, line feed, carriage return, NUL…), DEL and C1. "Acme\tBlock" renders as
// "Acme Block" while being another name, and a NUL or an escape sequence has no business in published text.
// The `control-characters` check and sync's readers share this one definition.

export const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/** Index of the first control character of `text` (a line feed allowed when `lineBreaks`), or -1. */
export function firstControl(text: string, lineBreaks = false): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) && !(lineBreaks && code === 0x0a)) return i;
  }
  return -1;
}

const NAMED: Record<string, string> = { '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return' };

/** "a tab", "the control character U+0007". */
export function controlName(char: string): string {
  return (
    NAMED[char] ?? `the control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  );
}
