import { UsageError } from '../common/errors.ts';
import { closest } from '../common/closest.ts';
import { AUDIT_KINDS, isAuditKind, type AuditKind } from './finding.ts';

export const AUDIT_FORMATS = ['text', 'markdown', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The dashboard's default stale threshold: a CI the dashboard shows as stale is silent here too. */
export const DEFAULT_SILENT_DAYS = 30;
const MAX_SILENT_DAYS = 3650;

/** `--as-of`: YYYY-MM-DD (00:00 UTC that day) or an ISO 8601 UTC time; ms. */
export function parseAsOf(text: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/.test(text);
  const ms = day ? Date.parse(`${text}T00:00:00Z`) : time ? Date.parse(text) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new UsageError(
      `--as-of ${JSON.stringify(text)} is not a date: use YYYY-MM-DD or an ISO 8601 UTC time like 2025-03-01T12:00:00Z`,
    );
  }
  return ms;
}

export function parseSilentDays(text: string): number {
  const days = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SILENT_DAYS) {
    throw new UsageError(
      `--silent-days must be a whole number of days from 1 to ${MAX_SILENT_DAYS}, not ${JSON.stringify(text)}`,
    );
  }
  return days;
}

export function parseFormat(text: string): AuditFormat {
  if ((AUDIT_FORMATS as readonly string[]).includes(text)) return text as AuditFormat;
  throw new UsageError(`--format must be one of ${AUDIT_FORMATS.join(', ')}, not ${JSON.stringify(text)}`);
}

/** `--fail-on silent,failing`: the kinds that make the audit exit 1. */
export function parseFailOn(values: readonly string[]): Set<AuditKind> {
  const kinds = new Set<AuditKind>();
  for (const name of values.flatMap((value) => value.split(',')).map((name) => name.trim())) {
    if (name === '') continue;
    if (!isAuditKind(name)) {
      const guess = closest(name, AUDIT_KINDS);
      throw new UsageError(
        `--fail-on: unknown kind ${JSON.stringify(name)}${guess ? ` (did you mean ${guess}?)` : ''}; kinds: ${AUDIT_KINDS.join(', ')}`,
      );
    }
    kinds.add(name);
  }
  return kinds;
}
