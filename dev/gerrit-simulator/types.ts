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
  | { kind: 'truncate' }
  | { kind: 'no-prefix' }
  | { kind: 'reset' };

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
