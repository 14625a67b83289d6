import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../backend/audit/finding.ts';
import { cli, tempDir, writeRegistry } from '../helpers/update-fixtures.ts';
import { driver, record, registry, runs } from './audit-fixtures.ts';

function setup() {
  const dir = tempDir('driverlog-audit-');
  writeRegistry(
    dir,
    registry([
      driver({ vendor: 'Acme', verification: { Caracal: record(runs([false, false, false])) } }),
      driver({ vendor: 'Bolt', releases: ['Caracal', 'Dalmatian'] }),
    ]),
  );
  return dir;
}

describe('driverlog audit', () => {
  it('prints the findings as JSON for tools, exit 0 without --fail-on', async () => {
    const dir = setup();
    const run = await cli(['audit', '--as-of', '2025-03-01', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(report.findings.map((f) => [f.kind, f.vendor, f.release])).toEqual([
      ['failing', 'Acme', 'Caracal'],
      ['claim-without-evidence', 'Bolt', 'Dalmatian'],
    ]);
    expect(report.findings[0]).toMatchObject({
      project_id: 'openstack/cinder',
      name: 'Acme iSCSI',
      runs: 3,
      passed: 0,
    });
  });

  it('exits 1 when a kind named by --fail-on is found, and 0 when only others are', async () => {
    const dir = setup();
    const failing = await cli(['audit', '--as-of', '2025-03-01', '--fail-on', 'silent,failing'], {
      cwd: dir,
    });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('found 1 failing');
    expect(failing.stdout).toMatch(
      /^failing +openstack\/cinder:Acme:Acme iSCSI on Caracal: 0 of the last 3 runs passed/m,
    );
    const other = await cli(
      ['audit', '--as-of', '2025-03-01', '--fail-on', 'silent', '--fail-on', 'account-not-found'],
      {
        cwd: dir,
      },
    );
    expect(other.code).toBe(0);
  });

  it('measures silence from --as-of, not from the clock', async () => {
    const dir = setup();
    const later = await cli(['audit', '--as-of', '2025-04-15T12:00:00Z', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(later.stdout) as AuditReport;
    expect(report.findings.filter((f) => f.kind === 'silent').map((f) => f.vendor)).toEqual(['Acme', 'Bolt']);
    expect(report.as_of).toBe('2025-04-15T12:00:00Z');
  });

  it.each([
    [['--as-of', '2025-02-30'], /--as-of "2025-02-30" is not a date/],
    [['--fail-on', 'silnt'], /unknown kind "silnt" \(did you mean silent\?\)/],
    [['--silent-days', '0'], /--silent-days must be a whole number/],
    [['--format', 'html'], /--format must be one of text, markdown, json/],
    [['extra'], /unexpected argument 'extra'/i],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const run = await cli(['audit', ...args], { cwd: setup() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses an invalid registry, saying where (exit 1), and a missing one (exit 2)', async () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'bad.json'),
      '{\n  "projects": [],\n  "drivers": [\n    { "vendor": 1 }\n  ]\n}\n',
    );
    const bad = await cli(['audit', '--data', 'bad.json', '--as-of', '2025-03-01'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json:4:\d+ +error/);
    const missing = await cli(['audit', '--data', 'nope.json', '--as-of', '2025-03-01'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    expect(missing.stderr).toContain('no such file');
  });
});
