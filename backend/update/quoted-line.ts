import { withoutEmailAddresses } from '../common/email-address.ts';
import { COMMENT_MAX_LENGTH } from '../model/field-limits.ts';

/**
 * The CI line a record quotes, as the registry may publish it: a CI's line is anyone's text, and the job must never
 * write a file its own validation refuses, so addresses are removed (every field is published) and an overlong
 * line is cut to the schema's cap.
 */
export function quotedLine(line: string): string {
  const clean = withoutEmailAddresses(line);
  return clean.length <= COMMENT_MAX_LENGTH ? clean : `${clean.slice(0, COMMENT_MAX_LENGTH - 1)}…`;
}
