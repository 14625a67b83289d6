import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/index.ts';
import type { UpdateSummary } from '../../backend/update/format-summary.ts';
import {
  ACCOUNTS,
  change,
  cli,
  message,
  pass,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('driverlog update (command line)', () => {
  it('takes the Gerrit URL from DRIVERLOG_GERRIT_URL and writes --report as JSON', async () => {
    sim = await startGerritSimulator({
      dataset: {
        accounts: ACCOUNTS,
        changes: [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] })],
      },
    });
    const dir = tempDir();
    writeRegistry(dir, registry(), 'data.json');
    const run = await cli(
      ['update', '--data', 'data.json', '--since', '2024-01-01', '--report', 'out/../report.json'],
      {
        cwd: dir,
        env: { DRIVERLOG_GERRIT_URL: `${sim.url}/` },
      },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as UpdateSummary;
    expect(report).toMatchObject({
      gerrit_url: sim.url,
      since: '2024-01-01T00:00:00Z',
      written: true,
      drivers: { scanned: 1, newly_verified: 1, newly_failing: 0, unchanged: 0 },
      records: [{ driver: 'openstack/cinder:Acme:Acme iSCSI', release: 'Caracal', kind: 'verified' }],
      requests: 1,
      failed_projects: [],
    });
    expect(run.stdout).toContain('1 driver scanned: 1 with a release newly verified');
  });

  it('answers usage errors with exit 2 and how to fix them', async () => {
    const dir = tempDir();
    writeRegistry(dir, registry());
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--since', 'last week'], {}, /--since "last week" is not a date: use YYYY-MM-DD/],
      [['extra'], {}, /unexpected argument 'extra'/i],
      [['--gerrit-url', 'review.opendev.org'], {}, /must start with http:\/\/ or https:\/\//],
      [[], { GERRIT_USERNAME: 'me' }, /set both GERRIT_USERNAME and GERRIT_HTTP_PASSWORD/],
      [
        ['--gerrit-url', 'https://bot:s3cret@review.example.org'],
        {},
        /--gerrit-url must not contain credentials; set GERRIT_USERNAME and GERRIT_HTTP_PASSWORD/,
      ],
      [
        [],
        { DRIVERLOG_GERRIT_URL: 'https://bot:s3cret@review.example.org' },
        /DRIVERLOG_GERRIT_URL must not contain credentials/,
      ],
      [
        ['--data', 'nope.json', '--gerrit-url', 'http://127.0.0.1:9'],
        {},
        /nope.json does not exist; give the registry with --data FILE/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const run = await cli(['update', ...args], { cwd: dir, env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain('s3cret');
    }
  });

  it('documents every option', async () => {
    for (const name of ['update', 'schedule', 'check-ci']) {
      const run = await cli([name, '--help'], { cwd: tempDir() });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: driverlog ${name}`);
      expect(run.stdout).toMatch(/Example/);
    }
    expect((await cli(['schedule', '--help'], { cwd: tempDir() })).stdout).toContain('--since DATE');
  });
});
