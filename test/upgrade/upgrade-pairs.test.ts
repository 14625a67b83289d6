import { describe, expect, it } from 'vitest';
import { upgradePairs } from '../../backend/upgrade/upgrade-pairs.ts';
import { upgradeRegistry } from './upgrade-fixture.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('upgradePairs', () => {
  const releases = upgradeRegistry(NOW).releases!;
  const pairs = (list = releases, now = NOW) => upgradePairs(list, now).map((p) => `${p.from}→${p.to}`);

  it('goes from the maintained releases and the two before the oldest, to every later maintained one and the one in development', () => {
    expect(pairs()).toEqual([
      'Dalmatian→Flamingo',
      'Dalmatian→Gazpacho',
      'Dalmatian→Hibiscus',
      'Dalmatian→Indri',
      'Epoxy→Flamingo',
      'Epoxy→Gazpacho',
      'Epoxy→Hibiscus',
      'Epoxy→Indri',
      'Flamingo→Gazpacho',
      'Flamingo→Hibiscus',
      'Flamingo→Indri',
      'Gazpacho→Hibiscus',
      'Gazpacho→Indri',
      'Hibiscus→Indri',
    ]);
  });

  it('has no release in development once every release has started, and no page without a maintained release', () => {
    expect(pairs(releases, Date.parse('2030-01-01T00:00:00Z'))).not.toContain('Hibiscus→Indri');
    expect(pairs(releases, Date.parse('2030-01-01T00:00:00Z'))).toContain('Gazpacho→Hibiscus');
    expect(pairs(releases.map(({ active: _active, ...release }) => release))).toEqual([]);
  });

  it('starts at the oldest release when fewer than two come before the maintained ones', () => {
    const active = releases.map((r) => ({ ...r, active: r.id === 'Dalmatian' }));
    expect(pairs(active).filter((pair) => pair.endsWith('Dalmatian'))).toEqual(['Caracal→Dalmatian']);
  });
});
