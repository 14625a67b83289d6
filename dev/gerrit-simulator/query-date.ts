// The date forms Gerrit's after:/before: accept: YYYY-MM-DD[ HH:MM[:SS[.fff]]][ ±HHMM], UTC by default.
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?: ?([+-])(\d{2}):?(\d{2}))?$/;

/** ms since the epoch, or undefined when Gerrit would not read it as a date. */
export function parseQueryDate(text: string): number | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((v) => (v === undefined ? 0 : Number(v)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const frac = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000 : 0;
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second, frac);
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms - offset;
}
