import { describe, expect, it } from 'vitest';
import { statusHtml } from '../../../dashboard/src/lib/status-html.ts';
import { statusView } from '../../../dashboard/src/lib/status.ts';

const DAY = 86_400_000;
const now = Date.UTC(2024, 4, 31);
const evidenceHref = '/driverlog/about/evidence/';
const passing = statusView(
  {
    kind: 'passing',
    release: 'Gazpacho',
    evidence: { ok: true, at: now - 3 * DAY, url: 'https://r/1?a=1&b="2"' },
  },
  true,
);

describe('statusHtml', () => {
  it('links the word to what it means and names the release', () => {
    expect(statusHtml(passing, { evidenceHref })).toBe(
      '<b class="status-passing"><a href="/driverlog/about/evidence/#passing"><span aria-hidden="true">✔</span> passing · Gazpacho</a></b>' +
        ' <span class="status-detail"><a href="https://r/1?a=1&amp;b=&quot;2&quot;">verified <time datetime="2024-05-28T00:00:00Z">on 2024-05-28</time></a></span>',
    );
  });

  it('words ages as seen from `now` in the browser', () => {
    for (const [ago, words] of [
      [3 * DAY, '3 days ago'],
      [DAY, 'yesterday'],
      [2 * 3_600_000, '2 hours ago'],
      [60 * DAY, '2 months ago'],
      [400 * DAY, 'last year'],
    ] as const) {
      const view = statusView(
        { kind: 'stale', release: 'Rocky', evidence: { ok: true, at: now - ago } },
        false,
      );
      expect(statusHtml(view, { evidenceHref, now })).toContain(`>${words}</time>`);
    }
  });

  it('escapes every value', () => {
    const view = { ...passing, label: '<img src=x onerror=alert(1)>', release: '"><script>' };
    const html = statusHtml(view, { evidenceHref });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; · &quot;&gt;&lt;script&gt;');
  });
});
