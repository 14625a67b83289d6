import { GerritTimestampError } from './errors.ts';

// Gerrit writes UTC without a zone marker; `new Date(text)` would read it as local time.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** `2024-05-09 16:41:07.000000000` (UTC) → ms since the epoch; GerritTimestampError when malformed. */
export function parseGerritTimestamp(text: string): number {
  const match = TIMESTAMP.exec(text);
  if (!match) throw new GerritTimestampError(text);
  const [, y, mo, d, h, mi, s, frac = ''] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    throw new GerritTimestampError(text);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC silently rolls 02-31 into March; the round trip catches impossible days.
  if (new Date(ms).getUTCDate() !== day) throw new GerritTimestampError(text);
  return ms + Number(frac.padEnd(3, '0').slice(0, 3));
}

/** ms → `YYYY-MM-DD HH:MM:SS` (UTC, whole seconds), the form `after:"…"` accepts. */
export function formatGerritTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
