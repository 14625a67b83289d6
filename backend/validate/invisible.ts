// Characters that print as nothing, or that reorder the text around them: "Acme\u200b" looks exactly
// like "Acme" and "\u202eemcA" shows as "Acme". Zero-width spaces and joiners, direction marks,
// embeddings, overrides and isolates, word joiners and invisible operators, the byte-order mark, the
// soft hyphen, and the Mongolian vowel separator.
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` without its invisible characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
