export interface SimAccount {
  _account_id: number;
  username: string;
  name: string;
  email?: string;
  inactive?: boolean;
  /** The account's HTTP password for `/a/` requests (Basic auth). */
  http_password?: string;
}

export interface SimMessage {
  id: string;
  /** _account_id; absent = Gerrit itself. */
  author?: number;
  /** Gerrit format, `yyyy-mm-dd hh:mm:ss.fffffffff` UTC. */
  date: string;
  message: string;
  tag?: string;
  _revision_number: number;
}

export interface SimChange {
  _number: number;
  project: string;
  branch: string;
  change_id: string;
  subject: string;
  status: 'NEW' | 'MERGED' | 'ABANDONED';
  created: string;
  updated: string;
  submitted?: string;
  owner: number;
  current_revision_number: number;
  messages: SimMessage[];
}

export interface SimDataset {
  accounts: SimAccount[];
  changes: SimChange[];
}

export type Fault =
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'retry-after'; seconds: number }
  | { kind: 'delay'; ms: number }
  /** No answer until `until` settles: a test holds a request as long as it needs, with no clock involved. */
  | { kind: 'hold'; until: Promise<unknown> }
  | { kind: 'truncate' }
  | { kind: 'no-prefix' }
  | { kind: 'reset' }
  /** A valid-looking answer of `bytes` bytes, streamed, with a Content-Length or (`chunked`) without. */
  | { kind: 'huge'; bytes: number; chunked?: boolean }
  /** A redirect to `to` (an origin or base URL) + the request's path and query. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Answer as if S= and start= were absent, as a proxy that drops query parameters would. */
  | { kind: 'ignore-start' };

export interface FaultRule {
  fault: Fault;
  /** How many requests it hits; default Infinity. */
  times?: number;
  /** Which requests it hits: path is tested against the path, query against the raw query string. */
  match?: { path?: string | RegExp; query?: RegExp };
}

export interface SimulatorStats {
  requests: number;
  /** Response body bytes sent. */
  bytes: number;
  byPath: Record<string, number>;
  /** Requests being answered now, and the most at once since the last reset. */
  inFlight: number;
  peakInFlight: number;
}
