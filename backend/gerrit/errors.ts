import { DriverlogError } from '../common/errors.ts';

export type GerritErrorCode =
  // Worth another try: the server or the path to it may recover.
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'TIMEOUT'
  // Nothing answers at this address: retrying would only delay the message.
  | 'CONNECTION_REFUSED'
  | 'DNS'
  | 'TLS'
  | 'PORT_BLOCKED'
  // An answer DriverLog refuses to use.
  | 'NO_PREFIX'
  | 'BAD_JSON'
  | 'TOO_LARGE'
  | 'REDIRECT'
  | 'REPEATED_PAGE'
  | 'PAGE_LIMIT'
  | 'ABORTED';

export interface GerritErrorDetails {
  code: GerritErrorCode;
  method: string;
  /** The request URL; never carries credentials (they travel in the Authorization header only). */
  url: string;
  status?: number;
  bodyStart?: string;
  /** The `Retry-After` header of a failed answer, for the retry policy. */
  retryAfter?: string;
  cause?: unknown;
}

/** A failed Gerrit request. The message names the method, URL and what to do about it. */
export class GerritError extends DriverlogError {
  declare readonly code: GerritErrorCode;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly bodyStart?: string;
  readonly retryAfter?: string;

  constructor(message: string, details: GerritErrorDetails) {
    super(`${details.method} ${readableUrl(details.url)} failed: ${message}`, details.code, 'io', {
      cause: details.cause,
    });
    this.method = details.method;
    this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.bodyStart !== undefined) this.bodyStart = details.bodyStart;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

/** A Gerrit timestamp that is not `yyyy-mm-dd hh:mm:ss[.fffffffff]` or not a real instant. */
export class GerritTimestampError extends DriverlogError {
  readonly value: string;

  constructor(value: string) {
    super(
      `not a Gerrit timestamp: ${JSON.stringify(value.slice(0, 60))} (expected UTC "yyyy-mm-dd hh:mm:ss.fffffffff")`,
      'BAD_TIMESTAMP',
      'io',
    );
    this.value = value;
  }
}

const HINTS: Record<number, string> = {
  400: 'check the query operators',
  401: 'check the username and HTTP password (Gerrit: Settings → HTTP Credentials)',
  403: 'the account may not read this; check its permissions or use anonymous access',
  404: 'check the Gerrit base URL',
  405: 'check the Gerrit base URL; this path is not a REST endpoint',
  408: 'the server timed out; try again later',
  429: 'the server is rate limiting; try again later',
};

/** What a person should try for a status: a hint appended to the error message. */
export function statusHint(status: number): string {
  return HINTS[status] ?? (status >= 500 ? 'the server failed; try again later' : 'unexpected status');
}

/** The start of a body for an error message: first 200 characters, on one line. */
export function bodyExcerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The URL with its query decoded (`q=project:openstack/nova status:merged`), for people to read. */
export function readableUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch (error) {
    // A malformed escape: show the URL exactly as sent rather than hide the real failure.
    if (error instanceof URIError) return url;
    throw error;
  }
}
