import { createHash } from 'node:crypto';
import { releaseBranch } from '../model/releases.ts';
import type { Ci, Release } from '../model/types.ts';

function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)}`;
}

/** Changes whenever anything that decides which comments count for the driver changes. */
export function ciFingerprint(ci: Ci): string {
  return digest([ci.id, ci.success_pattern, ci.failure_pattern]);
}

/** Changes whenever the release mapping could map a comment differently. */
export function releasesFingerprint(releases: readonly Release[]): string {
  return digest(releases.map((release) => [release.id, release.start, releaseBranch(release)]));
}
