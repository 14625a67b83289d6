import { parseReleaseDate } from './releases.ts';

// The registry's canonical order, shared by `driverlog format` (which sorts) and the order check
// (which says what is out of place). Locale-independent, so every machine sorts the same way.

/** Case-insensitively first, then by code point, so "Dell" and "dell" still have a fixed order. */
export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

const field = (value: unknown, key: string): string => {
  const text =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof text === 'string' ? text : '';
};

export function compareProjects(a: unknown, b: unknown): number {
  return compareText(field(a, 'id'), field(b, 'id'));
}

export function compareDrivers(a: unknown, b: unknown): number {
  return (
    compareText(field(a, 'project_id'), field(b, 'project_id')) ||
    compareText(field(a, 'vendor'), field(b, 'vendor')) ||
    compareText(field(a, 'name'), field(b, 'name'))
  );
}

/** A release's sort key: its date, or +Infinity (after every dated one) when it has none. */
export function releaseSortKey(release: unknown): number {
  return parseReleaseDate(field(release, 'start')) ?? Number.POSITIVE_INFINITY;
}

export function compareReleases(a: unknown, b: unknown): number {
  const keyA = releaseSortKey(a);
  const keyB = releaseSortKey(b);
  return keyA === keyB ? 0 : keyA < keyB ? -1 : 1;
}
