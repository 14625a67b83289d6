import { describe, expect, it } from 'vitest';
import {
  joinBase,
  publicHref,
  safeHref,
  shortDescription,
  shortProjectName,
  slugify,
} from '../../../dashboard/src/lib/text.ts';
import { driverSlugs, MAX_SLUG, releaseSlug, shortSlug } from '../../../dashboard/src/lib/slugs.ts';

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

  it('gives colliding driver slugs a suffix of their own identity, the first by code point keeping the plain one', () => {
    const slugs = driverSlugs([
      { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Acme-FC' },
      { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Acme FC' },
      { project_id: 'openstack/nova', vendor: '???', name: '!!!' },
    ]);
    expect(slugs).toEqual(['cinder-acme-acme-fc--e5606607', 'cinder-acme-acme-fc', 'nova']);
    // Code points (UTF-8 byte order), not UTF-16 units: U+FFFD sorts before U+1F600.
    const foo = (name: string) => ({ project_id: 'openstack/cinder', vendor: 'X', name });
    expect(driverSlugs([foo('Foo \u{1F600}'), foo('Foo \uFFFD')])).toEqual([
      expect.stringMatching(/^cinder-x-foo--[0-9a-f]{8}$/),
      'cinder-x-foo',
    ]);
  });

  it('moves no slug when a driver that sorts later is added, nor when one is numbered like another', () => {
    const foo = (name: string) => ({ project_id: 'openstack/cinder', vendor: 'X', name });
    const before = [foo('Foo'), foo('Foo 2'), foo('Foo-')];
    const slugs = driverSlugs(before);
    expect(slugs.slice(0, 2)).toEqual(['cinder-x-foo', 'cinder-x-foo-2']);
    // "Foo (" sorts between "Foo" and "Foo 2": numbered suffixes gave it foo-2 and renumbered "Foo 2".
    const after = driverSlugs([...before, foo('Foo ('), foo('Foo!')]);
    expect(after.slice(0, 3)).toEqual(slugs);
    expect(new Set(after).size).toBe(5);
    // The same identity twice (a duplicate validate refuses) still gets two slugs.
    expect(new Set(driverSlugs([foo('Foo'), foo('Foo'), foo('Foo')])).size).toBe(3);
  });
});

describe('long names', () => {
  it('keep slugs short, with a stable suffix that tells long names apart', () => {
    const long = `acme ${'storage array driver name '.repeat(12)}`;
    const slugs = driverSlugs([
      { project_id: 'openstack/cinder', vendor: 'Acme', name: `${long} one` },
      { project_id: 'openstack/cinder', vendor: 'Acme', name: `${long} two` },
    ]);
    for (const slug of slugs) {
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
      expect(slug).toMatch(/^cinder-acme-acme-storage-array-[a-z0-9-]*-[0-9a-f]{8}$/);
    }
    expect(slugs[0]).not.toBe(slugs[1]);
    expect(driverSlugs([{ project_id: 'openstack/cinder', vendor: 'Acme', name: `${long} one` }])).toEqual([
      slugs[0],
    ]);
    expect(shortSlug('x'.repeat(1_000_000))).toHaveLength(MAX_SLUG);
    expect(shortSlug('Short name')).toBe('short-name');
  });

  it('name release paths by the id in lower case', () => {
    expect(releaseSlug('Flamingo')).toBe('flamingo');
    expect(releaseSlug('2024.1')).toBe('2024-1');
    expect(releaseSlug('***')).toMatch(/^release-[0-9a-f]{8}$/);
  });
});

describe('shortProjectName', () => {
  it.each([
    ['Cinder (Block Storage)', 'Cinder'],
    ['Ironic (Bare Metal Provisioning) ', 'Ironic'],
    ['Designate', 'Designate'],
    ['(only parentheses)', '(only parentheses)'],
    ['A (b) (c)', 'A'],
  ])('%s → %s', (name, short) => {
    expect(shortProjectName(name)).toBe(short);
  });

  it('takes linear time: a million "(" is as quick as a short name', () => {
    // A backtracking regular expression needs about 10^12 steps here and never finishes.
    const hostile = `Cinder ${'('.repeat(1_000_000)}`;
    expect(shortProjectName(hostile)).toBe(hostile.trim());
    expect(shortProjectName(`${hostile})`)).toBe('Cinder');
  });
});

describe('short text', () => {
  it('cuts long descriptions at a word', () => {
    expect(shortDescription('word '.repeat(40), 20)).toBe('word word word word…');
    expect(shortDescription('short')).toBe('short');
  });

  it('links pages from outside the site absolutely when its public URL is known', () => {
    expect(publicHref('https://example.org/driverlog/', '/driverlog/', 'badges/x.svg')).toBe(
      'https://example.org/driverlog/badges/x.svg',
    );
    expect(publicHref(undefined, '/driverlog/', 'badges/x.svg')).toBe('/driverlog/badges/x.svg');
  });

  it('joins base paths', () => {
    expect(joinBase('/driverlog/', '/vendors/')).toBe('/driverlog/vendors/');
    expect(joinBase('/', 'drivers.csv')).toBe('/drivers.csv');
  });
});
