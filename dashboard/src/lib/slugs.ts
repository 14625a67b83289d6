import { digest } from '../../../backend/common/digest.ts';
import { driverSlugs, MAX_SLUG, shortSlug, uniqueSlugs } from '../../../backend/model/slug.ts';

// The site's path segments. The rule that keeps permalinks unique and stable is the backend model's
// (backend/registry/slug.ts), the one `driverlog validate` checks registries against.

export { driverSlugs, MAX_SLUG, shortSlug, uniqueSlugs };

/** Vendor slugs, one per distinct vendor name (case-sensitive, as written in the registry). */
export function vendorSlugs(vendors: readonly string[]): Map<string, string> {
  const distinct = [...new Set(vendors)];
  const slugs = uniqueSlugs(
    distinct.map((v) => ({ base: v, identity: v })),
    'vendor',
  );
  return new Map(distinct.map((v, i) => [v, slugs[i]!]));
}

/** Project slugs from the id's last path segment ("openstack/cinder" → "cinder"), unique by the same rule. */
export function projectSlugs(ids: readonly string[]): Map<string, string> {
  const distinct = [...new Set(ids)];
  const slugs = uniqueSlugs(
    distinct.map((id) => ({ base: id.split('/').pop() ?? id, identity: id })),
    'project',
  );
  return new Map(distinct.map((id, i) => [id, slugs[i]!]));
}

/** A release's path segment: its id in lower case ("Flamingo" → "flamingo"), made safe for a path. */
export function releaseSlug(id: string): string {
  return shortSlug(id) || `release-${digest(id, 8)}`;
}
