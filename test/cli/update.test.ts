import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { UpdateSummary } from '../../backend/update/format-summary.ts';
import { readOnlyFolder } from '../helpers/read-only-folder.ts';
import {
  change,
  cli,
  fail,
  message,
  onePass,
  readRegistry,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

// Neither permissions (root ignores them) nor a mount may be available: then that one case is skipped.
const readOnly = readOnlyFolder({ 'default_data.json': formatRegistry(registry()) });
afterAll(() => readOnly?.undo());

const gerrit = useSimulator();

describe('driverlog update (command line)', () => {
  it('takes the Gerrit URL from DRIVERLOG_GERRIT_URL and writes --report as JSON', async () => {
    const sim = await gerrit.start(onePass());
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
      runs_file: join(dir, 'data.runs.json'),
      drivers: { scanned: 1, newly_verified: 1, newly_failing: 0, unchanged: 0 },
      records: [{ driver: 'openstack/cinder:Acme:Acme iSCSI', release: 'Caracal', kind: 'verified' }],
      requests: 1,
      failed_projects: [],
    });
    expect(run.stdout).toContain('1 driver scanned: 1 with a release newly verified');
    expect(run.stdout).toMatch(/data\.json updated \(and its runs file, data\.runs\.json\)\n/);
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

  it('refuses URLs no request could reach and windows no scan could use, up front, for update and schedule', async () => {
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const before = readFileSync(file, 'utf8');
    const cases: Array<[string[], RegExp]> = [
      [
        ['--gerrit-url', 'http://127.0.0.1:99999'],
        /--gerrit-url "http:\/\/127.0.0.1:99999" is not a valid URL: .*port/,
      ],
      [['--gerrit-url', 'http://exa mple.com'], /is not a valid URL: check the host name \(no spaces\)/],
      [['--gerrit-url', 'http://[::1'], /is not a valid URL: .*IPv6/],
      [['--since', '999999999d'], /--since "999999999d" reaches back before 1970/],
      [['--since', '99999999d'], /--since "99999999d" reaches back before 1970/],
      [['--since', '2999-01-01'], /--since "2999-01-01" is in the future/],
    ];
    for (const command of ['update', 'schedule']) {
      for (const [args, message] of cases) {
        const run = await cli([command, ...args], { cwd: dir, signal: new AbortController().signal });
        expect(run.code, `${command} ${args.join(' ')}`).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).toContain(`Run 'driverlog ${command} --help' for usage.`);
        expect(run.stderr).not.toMatch(/TypeError|RangeError|\n\s+at /);
        expect(run.stdout).not.toContain('scheduled:');
      }
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it.skipIf(readOnly === undefined)(
    'says the lock cannot be taken in a read-only folder, instead of crashing',
    async () => {
      const run = await cli(['update', '--gerrit-url', 'http://127.0.0.1:9', '--since', '2024-01-01'], {
        cwd: readOnly!.dir,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^driverlog update: cannot create the lock file .*default_data\.json\.lock: (permission denied|read-only file system)\n$/,
      );
    },
  );

  it('updates the target of a symlinked data file, keeping the link, with the runs file beside the target', async () => {
    const sim = await gerrit.start(onePass());
    const dir = tempDir();
    const target = writeRegistry(dir, registry(), 'real.json');
    symlinkSync('real.json', join(dir, 'link.json'));
    const run = await cli(
      ['update', '--data', 'link.json', '--gerrit-url', sim.url, '--since', '2024-01-01'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/link\.json updated \(and its runs file, real\.runs\.json\)\n/);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readRegistry(target).drivers[0]?.verification?.Caracal?.ci_result).toBe(true);
    // The runs go beside the file the link points to, never beside the link: the two files move together.
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json', 'real.runs.json']);
    expect(readFileSync(join(dir, 'real.runs.json'), 'utf8')).toContain('"change_number": 100');
    expect(readFileSync(target, 'utf8')).not.toContain('"recent"');
    // Read back through the link, the runs are the ones beside the target: a second run finds nothing new.
    const again = await cli(
      ['update', '--data', 'link.json', '--gerrit-url', sim.url, '--since', '2024-01-01'],
      { cwd: dir },
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('link.json unchanged');
  });

  it('refuses a broken runs file, naming it at line:column, and writes neither file', async () => {
    const sim = await gerrit.start(onePass());
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    expect((await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01'], { cwd: dir })).code).toBe(
      0,
    );
    const runsFile = join(dir, 'default_data.runs.json');
    const broken = readFileSync(runsFile, 'utf8').replace('"ci_result": true }', '"ci_result": true },');
    writeFileSync(runsFile, broken);
    const before = readFileSync(file, 'utf8');
    sim.upsertChange(change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] }));
    const run = await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01'], { cwd: dir });
    expect(run.code).toBe(1);
    const at = broken.slice(0, broken.indexOf(']', broken.indexOf('"ci_result": true },'))).split('\n');
    expect(run.stderr).toContain(`${runsFile}:${at.length}:${at.at(-1)!.length + 1}  error  json-syntax`);
    expect(run.stderr).toContain("fix these first ('driverlog validate' shows them)");
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readFileSync(runsFile, 'utf8')).toBe(broken);
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
