import type { JobResult } from '../model/types.ts';
import { urlProblem } from '../common/url-problem.ts';
import { withoutEmailAddresses } from '../common/email-address.ts';
import { COMMENT_MAX_LENGTH, JOB_FIELD_MAX_LENGTH } from '../model/field-limits.ts';
import { isControl } from '../common/control.ts';

/**
 * The CI line a record quotes, as the registry may publish it: a CI's line is anyone's text, and the job must never
 * write a file its own validation refuses, so addresses are removed (every field is published), control
 * characters (a tab, an escape sequence) become spaces, and an overlong line is cut to the schema's cap.
 */
export function quotedLine(line: string): string {
  return capped(withoutEmailAddresses(plainText(line)), COMMENT_MAX_LENGTH);
}

/**
 * A report's jobs as a record keeps them, by the same rule: no addresses, each field within the schema's cap, and
 * a link only when it is an http(s) one (the site links it).
 */
export function quotedJobs(jobs: readonly JobResult[]): JobResult[] {
  return jobs.map((job) => {
    const url = job.url === undefined ? undefined : withoutEmailAddresses(job.url);
    const linkable =
      url !== undefined && url.length <= JOB_FIELD_MAX_LENGTH.url && urlProblem(url) === undefined;
    return {
      name: capped(withoutEmailAddresses(plainText(job.name)), JOB_FIELD_MAX_LENGTH.name),
      result: capped(withoutEmailAddresses(plainText(job.result)), JOB_FIELD_MAX_LENGTH.result),
      ...(linkable ? { url } : {}),
    };
  });
}

function capped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Control characters become spaces: the text is shown on pages and in terminals. */
function plainText(text: string): string {
  let plain = '';
  for (const char of text) plain += isControl(char.charCodeAt(0)) ? ' ' : char;
  return plain;
}
