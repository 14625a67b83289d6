import { describe, expect, it } from 'vitest';
import { createDriverSearch, words } from '../../../dashboard/src/lib/search.ts';

const docs = [
  ['Acme', 'Acme iSCSI', 'Block storage over iSCSI.', 'Cinder', 'openstack/cinder', 'acme-ci'],
  ['Beta Networks', 'Beta ML2', 'An ML2 mechanism driver.', 'Neutron', 'openstack/neutron', 'beta-ci'],
  ['Zeta', 'Zeta compute', 'A hypervisor driver.', 'Nova', 'openstack/nova', 'zeta-ci'],
];

describe('words', () => {
  it('keeps compound ids whole and in parts', () => {
    expect(words('Tested by gamma-ci on openstack/nova.')).toEqual([
      'tested',
      'by',
      'gamma-ci',
      'gamma',
      'ci',
      'on',
      'openstack/nova',
      'openstack',
      'nova',
    ]);
  });
});

describe('createDriverSearch', () => {
  const finder = createDriverSearch(docs);
  const hits = (q: string) => [...(finder.search(q) ?? [])].sort();

  it('finds prefixes, typos and CI accounts', () => {
    expect(hits('stor')).toEqual([0]);
    expect(hits('hypervisr')).toEqual([2]);
    expect(hits('acme-ci')).toEqual([0]);
    expect(hits('NOVA')).toEqual([2]);
  });

  it('needs every word to match', () => {
    expect(hits('driver zeta')).toEqual([2]);
    expect(hits('driver acme')).toEqual([]);
  });

  it('does not let a short word drift to another', () => {
    expect(hits('zeta')).toEqual([2]);
  });

  it('returns undefined when there is nothing to search for', () => {
    expect(finder.search('  ')).toBeUndefined();
  });
});

describe('words over hostile text', () => {
  it('take linear time on long runs of joiners inside a word', () => {
    // "a....a" with a million dots: a backtracking `[._\-/]+$` needs about 10^12 steps.
    const hostile = `a${'.'.repeat(1_000_000)}b`;
    expect(words(hostile)).toEqual([hostile, 'a', 'b']);
    expect(words(`--${'x'.repeat(10)}--`)).toEqual(['x'.repeat(10)]);
  });
});
