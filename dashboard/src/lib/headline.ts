// The headline status of a driver (home table, vendor pages, the driver page's header, the overall badge): the
// status on the newest maintained release, naming it, and never the release in development's.
import type { ReleaseRoles } from './release-views.ts';
import { releaseList, releaseStatus, type CiStatus, type StatusInput } from './status.ts';

/**
 * The newest maintained release's status. Without evidence there, evidence on the release in development says so
 * ("only on Indri (in development)") rather than standing for it. Without a maintained release (a registry of
 * undated releases), the newest evidence of any release but the one in development.
 */
export function headlineStatus(
  input: StatusInput,
  roles: ReleaseRoles,
  now: number,
  staleDays: number,
): CiStatus {
  if (!input.hasCi) return { kind: 'none' };
  const wanted =
    roles.maintained !== undefined
      ? [roles.maintained]
      : Object.keys(input.evidence).filter((id) => id !== roles.development);
  const status = releaseStatus(input, wanted, now, staleDays);
  if ('evidence' in status) return status;
  const development = roles.development === undefined ? undefined : input.evidence[roles.development];
  if (development !== undefined)
    return { kind: 'development', release: roles.development!, evidence: development };
  return status;
}

/** The status a cell shows for `release` ("" for the headline, a comma list for any of several). */
export function scopedStatus(
  input: StatusInput,
  release: string,
  roles: ReleaseRoles,
  now: number,
  staleDays: number,
): CiStatus {
  return release === ''
    ? headlineStatus(input, roles, now, staleDays)
    : releaseStatus(input, releaseList(release), now, staleDays);
}
