// The home table's `feature` filter: drivers whose project's matrix says "complete" or "partial" for
// every named feature, in a selected release, or in the newest release they are in the tree of when
// none is selected. The matrix rules are backend/model/upstream-signals.ts'.
import { featureValue, newestInTreeRelease } from '../../../backend/model/upstream-signals.ts';
import type { DriverUpstream } from '../../../backend/model/types.ts';
import type { SiteModel } from './model.ts';
import { findRelease, releaseList } from './status.ts';

/** What the feature filter needs of each driver, one entry per table row; 0 when it has no matrix data. */
export type FeatureIndexEntry = Pick<DriverUpstream, 'in_tree' | 'features'> | 0;

export interface FeatureIndex {
  /** Release ids, oldest first. */
  releases: string[];
  drivers: FeatureIndexEntry[];
}

/** Whether a driver supports every feature in one of `releases` (lower case, "" or a comma list). */
export function supportsFeatures(
  upstream: FeatureIndexEntry,
  features: readonly string[],
  release: string,
  order: readonly string[],
): boolean {
  if (!upstream) return false;
  const driver = { upstream: { title: '', ...upstream } };
  const releases = order.map((id) => ({ id }));
  const wanted = releaseList(release).flatMap((id) => findRelease(order, id) ?? []);
  const candidates =
    wanted.length > 0 ? wanted : [newestInTreeRelease(driver)].filter((id) => id !== undefined);
  return candidates.some((id) =>
    features.every((feature) => {
      const value = featureValue(driver, feature, id, releases);
      return value === 'complete' || value === 'partial';
    }),
  );
}

/** Row indexes passing the feature filter, or undefined when it asks for no feature. */
export function featureHits(
  index: FeatureIndex,
  features: readonly string[],
  release: string,
): Set<number> | undefined {
  if (features.length === 0) return undefined;
  const hits = new Set<number>();
  index.drivers.forEach((entry, i) => {
    if (supportsFeatures(entry, features, release, index.releases)) hits.add(i);
  });
  return hits;
}

/** The file the home table fetches for the feature filter, one entry per table row in the same order. */
export function buildFeatureIndex(model: Pick<SiteModel, 'releases' | 'drivers'>): FeatureIndex {
  return {
    releases: model.releases.map((r) => r.id),
    drivers: model.drivers.map((d) =>
      d.upstream ? { in_tree: d.upstream.in_tree, features: d.upstream.features } : 0,
    ),
  };
}
