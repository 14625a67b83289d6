import { describe, expect, it } from 'vitest';
import {
  decodeLiveStatus,
  encodeLiveStatus,
  LiveStatusError,
  liveView,
  statusCell,
  type LiveStatus,
} from '../../../dashboard/src/lib/live-status.ts';

const DAY = 86_400_000;
const built = Date.UTC(2024, 4, 31);
const live: LiveStatus = {
  input: {
    hasCi: true,
    claims: ['Rocky'],
    evidence: {
      Rocky: {
        ok: false,
        at: built - 2 * DAY,
        url: 'https://r/2',
        passAt: built - 9 * DAY,
        passUrl: 'https://r/1',
      },
    },
    scanned: true,
  },
  release: '',
  roles: { maintained: 'Rocky', development: 'Stein' },
  staleDays: 30,
  brief: false,
};

describe('live status cells', () => {
  it('carry the status input through the page unchanged', () => {
    expect(decodeLiveStatus(encodeLiveStatus(live))).toEqual(live);
    expect(decodeLiveStatus(encodeLiveStatus({ ...live, release: 'rocky', brief: true }))).toMatchObject({
      release: 'rocky',
      brief: true,
    });
  });

  it('carry only the releases the status depends on', () => {
    const more: LiveStatus = {
      ...live,
      input: {
        ...live.input,
        claims: ['Queens', 'Rocky'],
        evidence: { ...live.input.evidence, Queens: { ok: true, at: built - DAY } },
      },
    };
    expect(decodeLiveStatus(encodeLiveStatus(more)).input).toEqual(live.input);
    expect(decodeLiveStatus(encodeLiveStatus({ ...more, release: 'queens' })).input.claims).toEqual([
      'Queens',
    ]);
  });

  it('turn stale when read long after the build', () => {
    const cell = statusCell(live, built);
    expect(cell.view.label).toBe('failing');
    expect(liveView(decodeLiveStatus(cell.live), built + 40 * DAY).label).toBe('stale');
  });

  it('show only the word and icon when brief', () => {
    const view = liveView({ ...live, brief: true }, built);
    expect(view).toMatchObject({ label: 'failing', details: [] });
    expect(view.release).toBeUndefined();
  });

  it('say what is wrong with a damaged attribute', () => {
    expect(() => decodeLiveStatus('{oops')).toThrow(LiveStatusError);
  });
});
