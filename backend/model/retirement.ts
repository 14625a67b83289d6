import { parseReleaseDate } from './releases.ts';
import type { Project, Release } from './types.ts';

type Retirable = Pick<Project, 'retired_on'>;

/** Whether OpenStack has retired the project (governance's reference/legacy.yaml): there is no CI to scan. */
export function isRetired(project: Retirable | undefined): boolean {
  return project?.retired_on !== undefined;
}

/**
 * Whether a release came out after its project was retired: such a release has no claims and no CI. A release
 * or a retirement without a readable date is never after.
 */
export function releasedAfterRetirement(
  project: Retirable | undefined,
  release: Pick<Release, 'start'>,
): boolean {
  const retired = project?.retired_on === undefined ? undefined : parseReleaseDate(project.retired_on);
  const released = parseReleaseDate(release.start);
  return retired !== undefined && released !== undefined && released > retired;
}
