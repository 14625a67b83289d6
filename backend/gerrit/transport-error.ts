import { GerritError, type GerritErrorCode } from './errors.ts';
import type { RequestLabel } from './json-array-stream.ts';

// Node reports a failed TLS handshake under many codes; these prefixes and names cover OpenSSL's and Node's.
const TLS_CODE =
  /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$)/;
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

/**
 * A request that got no usable answer from the network, as a GerritError whose code tells a dead
 * address (refused, unknown host, TLS, blocked port: not retried) from a dropped connection or a timeout
 * (retried), with what to check.
 */
export function transportError(
  request: RequestLabel,
  cause: unknown,
  state: { aborted: boolean; timedOut: boolean; timeoutMs: number },
): GerritError {
  if (state.aborted) return new GerritError('aborted', { code: 'ABORTED', ...request, cause });
  if (state.timedOut) {
    return new GerritError(
      `no complete answer within ${state.timeoutMs} ms (the server or the network is slow; try again later)`,
      { code: 'TIMEOUT', ...request, cause },
    );
  }
  const [code, message] = classify(request.url, cause);
  return new GerritError(message, { code, ...request, cause });
}

function classify(url: string, cause: unknown): [GerritErrorCode, string] {
  const inner = innermost(cause);
  const errno = (inner as NodeJS.ErrnoException | undefined)?.code ?? '';
  const { host, hostname, port, protocol } = new URL(url);
  if (errno === 'ECONNREFUSED') {
    return [
      'CONNECTION_REFUSED',
      `connection refused: nothing listens on ${host} (check the port and the host name of the Gerrit URL)`,
    ];
  }
  if (DNS_CODES.has(errno)) {
    return [
      'DNS',
      `host name ${hostname} not found (${errno}; check the host name in the Gerrit URL, and this machine's DNS)`,
    ];
  }
  if (TLS_CODE.test(errno) || /SSL routines|certificate/i.test(inner?.message ?? '')) {
    const scheme = protocol === 'https:' ? `does ${host} speak https, or is it plain http:// there? ` : '';
    return [
      'TLS',
      `TLS handshake with ${host} failed: ${tlsReason(inner?.message ?? errno)} (${scheme}check the URL's scheme and port, and the server's certificate; extra CAs go in NODE_EXTRA_CA_CERTS)`,
    ];
  }
  if (inner?.message === 'bad port') {
    return [
      'PORT_BLOCKED',
      `port ${port} is reserved for other protocols, and fetch refuses it (check the port of the Gerrit URL)`,
    ];
  }
  return ['NETWORK', `network error: ${describe(cause)} (check the URL and the connection)`];
}

function innermost(cause: unknown): Error | undefined {
  let error = cause instanceof Error ? cause : undefined;
  while (error?.cause instanceof Error) error = error.cause;
  return error;
}

/** OpenSSL's `…:SSL routines:ssl3_get_record:wrong version number:…` → `wrong version number`. */
function tlsReason(text: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(text)?.[1] ?? text.split('\n')[0]!.trim();
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
