import { withoutEmailAddresses } from '../validate/email-address.ts';
import { isControl } from '../validate/control.ts';
import { COMMENT_MAX_LENGTH } from '../validate/field-limits.ts';

/**
 * The CI line a record quotes, as the registry may publish it: a CI's line is anyone's text, and the job must never
 * write a file its own validation refuses, so addresses are removed (every field is published), control
 * characters (a tab, an escape sequence) become spaces, and an overlong line is cut to the schema's cap.
 */
export function quotedLine(line: string): string {
  let plain = '';
  for (const char of line) plain += isControl(char.charCodeAt(0)) ? ' ' : char;
  const clean = withoutEmailAddresses(plain);
  return clean.length <= COMMENT_MAX_LENGTH ? clean : `${clean.slice(0, COMMENT_MAX_LENGTH - 1)}…`;
}
