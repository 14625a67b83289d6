import { describe, expect, it } from 'vitest';
import { ciStatus, relativeAge, statusView, type StatusInput } from '../../../dashboard/src/lib/status.ts';

const DAY = 86_400_000;
const now = Date.UTC(2024, 4, 31);
const input = (over: Partial<StatusInput> = {}): StatusInput => ({
  hasCi: true,
  claims: ['Queens', 'Rocky'],
  evidence: {
    Queens: { ok: false, at: now - 5 * DAY, passAt: now - 20 * DAY, url: 'https://r/2' },
    Rocky: { ok: true, at: now - 3 * DAY, url: 'https://r/1' },
  },
  ...over,
});

describe('ciStatus', () => {
  it('takes the newest evidence when no release is selected', () => {
    expect(ciStatus(input(), '', now, 30)).toMatchObject({ kind: 'passing', release: 'Rocky' });
  });

  it('reads the selected release case-insensitively', () => {
    expect(ciStatus(input(), 'queens', now, 30)).toMatchObject({ kind: 'failing', release: 'Queens' });
  });

  it('calls evidence older than the threshold stale, whatever its result', () => {
    expect(ciStatus(input(), 'rocky', now, 2).kind).toBe('stale');
    expect(ciStatus(input(), 'queens', now, 4).kind).toBe('stale');
  });

  it('takes the newest evidence of the releases a comma list names', () => {
    expect(ciStatus(input(), 'queens,stein', now, 30)).toMatchObject({ kind: 'failing', release: 'Queens' });
    expect(ciStatus(input(), 'Queens, Rocky', now, 30)).toMatchObject({ kind: 'passing', release: 'Rocky' });
    expect(ciStatus(input({ evidence: {} }), 'stein,rocky', now, 30)).toEqual({
      kind: 'unverified',
      claimed: true,
    });
    expect(ciStatus(input({ evidence: {} }), 'stein,train', now, 30)).toEqual({
      kind: 'unverified',
      claimed: false,
    });
  });

  it('separates claims without evidence from drivers without CI', () => {
    expect(ciStatus(input({ evidence: {} }), 'Rocky', now, 30)).toEqual({
      kind: 'unverified',
      claimed: true,
    });
    expect(ciStatus(input({ evidence: {} }), 'Stein', now, 30)).toEqual({
      kind: 'unverified',
      claimed: false,
    });
    expect(ciStatus(input({ hasCi: false }), 'Rocky', now, 30)).toEqual({ kind: 'none' });
  });
});

describe('statusView', () => {
  it('words a failure with when it failed and when it last passed', () => {
    const view = statusView(ciStatus(input(), 'Queens', now, 30), false);
    expect(view.label).toBe('failing');
    expect(view.details.map((d) => `${d.lead}${d.text}`)).toEqual(['failed', '; last passed']);
    expect(view.details[1]!.at).toBe(now - 20 * DAY);
  });

  it('says when a stale failure last passed', () => {
    const view = statusView(ciStatus(input(), 'Queens', now, 4), false);
    expect(view.label).toBe('stale');
    expect(view.details.map((d) => `${d.lead}${d.text}`)).toEqual(['last failed', '; last passed']);
    expect(view.details[1]!.at).toBe(now - 20 * DAY);
  });

  it('names the release only when asked to', () => {
    expect(statusView(ciStatus(input(), '', now, 30), true).release).toBe('Rocky');
    expect(statusView(ciStatus(input(), 'Rocky', now, 30), false).release).toBeUndefined();
  });

  it('has words for every state', () => {
    const labels = [
      ciStatus(input(), 'Rocky', now, 30),
      ciStatus(input(), 'Queens', now, 30),
      ciStatus(input(), 'Rocky', now, 1),
      ciStatus(input({ evidence: {} }), 'Rocky', now, 30),
      ciStatus(input({ hasCi: false }), '', now, 30),
    ].map((s) => statusView(s, false).label);
    expect(labels).toEqual(['passing', 'failing', 'stale', 'claimed, no CI evidence', 'no CI declared']);
  });
});

describe('relativeAge', () => {
  it.each([
    [3 * DAY, '3 days ago'],
    [DAY, 'yesterday'],
    [2 * 3_600_000, '2 hours ago'],
    [60 * DAY, '2 months ago'],
    [400 * DAY, 'last year'],
    [10_000, 'just now'],
  ])('%d ms ago reads "%s"', (ago, text) => {
    expect(relativeAge(now - ago, now)).toBe(text);
  });
});
