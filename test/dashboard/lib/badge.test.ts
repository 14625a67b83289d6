import { describe, expect, it } from 'vitest';
import { badgeFor, badgeSnippets, badgeSvg, shieldsJson } from '../../../dashboard/src/lib/badge.ts';
import type { CiStatus } from '../../../dashboard/src/lib/status.ts';

const evidence = { ok: true, at: 0 };
const statuses: Array<[CiStatus, string]> = [
  [{ kind: 'passing', release: 'Flamingo', evidence }, 'passing · Flamingo'],
  [{ kind: 'failing', release: 'Rocky', evidence }, 'failing · Rocky'],
  [{ kind: 'stale', release: 'Rocky', evidence }, 'stale · Rocky'],
  [{ kind: 'unverified', claimed: true, release: 'Gazpacho' }, 'no CI evidence · Gazpacho'],
  [{ kind: 'development', release: 'Indri', evidence }, 'only on Indri (in development)'],
  [{ kind: 'unscanned' }, 'not yet scanned'],
  [{ kind: 'none' }, 'no CI declared'],
];

describe('badges', () => {
  it.each(statuses)('say the status in words: %o', (status, message) => {
    expect(badgeFor(status)).toEqual({ label: 'openstack CI', message, kind: status.kind });
  });

  it('give each status its own colour, and the shields.io endpoint fields', () => {
    const colors = statuses.slice(0, 4).map(([s]) => shieldsJson(badgeFor(s)).color);
    expect(new Set(colors).size).toBe(4);
    expect(shieldsJson(badgeFor(statuses[0]![0]))).toEqual({
      schemaVersion: 1,
      label: 'openstack CI',
      message: 'passing · Flamingo',
      color: '1a7f37',
    });
  });

  it('are self-contained SVG with their words as the title, escaped', () => {
    const svg = badgeSvg({ label: 'openstack CI', message: 'passing · <b>&"', kind: 'passing' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>openstack CI: passing · &lt;b&gt;&amp;&quot;</title>');
    expect(svg).not.toMatch(/<script|href=|url\(|@import/i);
  });

  it('come with snippets to paste, their words inert in Markdown', () => {
    expect(
      badgeSnippets('https://x.org/b.svg', 'https://x.org/d/', 'openstack CI: passing `*x*`').markdown,
    ).toBe('[![openstack CI: passing \\`\\*x\\*\\`](https://x.org/b.svg)](https://x.org/d/)');
    expect(badgeSnippets('https://x.org/b.svg', 'https://x.org/d/', 'openstack CI: passing [x]')).toEqual({
      markdown: '[![openstack CI: passing \\[x\\]](https://x.org/b.svg)](https://x.org/d/)',
      html: '<a href="https://x.org/d/"><img src="https://x.org/b.svg" alt="openstack CI: passing [x]"></a>',
    });
  });
});
