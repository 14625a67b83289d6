import { describe, expect, it } from 'vitest';
import { formatViewState, parseViewState, toggleSort } from '../../../dashboard/src/lib/view-state.ts';

describe('view state in the URL', () => {
  it('reads the original DriverLog parameters', () => {
    expect(parseViewState('?release_id=Rocky&project_id=openstack%2Fcinder&vendor=EMC')).toEqual({
      release: 'rocky',
      project: 'openstack/cinder',
      vendor: 'EMC',
      q: '',
      features: [],
      all: false,
    });
    expect(parseViewState('?release=Kilo').release).toBe('kilo');
  });

  it('round-trips search text and sort', () => {
    const state = parseViewState('?q=a+b%26c&sort=-vendor');
    expect(state).toMatchObject({ q: 'a b&c', sort: { key: 'vendor', desc: true } });
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });

  it('reads comma lists of releases and repeated features, and writes them back', () => {
    const state = parseViewState('?release_id=Kilo,%20liberty,&feature=multiattach&feature=qos&feature=qos');
    expect(state).toMatchObject({ release: 'kilo,liberty', features: ['multiattach', 'qos'] });
    expect(formatViewState(state)).toBe('?release_id=kilo%2Cliberty&feature=multiattach&feature=qos');
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });

  it('shows retired and removed drivers only when asked', () => {
    expect(parseViewState('?show=all').all).toBe(true);
    expect(parseViewState('?show=yes').all).toBe(false);
    expect(formatViewState({ ...parseViewState(''), all: true })).toBe('?show=all');
  });

  it('ignores an unknown sort and writes nothing for the default view', () => {
    expect(parseViewState('?sort=email').sort).toBeUndefined();
    expect(formatViewState(parseViewState(''))).toBe('');
  });

  it('toggles a column ascending, then descending', () => {
    const first = toggleSort(undefined, 'vendor');
    expect(first).toEqual({ key: 'vendor', desc: false });
    expect(toggleSort(first, 'vendor')).toEqual({ key: 'vendor', desc: true });
    expect(toggleSort({ key: 'vendor', desc: true }, 'vendor')).toEqual({ key: 'vendor', desc: false });
    expect(toggleSort(first, 'project')).toEqual({ key: 'project', desc: false });
  });
});
