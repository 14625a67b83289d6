import { formatGerritTimestamp } from '../../backend/gerrit/time.ts';

/** ms → Gerrit's timestamp with its nanosecond field, `2024-05-09 16:41:07.123000000`. */
export function gerritDate(ms: number): string {
  return `${formatGerritTimestamp(ms)}.${String(ms % 1000).padStart(3, '0')}000000`;
}
