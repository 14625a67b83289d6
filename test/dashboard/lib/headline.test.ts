import { describe, expect, it } from 'vitest';
import { headlineStatus, scopedStatus } from '../../../dashboard/src/lib/headline.ts';
import { newestMaintainedRelease, type ReleaseView } from '../../../dashboard/src/lib/release-views.ts';
import type { StatusInput } from '../../../dashboard/src/lib/status.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1);
const roles = { maintained: 'Gazpacho', development: 'Indri' };
const input = (over: Partial<StatusInput> = {}): StatusInput => ({
  hasCi: true,
  claims: ['Gazpacho'],
  evidence: {
    Gazpacho: { ok: true, at: now - 2 * DAY },
    Indri: { ok: false, at: now - DAY },
  },
  scanned: true,
  ...over,
});

describe('headlineStatus', () => {
  it('is the newest maintained release’s, never the development release’s, and names it', () => {
    // Failing on the release in development, passing on the newest maintained one: passing · Gazpacho.
    expect(headlineStatus(input(), roles, now, 30)).toMatchObject({ kind: 'passing', release: 'Gazpacho' });
  });

  it('says so when the only evidence is on the release in development', () => {
    const onlyIndri = input({ evidence: { Indri: { ok: true, at: now - DAY } } });
    expect(headlineStatus(onlyIndri, roles, now, 30)).toMatchObject({
      kind: 'development',
      release: 'Indri',
    });
  });

  it('names the maintained release when it has no evidence, and older releases do not stand for it', () => {
    const older = input({ evidence: { Flamingo: { ok: true, at: now - DAY } } });
    expect(headlineStatus(older, roles, now, 30)).toEqual({
      kind: 'unverified',
      claimed: true,
      release: 'Gazpacho',
    });
    expect(headlineStatus(input({ evidence: {}, scanned: false }), roles, now, 30)).toEqual({
      kind: 'unscanned',
    });
  });

  it('takes the newest evidence but the development release’s when no release is maintained', () => {
    expect(headlineStatus(input(), { development: 'Indri' }, now, 30)).toMatchObject({ release: 'Gazpacho' });
  });
});

describe('scopedStatus', () => {
  it('is the headline without a release, and that release’s status with one', () => {
    expect(scopedStatus(input(), '', roles, now, 30)).toMatchObject({ kind: 'passing', release: 'Gazpacho' });
    expect(scopedStatus(input(), 'indri', roles, now, 30)).toMatchObject({
      kind: 'failing',
      release: 'Indri',
    });
  });
});

describe('newestMaintainedRelease', () => {
  const release = (id: string, date: number, extra: Partial<ReleaseView> = {}): ReleaseView => ({
    id,
    start: '',
    date,
    active: false,
    branch: `stable/${id.toLowerCase()}`,
    ...extra,
  });
  const releases = [
    release('Flamingo', 1, { active: true }),
    release('Gazpacho', 2, { active: true }),
    release('Hibiscus', 3),
    release('Indri', 4, { active: true }),
  ];

  it('is the newest active release before the one in development', () => {
    expect(newestMaintainedRelease(releases, 'Indri')).toBe('Gazpacho');
  });

  it('falls back to the newest with a stable/ branch', () => {
    const none = releases.map((r) => ({ ...r, active: false }));
    expect(newestMaintainedRelease(none, 'Indri')).toBe('Hibiscus');
    expect(
      newestMaintainedRelease(
        none.map((r) => ({ ...r, branch: 'master' })),
        'Indri',
      ),
    ).toBeUndefined();
  });
});
