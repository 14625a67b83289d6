/** Progress and log hook payloads. URLs never carry credentials. */
export type GerritEvent =
  | { type: 'request'; method: string; url: string; attempt: number }
  | { type: 'retry'; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'page'; url: string; page: number; received: number; fresh: number; more: boolean };

export interface GerritStats {
  requests: number;
  /** Body bytes received. */
  bytes: number;
  retries: number;
}
