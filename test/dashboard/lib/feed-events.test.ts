import { describe, expect, it } from 'vitest';
import { feedEvents, runUrl } from '../../../dashboard/src/lib/feed-events.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const DAY = 86_400_000;
const now = Date.UTC(2024, 4, 31);
const ctx = { now, staleDays: 30, gerritUrl: 'https://review.opendev.org' };
const events = () => feedEvents(fixtureModel(now), ctx);

describe('feedEvents', () => {
  it('announces each flip between consecutive runs, at the time of the run', () => {
    const fc = events().filter((e) => e.driver.name === 'Acme FC' && e.release === 'Rocky');
    expect(fc.map((e) => [e.kind, e.title, e.at])).toEqual([
      ['fails', 'Acme FC fails on Rocky', now - 2 * DAY],
    ]);
    expect(fc[0]!.evidence).toEqual({
      href: 'https://review.example.org/c/openstack/cinder/+/1003/1',
      title: 'change 1003',
      external: true,
    });
    // Runs P P F P P P F P P P, newest first: four flips.
    const iscsi = events().filter((e) => e.driver.name === 'Acme iSCSI' && e.release === 'Rocky');
    expect(iscsi.map((e) => [e.kind, (now - e.at) / DAY])).toEqual([
      ['passes-again', 4],
      ['fails', 5],
      ['passes-again', 8],
      ['fails', 9],
    ]);
  });

  it('announces silence past the stale threshold, when it began', () => {
    const beta = events().filter((e) => e.driver.name === 'Beta ML2');
    expect(beta.map((e) => [e.kind, e.title, (now - e.at) / DAY])).toEqual([
      ['silent', 'Beta ML2 goes silent on Rocky', 30],
    ]);
  });

  it('announces leaving the tree and losing the project’s support, on the release’s date', () => {
    const tree = events().filter((e) => e.kind === 'leaves-tree' || e.kind === 'unsupported');
    expect(tree.map((e) => [e.kind, e.title, new Date(e.at).toISOString().slice(0, 10)])).toEqual([
      ['unsupported', 'Acme FC becomes unsupported by the project in Stein', '2019-04-10'],
      ['leaves-tree', 'Acme-FC leaves the tree in Rocky', '2018-08-29'],
    ]);
    expect(tree[0]!.evidence).toMatchObject({ href: 'projects/cinder/stein/', external: false });
  });

  it('lists events newest first, with ids that stay the same on every build', () => {
    const first = events();
    expect(first.map((e) => e.at)).toEqual([...first.map((e) => e.at)].sort((a, b) => b - a));
    expect(new Set(first.map((e) => e.id)).size).toBe(first.length);
    for (const e of first)
      expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    // A later build (a day on) still names the same changes the same way.
    const later = feedEvents(fixtureModel(now), {
      ...ctx,
      now: now + DAY,
    });
    const ids = new Map(later.map((e) => [e.id, e.title]));
    for (const e of first) expect(ids.get(e.id)).toBe(e.title);
  });
});

describe('runUrl', () => {
  it('links a run on the record’s Gerrit, else the configured one', () => {
    const run = { change_number: 42, patch_set: 3 };
    expect(runUrl(run, 'https://review.example.org/c/x/+/1', 'https://gerrit.test', 'openstack/nova')).toBe(
      'https://review.example.org/c/openstack/nova/+/42/3',
    );
    expect(runUrl(run, 'javascript:alert(1)', 'https://gerrit.test/', 'openstack/nova')).toBe(
      'https://gerrit.test/c/openstack/nova/+/42/3',
    );
    expect(runUrl({ change_number: 0, patch_set: 1 }, '', 'https://gerrit.test', 'p')).toBeUndefined();
  });
});
