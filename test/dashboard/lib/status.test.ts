import { describe, expect, it } from 'vitest';
import { releaseStatus, statusView, type StatusInput } from '../../../dashboard/src/lib/status.ts';

const DAY = 86_400_000;
const now = Date.UTC(2024, 4, 31);
const input = (over: Partial<StatusInput> = {}): StatusInput => ({
  hasCi: true,
  claims: ['Queens', 'Rocky'],
  evidence: {
    Queens: { ok: false, at: now - 5 * DAY, passAt: now - 20 * DAY, url: 'https://r/2' },
    Rocky: { ok: true, at: now - 3 * DAY, url: 'https://r/1' },
  },
  scanned: true,
  ...over,
});

describe('releaseStatus', () => {
  it('reads the selected release case-insensitively', () => {
    expect(releaseStatus(input(), ['queens'], now, 30)).toMatchObject({ kind: 'failing', release: 'Queens' });
  });

  it('calls evidence older than the threshold stale, whatever its result', () => {
    expect(releaseStatus(input(), ['rocky'], now, 2).kind).toBe('stale');
    expect(releaseStatus(input(), ['queens'], now, 4).kind).toBe('stale');
  });

  it('takes the newest evidence of the releases a list names', () => {
    expect(releaseStatus(input(), ['queens', 'stein'], now, 30)).toMatchObject({
      kind: 'failing',
      release: 'Queens',
    });
    expect(releaseStatus(input(), ['Queens', 'Rocky'], now, 30)).toMatchObject({
      kind: 'passing',
      release: 'Rocky',
    });
    expect(releaseStatus(input({ evidence: {} }), ['stein', 'rocky'], now, 30)).toEqual({
      kind: 'unverified',
      claimed: true,
    });
    expect(releaseStatus(input({ evidence: {} }), ['stein', 'train'], now, 30)).toEqual({
      kind: 'unverified',
      claimed: false,
    });
  });

  it('separates claims without evidence from drivers without CI, naming the one release asked about', () => {
    expect(releaseStatus(input({ evidence: {} }), ['Rocky'], now, 30)).toEqual({
      kind: 'unverified',
      claimed: true,
      release: 'Rocky',
    });
    expect(releaseStatus(input({ evidence: {} }), ['Stein'], now, 30)).toEqual({
      kind: 'unverified',
      claimed: false,
      release: 'Stein',
    });
    expect(releaseStatus(input({ hasCi: false }), ['Rocky'], now, 30)).toEqual({ kind: 'none' });
  });

  it('never calls a driver whose Gerrit project was never scanned "no CI evidence"', () => {
    expect(releaseStatus(input({ evidence: {}, scanned: false }), ['Rocky'], now, 30)).toEqual({
      kind: 'unscanned',
    });
    // Evidence is evidence, scanned or not.
    expect(releaseStatus(input({ scanned: false }), ['Rocky'], now, 30).kind).toBe('passing');
  });
});

describe('statusView', () => {
  it('words a failure with when it failed and when it last passed', () => {
    const view = statusView(releaseStatus(input(), ['Queens'], now, 30), false);
    expect(view.label).toBe('failing');
    expect(view.details.map((d) => `${d.lead}${d.text}`)).toEqual(['failed', '; last passed']);
    expect(view.details[1]!.at).toBe(now - 20 * DAY);
  });

  it('says when a stale failure last passed', () => {
    const view = statusView(releaseStatus(input(), ['Queens'], now, 4), false);
    expect(view.label).toBe('stale');
    expect(view.details.map((d) => `${d.lead}${d.text}`)).toEqual(['last failed', '; last passed']);
    expect(view.details[1]!.at).toBe(now - 20 * DAY);
  });

  it('names the release only when asked to', () => {
    expect(statusView(releaseStatus(input(), ['Rocky'], now, 30), true).release).toBe('Rocky');
    expect(statusView(releaseStatus(input(), ['Rocky'], now, 30), false).release).toBeUndefined();
  });

  it('has words for every state', () => {
    const labels = [
      releaseStatus(input(), ['Rocky'], now, 30),
      releaseStatus(input(), ['Queens'], now, 30),
      releaseStatus(input(), ['Rocky'], now, 1),
      { kind: 'development', release: 'Train', evidence: { ok: true, at: now } } as const,
      releaseStatus(input({ evidence: {} }), ['Rocky'], now, 30),
      releaseStatus(input({ evidence: {}, scanned: false }), ['Rocky'], now, 30),
      releaseStatus(input({ hasCi: false }), [], now, 30),
    ].map((s) => statusView(s, false).label);
    expect(labels).toEqual([
      'passing',
      'failing',
      'stale',
      'only on Train (in development)',
      'claimed, no CI evidence',
      'not yet scanned against Gerrit',
      'no CI declared',
    ]);
  });
});
