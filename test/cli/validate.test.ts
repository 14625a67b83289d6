import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../backend/common/io.ts';
import { main } from '../../backend/cli/main.ts';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import { textOf, validRegistry } from '../helpers/registry-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'driverlog-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(cwd = dir) {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env: {},
    cwd,
    isTTY: false,
  };
  return { io, out };
}

const valid = join(dir, 'valid.json');
writeFileSync(valid, textOf(validRegistry()));
const broken = join(dir, 'broken.json');
const brokenRegistry = validRegistry();
brokenRegistry.drivers[0]!.project_id = 'openstack/cindr';
brokenRegistry.drivers[0]!.ci!.success_pattern = 'Build succeeded';
writeFileSync(broken, textOf(brokenRegistry));

describe('driverlog validate (in process)', () => {
  it('exits 0 on a valid file, with the summary', async () => {
    const { io, out } = fakeIo();
    expect(await main(['validate', 'valid.json'], io)).toBe(0);
    expect(out.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('defaults to default_data.json in the working directory', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, 'default_data.json'), textOf(validRegistry()));
    const { io, out } = fakeIo(cwd);
    expect(await main(['validate'], io)).toBe(0);
    expect(out.stdout).toContain('in 1 file');
  });

  it('exits 1 and prints every problem with FILE:LINE:COLUMN and a hint', async () => {
    const { io, out } = fakeIo();
    expect(await main(['validate', 'broken.json', 'valid.json'], io)).toBe(1);
    expect(out.stdout).toMatch(
      /^broken\.json:\d+:7 {2}error {2}unknown-project {2}\/drivers\/0\/project_id: project "openstack\/cindr" is not in the projects list\n {4}hint: did you mean "openstack\/cinder"\?\n/,
    );
    expect(out.stdout).toMatch(
      /broken\.json:\d+:9 {2}warning {2}broad-pattern {2}\/drivers\/0\/ci\/success_pattern: /,
    );
    expect(out.stdout).toMatch(/\n1 error, 1 warning in 2 files\n$/);
  });

  it('writes GitHub annotations', async () => {
    const { io, out } = fakeIo();
    expect(await main(['validate', '--format', 'github', 'broken.json'], io)).toBe(1);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error file=broken\.json,line=\d+,col=7,title=unknown-project::\/drivers\/0\/project_id: project "openstack\/cindr" is not in the projects list — did you mean "openstack\/cinder"\?$/,
    );
    expect(lines[1]).toMatch(/^::warning file=broken\.json,line=\d+,col=9,title=broad-pattern::/);
  });

  it('writes JSON', async () => {
    const { io, out } = fakeIo();
    expect(await main(['validate', '-f', 'json', 'broken.json'], io)).toBe(1);
    const problems = JSON.parse(out.stdout);
    expect(problems.map((p: { check: string }) => p.check)).toEqual(['unknown-project', 'broad-pattern']);
    expect(problems[0]).toMatchObject({
      file: 'broken.json',
      column: 7,
      severity: 'error',
      pointer: '/drivers/0/project_id',
    });
  });

  it('exits 1 with only the syntax error on a truncated file', async () => {
    writeFileSync(join(dir, 'truncated.json'), '{\n  "projects": [\n    {"id": "openstack/nova"');
    const { io, out } = fakeIo();
    expect(await main(['validate', 'truncated.json'], io)).toBe(1);
    expect(out.stdout).toBe(
      "truncated.json:3:28  error  json-syntax  unexpected end of input: expected ',' or '}' after the value of \"id\"\n" +
        '    hint: the file looks truncated\n1 error, 0 warnings in 1 file\n',
    );
  });

  it('reports bytes that are not UTF-8 at their line and column, and accepts a byte order mark', async () => {
    const text = textOf(validRegistry()).replace('Jane Doe', 'Ren\u0000e Doe');
    const bytes = Buffer.from(text);
    bytes[bytes.indexOf(0)] = 0xe9;
    writeFileSync(join(dir, 'latin1.json'), bytes);
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    const column = text.indexOf('\u0000') - text.lastIndexOf('\n', text.indexOf('\u0000'));
    const { io, out } = fakeIo();
    expect(await main(['validate', 'latin1.json'], io)).toBe(1);
    expect(out.stdout).toContain(`latin1.json:${line}:${column}  error  json-syntax  byte 0xE9 is not UTF-8`);
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${textOf(validRegistry())}`);
    const bom = fakeIo();
    expect(await main(['validate', 'bom.json'], bom.io)).toBe(0);
  });

  it('shows control characters in the data escaped, so none can forge or colour a line', async () => {
    const registry = validRegistry();
    registry.drivers[1]!.project_id = 'openstack/x\u001b[2J\n✅ All checks passed';
    writeFileSync(join(dir, 'forged.json'), textOf(registry));
    for (const format of ['text', 'github']) {
      const { io, out } = fakeIo();
      expect(await main(['validate', '--format', format, 'forged.json'], io)).toBe(1);
      expect(out.stdout).not.toContain('\u001b');
      expect(out.stdout).toContain('\\u001b[2J');
      expect(out.stdout).not.toMatch(/^✅/m);
    }
  });

  it('exits 2 naming a missing file, and on bad options', async () => {
    const missing = fakeIo();
    expect(await main(['validate', 'nope.json'], missing.io)).toBe(2);
    expect(missing.out.stderr).toBe(
      `driverlog validate: cannot read ${resolve(dir, 'nope.json')}: no such file\n`,
    );
    const usage = fakeIo();
    expect(await main(['validate', '--format', 'xml'], usage.io)).toBe(2);
    expect(usage.out.stderr).toContain("unknown --format 'xml'");
  });
});

describe('driverlog validate (a real process)', () => {
  const cli = resolve(import.meta.dirname, '../../bin/driverlog.js');
  const spawn = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: dir, encoding: 'utf8' });

  it('sets the exit status: 0 valid, 1 problems, 2 unreadable', () => {
    const ok = spawn('valid.json');
    expect([ok.status, ok.stdout]).toEqual([0, '0 errors, 0 warnings in 1 file\n']);
    const bad = spawn('broken.json');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('unknown-project');
    const missing = spawn('missing.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.json: no such file');
  });
});

describe('driverlog validate --changed-since', () => {
  /** A new git repository with a committer, and a way to run git in it. */
  const gitRepo = (prefix: string) => {
    const repo = mkdtempSync(join(tmpdir(), prefix));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'test');
    return { repo, git };
  };

  it('shows the warnings of a change, not those older entries carry, and every error', async () => {
    const { repo, git } = gitRepo('driverlog-changed-');
    const registry = JSON.parse(readFileSync(new URL('../../default_data.json', import.meta.url), 'utf8'));
    writeFileSync(join(repo, 'default_data.json'), `${JSON.stringify(registry, null, 2)}\n`);
    git('add', '.');
    git('commit', '-qm', 'base');
    // A new driver at the end with a too-broad pattern, and a broken project reference.
    registry.drivers.push({
      project_id: 'openstack/zzz',
      // A company the vendors list has: the only warning is the pattern's.
      vendor: 'Ceph',
      name: 'Zeta driver',
      ci: { id: 'zeta-ci', success_pattern: 'SUCCESS', failure_pattern: 'zeta-job \\S+ : FAILURE' },
    });
    writeFileSync(join(repo, 'default_data.json'), `${JSON.stringify(registry, null, 2)}\n`);

    const all = fakeIo(repo);
    await main(['validate', '--format', 'json'], all.io);
    const changed = fakeIo(repo);
    const code = await main(['validate', '--format', 'json', '--changed-since', 'HEAD'], changed.io);
    const shown = JSON.parse(changed.out.stdout) as Array<{ check: string; severity: string; line: number }>;
    const everything = JSON.parse(all.out.stdout) as typeof shown;

    expect(code).toBe(1);
    expect(everything.filter((p) => p.severity === 'warning').length).toBeGreaterThan(100);
    expect(shown.filter((p) => p.severity === 'warning').map((p) => p.check)).toEqual(['broad-pattern']);
    expect(shown.some((p) => p.check === 'unknown-project')).toBe(true);
    expect(changed.out.stderr).toMatch(/\d+ warnings on lines not changed since HEAD are not shown/);
  });

  it("refuses a vendor's former name where a change writes it, and only warns where an old entry keeps it", async () => {
    const { repo, git } = gitRepo('driverlog-alias-');
    const file = join(repo, 'default_data.json');
    const write = (change: (r: Registry) => void = () => {}) => {
      const registry = validRegistry();
      registry.vendors = [{ id: 'acme', name: 'Acme', aliases: ['Zenith'] }];
      // An old entry still filed under the company's former name.
      registry.drivers[1]!.vendor = 'Zenith';
      change(registry);
      writeFileSync(file, formatRegistry(registry));
    };
    write();
    git('add', '.');
    git('commit', '-qm', 'base');
    const validate = async () => {
      const run = fakeIo(repo);
      const code = await main(['validate', '--format', 'json', '--changed-since', 'HEAD'], run.io);
      const shown = JSON.parse(run.out.stdout) as Array<{ check: string; severity: string; pointer: string }>;
      return { code, aliases: shown.filter((p) => p.check === 'vendor-alias') };
    };

    // Without --changed-since, the old entry's former name is a warning.
    const plain = fakeIo(repo);
    expect(await main(['validate'], plain.io)).toBe(0);
    expect(plain.out.stdout).toMatch(
      /warning {2}vendor-alias {2}\/drivers\/1\/vendor: "Zenith" is an alias of "Acme"/,
    );

    // A change elsewhere in that entry leaves the line alone: nothing to say about it.
    write((r) => (r.drivers[1]!.releases = ['Queens', 'Rocky']));
    expect(await validate()).toEqual({ code: 0, aliases: [] });

    // A change that writes the former name, on an existing driver or a new one, is refused.
    write((r) => (r.drivers[0]!.vendor = 'Zenith'));
    expect(await validate()).toEqual({
      code: 1,
      aliases: [expect.objectContaining({ severity: 'error', pointer: '/drivers/0/vendor' })],
    });
    write((r) => r.drivers.push({ project_id: 'openstack/nova', vendor: 'Zenith', name: 'Zenith compute' }));
    expect(await validate()).toEqual({
      code: 1,
      aliases: [expect.objectContaining({ severity: 'error', pointer: '/drivers/2/vendor' })],
    });
  });

  it('says when the revision cannot be compared, with exit 2', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'driverlog-changed-'));
    copyFileSync(new URL('../../default_data.json', import.meta.url), join(outside, 'default_data.json'));
    const run = fakeIo(outside);
    expect(await main(['validate', '--changed-since', 'origin/main'], run.io)).toBe(2);
    expect(run.out.stderr).toMatch(/origin\/main \(fetch it first, e\.g\. git fetch origin main\)/);
  });

  it('never hands git an option disguised as a revision', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'driverlog-changed-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    copyFileSync(new URL('../../default_data.json', import.meta.url), join(repo, 'default_data.json'));
    const victim = join(repo, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    for (const ref of [`--output=${victim}`, '-p', 'HEAD --output=x', 'a\nb']) {
      const run = fakeIo(repo);
      expect(await main(['validate', `--changed-since=${ref}`], run.io), ref).toBe(2);
      expect(run.out.stderr).toContain('is not a git revision');
      expect(run.out.stdout).toBe('');
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });
});
