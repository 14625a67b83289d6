import { describe, expect, it } from 'vitest';
import {
  buildFeatureIndex,
  featureHits,
  supportsFeatures,
} from '../../../dashboard/src/lib/feature-filter.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const model = fixtureModel(Date.UTC(2024, 4, 31));
const index = buildFeatureIndex(model);
const names = (hits: Set<number> | undefined) => [...(hits ?? [])].map((i) => model.drivers[i]!.name).sort();

describe('the feature filter', () => {
  it('keeps drivers whose matrix says complete or partial for every feature, in their newest in-tree release', () => {
    expect(names(featureHits(index, ['multiattach'], ''))).toEqual(['Acme FC', 'Acme iSCSI']);
    expect(names(featureHits(index, ['multiattach', 'qos'], ''))).toEqual(['Acme iSCSI']);
    // Acme-FC left the tree after Queens, where it was supported: its newest in-tree release decides.
    expect(names(featureHits(index, ['supported'], ''))).toEqual(['Acme iSCSI', 'Acme-FC', 'Dell PowerMax']);
  });

  it('reads the selected release, or any of a comma list', () => {
    expect(names(featureHits(index, ['multiattach'], 'queens'))).toEqual(['Acme FC']);
    expect(names(featureHits(index, ['multiattach'], 'queens,rocky'))).toEqual(['Acme FC', 'Acme iSCSI']);
    expect(names(featureHits(index, ['supported'], 'queens'))).toEqual([
      'Acme FC',
      'Acme iSCSI',
      'Acme-FC',
      'Dell PowerMax',
    ]);
  });

  it('keeps nothing for a feature no matrix has, and has no opinion without features', () => {
    expect(names(featureHits(index, ['nope'], ''))).toEqual([]);
    expect(featureHits(index, [], '')).toBeUndefined();
    expect(supportsFeatures(0, ['multiattach'], '', index.releases)).toBe(false);
  });
});
