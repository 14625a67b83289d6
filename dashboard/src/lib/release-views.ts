// The releases as the site shows them, and the two roles a release can play in a status: the newest maintained
// release (where the headline status comes from) and the release in development (which has its own row and badge,
// and is never the headline).
import { developmentRelease } from '../../../backend/audit/scope.ts';
import { compareText } from '../../../backend/model/key-order.ts';
import { parseReleaseDate, releaseBranch, releasesByDate } from '../../../backend/model/releases.ts';
import type { Registry } from '../../../backend/model/types.ts';
import { safeHref } from './text.ts';

export interface ReleaseView {
  id: string;
  wiki?: string;
  start: string;
  /** `start` as ms since the epoch, when it is a real date. */
  date?: number;
  active: boolean;
  /** The Gerrit branch of the series (its own `branch`, else DriverLog's `stable/<id>`). */
  branch: string;
}

export interface ReleaseRoles {
  /** The newest maintained release: the headline status is its status. */
  maintained?: string;
  /** The release in development at build time: never the headline. */
  development?: string;
}

/** Releases oldest first: dated ones by date, then ids only drivers mention, by name. */
export function releaseOrder(registry: Registry): ReleaseView[] {
  const dated = releasesByDate(registry.releases ?? []);
  const known = new Set(dated.map((r) => r.id));
  const undated = new Set<string>();
  for (const r of registry.releases ?? []) if (!known.has(r.id)) undated.add(r.id);
  for (const d of registry.drivers) {
    for (const id of [...(d.releases ?? []), ...Object.keys(d.verification ?? {})]) {
      if (!known.has(id)) undated.add(id);
    }
  }
  const byId = new Map((registry.releases ?? []).map((r) => [r.id, r]));
  return [...dated.map((r) => r.id), ...[...undated].sort(compareText)].map((id) => {
    const r = byId.get(id);
    const view: ReleaseView = {
      id,
      wiki: safeHref(r?.wiki),
      start: r?.start ?? '',
      active: r?.active === true,
      branch: releaseBranch({ id, branch: r?.branch }),
    };
    const date = parseReleaseDate(view.start);
    if (date !== undefined) view.date = date;
    return view;
  });
}

/**
 * The newest maintained release: the newest with `active`, otherwise the newest with a `stable/` branch; never
 * the release in development, nor one dated after it.
 */
export function newestMaintainedRelease(
  releases: readonly ReleaseView[],
  development: string | undefined,
): string | undefined {
  const cut = releases.findIndex((r) => r.id === development);
  const released = cut === -1 ? releases.filter((r) => r.date !== undefined) : releases.slice(0, cut);
  return (
    released.findLast((r) => r.active)?.id ?? released.findLast((r) => r.branch.startsWith('stable/'))?.id
  );
}

/** Both roles, as of `now` (the build). */
export function releaseRoles(
  registry: Registry,
  releases: readonly ReleaseView[],
  now: number,
): ReleaseRoles {
  const development = developmentRelease(registry.releases ?? [], now);
  const maintained = newestMaintainedRelease(releases, development);
  return {
    ...(maintained !== undefined ? { maintained } : {}),
    ...(development !== undefined ? { development } : {}),
  };
}

/** Contiguous runs of claimed releases as ranges: "Juno, Liberty–Rocky". */
export function releaseSpan(claims: readonly string[], order: readonly string[]): string {
  const index = new Map(order.map((id, i) => [id, i]));
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= claims.length; i++) {
    const prev = index.get(claims[i - 1]!);
    const cur = i < claims.length ? index.get(claims[i]!) : undefined;
    if (prev !== undefined && cur !== undefined && cur === prev + 1) continue;
    const first = claims[runStart]!;
    const last = claims[i - 1]!;
    parts.push(
      i - 1 === runStart ? first : i - 1 === runStart + 1 ? `${first}, ${last}` : `${first}–${last}`,
    );
    runStart = i;
  }
  return parts.join(', ');
}

/**
 * Whether a driver page shows a release's row before the reader asks for every release: the releases from four
 * before the newest maintained one on, and any with evidence. Older rows wait behind "show all releases".
 */
export function shownAtFirst(
  release: string,
  hasEvidence: boolean,
  releases: readonly Pick<ReleaseView, 'id'>[],
  roles: ReleaseRoles,
): boolean {
  if (hasEvidence || roles.maintained === undefined) return true;
  const at = (id: string) => releases.findIndex((r) => r.id === id);
  return at(release) >= at(roles.maintained) - 4;
}
