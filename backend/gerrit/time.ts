import { gerritTimestampMs } from '../common/time.ts';
import { GerritTimestampError } from './errors.ts';

/** `2024-05-09 16:41:07.000000000` (UTC) → ms since the epoch; GerritTimestampError when malformed. */
export function parseGerritTimestamp(text: string): number {
  const ms = gerritTimestampMs(text);
  if (ms === undefined) throw new GerritTimestampError(text);
  return ms;
}

/** ms → `YYYY-MM-DD HH:MM:SS` (UTC, whole seconds), the form `after:"…"` accepts. */
export function formatGerritTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
