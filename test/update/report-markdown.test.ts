import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../backend/cli/main.ts';
import type { Io } from '../../backend/common/io.ts';
import { summaryMarkdown } from '../../backend/update/report-markdown.ts';
import type { UpdateSummary } from '../../backend/update/format-summary.ts';
import { expectInert } from '../helpers/markdown-inert.ts';

const summary: UpdateSummary = {
  file: 'default_data.json',
  gerrit_url: 'https://review.example.org',
  since: '2026-05-25T00:00:00Z',
  started: '2026-11-21T00:00:00Z',
  duration_ms: 4200,
  written: true,
  drivers: { scanned: 3, newly_verified: 1, newly_failing: 1, unchanged: 1 },
  records: [
    {
      driver: 'openstack/cinder:Acme:Acme | iSCSI <b>',
      release: 'Gazpacho',
      kind: 'verified',
      review_url: 'https://review.example.org/c/openstack/cinder/+/1',
    },
    { driver: 'openstack/nova:Beta:Hyper', release: 'Indri', kind: 'failing' },
  ],
  changes_read: 120,
  unmapped_comments: 2,
  unknown_accounts: [
    {
      driver: 'openstack/nova:Gamma:X',
      ci_id: 'ghost-ci',
      message: "CI account 'ghost-ci' not found on Gerrit",
    },
  ],
  failed_projects: [{ project: 'openstack/manila', error: 'GET … failed: 503 Service Unavailable' }],
  driver_problems: [],
  projects: [],
  requests: 9,
  bytes: 1000,
  retries: 1,
};

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', env: {}, cwd: process.cwd(), isTTY: false } as Io & {
    out: string;
    err: string;
  };
  io.stdout = (text) => void (io.out += text);
  io.stderr = (text) => void (io.err += text);
  return io;
}

describe('summaryMarkdown', () => {
  it('shows the counts, the failed projects, the unknown accounts and each record', () => {
    const md = summaryMarkdown(summary);
    expect(md).toContain('some projects failed');
    expect(md).toContain('| 3 | 1 | 1 | 1 | 2 | 1 |');
    expect(md).toContain('- `openstack/manila`: GET … failed: 503 Service Unavailable');
    expect(md).toContain("CI account 'ghost-ci' not found on Gerrit");
    expect(md).toContain('| failing | openstack/nova:Beta:Hyper | Indri |');
  });

  it('cannot break the table or inject HTML with registry text', () => {
    const md = summaryMarkdown(summary);
    expect(md).toContain('Acme &#124; iSCSI &#60;b&#62;');
    expect(md).not.toContain('<b>');
  });
});

describe('driverlog report', () => {
  it('prints a report file as Markdown', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'driverlog-report-')), 'report.json');
    writeFileSync(file, JSON.stringify(summary));
    const io = capture();
    expect(await main(['report', '--markdown', file], io)).toBe(0);
    expect(io.out).toContain('### DriverLog update');
  });

  it('says which file it could not read, with exit 2', async () => {
    const io = capture();
    expect(await main(['report', '--markdown', '/nonexistent/report.json'], io)).toBe(2);
    expect(io.err).toContain('cannot read /nonexistent/report.json');
  });
});

describe('summaryMarkdown with hostile registry text', () => {
  it('renders a vendor or driver name as its text: no emphasis, code, link, image, HTML, mention or reference', async () => {
    await expectInert((name) =>
      summaryMarkdown({
        ...summary,
        records: [{ driver: `openstack/cinder:${name}:${name}`, release: 'Gazpacho', kind: 'verified' }],
        unknown_accounts: [{ driver: `openstack/nova:${name}:X`, ci_id: 'ghost-ci', message: 'not found' }],
      }),
    );
  });

  it('prints the report of such a run inert too (driverlog report --markdown)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'driverlog-report-')), 'report.json');
    await expectInert(async (name) => {
      const records = [{ driver: `openstack/cinder:${name}:${name}`, release: 'Gazpacho', kind: 'failing' }];
      writeFileSync(file, JSON.stringify({ ...summary, records }));
      const io = capture();
      expect(await main(['report', '--markdown', file], io)).toBe(0);
      return io.out;
    });
  });
});
