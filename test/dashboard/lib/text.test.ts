import { describe, expect, it } from 'vitest';
import { joinBase, safeHref, shortDescription, slugify } from '../../../dashboard/src/lib/text.ts';
import { driverSlugs } from '../../../dashboard/src/lib/slugs.ts';

describe('safeHref', () => {
  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://x.org', 'http://x.org/'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['/relative', undefined],
    ['', undefined],
  ])('%s → %s', (text, href) => {
    expect(safeHref(text)).toBe(href);
  });
});

describe('slugs', () => {
  it('makes ASCII slugs', () => {
    expect(slugify('Évil <b>Corp</b> (RBD)')).toBe('evil-b-corp-b-rbd');
  });

  it('numbers colliding driver slugs by identity', () => {
    const slugs = driverSlugs([
      { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Acme-FC' },
      { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Acme FC' },
      { project_id: 'openstack/nova', vendor: '???', name: '!!!' },
    ]);
    expect(slugs).toEqual(['cinder-acme-acme-fc-2', 'cinder-acme-acme-fc', 'nova']);
  });
});

describe('short text', () => {
  it('cuts long descriptions at a word', () => {
    expect(shortDescription('word '.repeat(40), 20)).toBe('word word word word…');
    expect(shortDescription('short')).toBe('short');
  });

  it('joins base paths', () => {
    expect(joinBase('/driverlog/', '/vendors/')).toBe('/driverlog/vendors/');
    expect(joinBase('/', 'drivers.csv')).toBe('/drivers.csv');
  });
});
