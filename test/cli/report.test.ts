import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../backend/cli/main.ts';
import { fakeIo } from '../helpers/fake-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'driverlog-report-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const report = {
  file: 'default_data.json',
  gerrit_url: 'https://review.example.org',
  since: '2024-01-01T00:00:00Z',
  started: '2024-07-01T00:00:00.000Z',
  duration_ms: 1200,
  written: true,
  drivers: { scanned: 1, newly_verified: 1, newly_failing: 0, unchanged: 0 },
  records: [
    {
      kind: 'verified',
      driver: 'openstack/cinder:Acme:iSCSI\u001b[2J\n✅ All checks passed',
      release: 'Caracal',
      review_url: 'javascript:alert(1)',
    },
  ],
  changes_read: 3,
  unmapped_comments: 0,
  unknown_accounts: [],
  failed_projects: [{ project: 'openstack/nova', error: '500\n::error::forged' }],
  driver_problems: [],
  projects: [],
  requests: 2,
  bytes: 10,
  retries: 0,
};

describe('driverlog report --markdown', () => {
  it('says what the file should be when it is not a report, instead of crashing', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['registry.json', JSON.stringify({ projects: [], drivers: [] }), /looks like a registry/],
      ['text.json', 'hello', /not JSON/],
      ['array.json', '[]', /not a JSON object/],
      ['partial.json', JSON.stringify({ gerrit_url: 'x' }), /missing or wrong: since \(string\)/],
      [
        'bad-record.json',
        JSON.stringify({ ...report, records: [{ kind: 'verified' }] }),
        /records\[0\] needs the strings kind, driver, release/,
      ],
    ];
    for (const [name, text, reason] of cases) {
      const { io, out } = fakeIo();
      expect(await main(['report', '--markdown', file(name, text)], io), name).toBe(2);
      expect(out.stderr).toMatch(reason);
      expect(out.stderr).toContain("give the JSON file that 'driverlog update --report FILE' wrote");
      expect(out.stderr).not.toMatch(/TypeError|at .*\.ts:/);
    }
  });

  it('escapes control characters and never links anything but a web address', async () => {
    const { io, out } = fakeIo();
    expect(await main(['report', '--markdown', file('report.json', JSON.stringify(report))], io)).toBe(0);
    expect(out.stdout).not.toContain('\u001b');
    expect(out.stdout).toContain('\\u001b[2J');
    expect(out.stdout).not.toMatch(/^✅/m);
    expect(out.stdout).not.toMatch(/^::error::/m);
    expect(out.stdout).not.toContain('javascript:');
  });
});
