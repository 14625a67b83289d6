import type { GerritEvent, GerritStats } from './events.ts';
import type { Semaphore } from './semaphore.ts';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Everything a request needs; built once per client. */
export interface RequestContext {
  fetch: typeof fetch;
  headers: Record<string, string>;
  /** The configured Gerrit's origin: the only one redirects may lead to. */
  origin: string;
  timeoutMs: number;
  retries: number;
  maxResponseBytes: number;
  maxRetryWaitMs: number;
  semaphore: Semaphore;
  signal?: AbortSignal;
  sleep: Sleep;
  random: () => number;
  now: () => number;
  stats: GerritStats;
  onEvent: (event: GerritEvent) => void;
  /** The `Date` of the newest response that sent one, ms since the epoch. */
  serverDate?: number;
}
