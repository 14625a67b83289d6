import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../backend/common/io.ts';
import { main } from '../../backend/cli/main.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry } from '../../backend/model/types.ts';
import { textOf, validRegistry } from '../helpers/registry-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'driverlog-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo() {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env: {},
    cwd: dir,
    isTTY: false,
  };
  return { io, out };
}

/** The valid registry, but written with 4-space indentation, CRLF, and drivers and releases out of order. */
function messyText(): string {
  const registry = validRegistry();
  registry.drivers.reverse();
  registry.releases!.reverse();
  return JSON.stringify(registry, null, 4).replace(/\n/g, '\r\n');
}

describe('driverlog format', () => {
  it('fixes what validate reports as out of order, then validate passes', async () => {
    const file = join(dir, 'unsorted.json');
    writeFileSync(file, messyText());
    const before = fakeIo();
    expect(await main(['validate', 'unsorted.json'], before.io)).toBe(1);
    expect(before.out.stdout).toContain('order');
    expect(before.out.stdout).toContain('hint: run `driverlog format` to sort the file');

    const format = fakeIo();
    expect(await main(['format', 'unsorted.json'], format.io)).toBe(0);
    expect(format.out.stdout).toBe('unsorted.json: formatted\n');
    expect(readFileSync(file, 'utf8')).toBe(textOf(validRegistry()));
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);

    const after = fakeIo();
    expect(await main(['validate', 'unsorted.json'], after.io)).toBe(0);
    const again = fakeIo();
    expect(await main(['format', 'unsorted.json'], again.io)).toBe(0);
    expect(again.out.stdout).toBe('unsorted.json: already canonical\n');
  });

  it('keeps the file mode', async () => {
    const file = join(dir, 'mode.json');
    writeFileSync(file, messyText(), { mode: 0o600 });
    expect(await main(['format', 'mode.json'], fakeIo().io)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--check names the first difference and writes nothing', async () => {
    const file = join(dir, 'check.json');
    const messy = messyText();
    writeFileSync(file, messy);
    const { io, out } = fakeIo();
    expect(await main(['format', '--check', 'check.json'], io)).toBe(1);
    expect(out.stdout).toBe(
      'check.json:1:2: not in canonical form: expected "{", found "{\\r"\n    hint: run `driverlog format check.json`\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(messy);
    writeFileSync(file, textOf(validRegistry()).replace('"Queens",\n', '"Queens" ,\n'));
    const second = fakeIo();
    expect(await main(['format', '--check', 'check.json'], second.io)).toBe(1);
    expect(second.out.stdout).toMatch(
      /^check\.json:14:21: not in canonical form: expected " {6}\\"id\\": \\"Queens\\",", found " {6}\\"id\\": \\"Queens\\" ,"\n/,
    );
    // A minified file is one long line: the message shows a window around the difference.
    const oneLine = JSON.stringify(validRegistry());
    writeFileSync(file, oneLine);
    const minified = fakeIo();
    expect(await main(['format', '--check', 'check.json'], minified.io)).toBe(1);
    expect(minified.out.stdout).toBe(
      `check.json:1:2: not in canonical form: expected "{", found ${JSON.stringify(`${oneLine.slice(0, 80)}…`)}\n` +
        '    hint: run `driverlog format check.json`\n',
    );
    writeFileSync(file, textOf(validRegistry()));
    const clean = fakeIo();
    expect(await main(['format', '--check', 'check.json'], clean.io)).toBe(0);
    expect(clean.out.stdout).toBe('');
  });

  it('refuses files with duplicate keys or syntax errors, leaving them untouched', async () => {
    const duplicate = textOf(validRegistry()).replace(
      '"vendor": "Acme",',
      '"vendor": "Acme",\n      "vendor": "Acme Corp",',
    );
    writeFileSync(join(dir, 'dup.json'), duplicate);
    const dup = fakeIo();
    expect(await main(['format', 'dup.json'], dup.io)).toBe(1);
    expect(dup.out.stderr).toContain('dup.json left unchanged');
    expect(dup.out.stderr).toMatch(
      /dup\.json:\d+:7 {2}error {2}duplicate-key {2}\/drivers\/0\/vendor: duplicate key "vendor"/,
    );
    expect(readFileSync(join(dir, 'dup.json'), 'utf8')).toBe(duplicate);

    writeFileSync(join(dir, 'bad.json'), '{"projects": [}');
    const bad = fakeIo();
    expect(await main(['format', 'bad.json'], bad.io)).toBe(1);
    expect(bad.out.stderr).toContain("bad.json:1:15  error  json-syntax  unexpected '}': expected a value");
    expect(readFileSync(join(dir, 'bad.json'), 'utf8')).toBe('{"projects": [}');
  });

  it('exits 2 on a missing file or extra arguments', async () => {
    const missing = fakeIo();
    expect(await main(['format', 'absent.json'], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('absent.json: no such file');
    expect(await main(['format', 'a.json', 'b.json'], fakeIo().io)).toBe(2);
  });

  it('formats the target of a symlink and keeps the link', async () => {
    const target = join(dir, 'target.json');
    writeFileSync(target, messyText());
    symlinkSync('target.json', join(dir, 'link.json'));
    const run = fakeIo();
    expect(await main(['format', 'link.json'], run.io)).toBe(0);
    expect(run.out.stdout).toBe('link.json: formatted\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(textOf(validRegistry()));
  });

  it('formats a file with schema errors in place, as an editor does mid-edit, and keeps them', async () => {
    const registry = validRegistry();
    registry.drivers[1]!.project_id = 'openstack/nowhere';
    registry.drivers.reverse();
    const file = join(dir, 'mid-edit.json');
    writeFileSync(file, JSON.stringify(registry, null, 4));
    const run = fakeIo();
    expect(await main(['format', 'mid-edit.json'], run.io)).toBe(0);
    const after = fakeIo();
    expect(await main(['validate', 'mid-edit.json'], after.io)).toBe(1);
    expect(after.out.stdout).toContain('unknown-project');
    expect(after.out.stdout).not.toContain('  order  ');
  });
});

describe('driverlog format with a runs file', () => {
  /** The valid registry with runs for both drivers on Rocky, as the commands see it. */
  const withRuns = (): Registry => {
    const registry = validRegistry();
    const rocky = registry.drivers[0]!.verification!.Rocky!;
    registry.drivers[1]!.verification = { Rocky: { ...rocky, change_number: 600005 } };
    rocky.recent = [
      { timestamp: '2018-09-01T10:00:00Z', change_number: 600001, patch_set: 2, ci_result: true },
      { timestamp: '2018-08-31T10:00:00Z', change_number: 600000, patch_set: 1, ci_result: false },
    ];
    registry.drivers[1]!.verification.Rocky!.recent = [
      { timestamp: '2018-09-01T10:00:00Z', change_number: 600005, patch_set: 1, ci_result: true },
    ];
    return registry;
  };
  const canonical = formatFiles(withRuns());
  /** The runs file as a person might save it: 4-space indentation, drivers in another order, keys reversed. */
  const messyRuns = (): string => {
    const runs = JSON.parse(canonical.runsText) as { drivers: Array<Record<string, unknown>> };
    runs.drivers.reverse();
    const reversed = runs.drivers.map((entry) => Object.fromEntries(Object.entries(entry).reverse()));
    return JSON.stringify({ drivers: reversed }, null, 4);
  };
  const files = (name: string, registryText: string, runsText: string) => {
    writeFileSync(join(dir, `${name}.json`), registryText);
    writeFileSync(join(dir, `${name}.runs.json`), runsText);
    const read = () => [
      readFileSync(join(dir, `${name}.json`), 'utf8'),
      readFileSync(join(dir, `${name}.runs.json`), 'utf8'),
    ];
    return { file: `${name}.json`, read };
  };

  it('writes the registry in canonical form and leaves the runs file to `driverlog update`', async () => {
    const { file, read } = files('both', JSON.stringify(JSON.parse(canonical.text), null, 4), messyRuns());
    const run = fakeIo();
    expect(await main(['format', file], run.io)).toBe(0);
    expect(run.out.stdout).toBe('both.json: formatted\n');
    expect(read()).toEqual([canonical.text, messyRuns()]);
    const again = fakeIo();
    expect(await main(['format', file], again.io)).toBe(0);
    expect(again.out.stdout).toBe('both.json: already canonical\n');
  });

  it('--check judges the registry text alone', async () => {
    const runsOnly = files('runs-only', canonical.text, messyRuns());
    const clean = fakeIo();
    expect(await main(['format', '--check', runsOnly.file], clean.io)).toBe(0);
    expect(clean.out.stdout).toBe('');
    expect(runsOnly.read()).toEqual([canonical.text, messyRuns()]);

    const registryOnly = files(
      'registry-only',
      canonical.text.replace('"Queens",\n', '"Queens" ,\n'),
      canonical.runsText,
    );
    const dirty = fakeIo();
    expect(await main(['format', '--check', registryOnly.file], dirty.io)).toBe(1);
    expect(dirty.out.stdout).toMatch(/^registry-only\.json:\d+:\d+: not in canonical form: /);
  });

  it('formats a registry mid-edit and leaves its runs file as it was, runs and all', async () => {
    const registry = JSON.parse(canonical.text) as Registry;
    (registry.drivers[0] as { description: unknown }).description = 42;
    const { file, read } = files('mid-edit-runs', JSON.stringify(registry, null, 4), messyRuns());
    expect(await main(['format', file], fakeIo().io)).toBe(0);
    expect(read()).toEqual([textOf(registry), messyRuns()]);
  });

  it('keeps runs that belong to no record: only `driverlog update` drops them', async () => {
    const registry = withRuns();
    registry.drivers[1]!.name = 'Acme hypervisor (renamed)';
    const { file, read } = files('renamed', formatFiles(registry).text, canonical.runsText);
    const run = fakeIo();
    expect(await main(['format', file], run.io)).toBe(0);
    expect(run.out.stdout).toBe('renamed.json: already canonical\n');
    expect(read()[1]).toBe(canonical.runsText);
    const validate = fakeIo();
    expect(await main(['validate', file], validate.io)).toBe(0);
    expect(validate.out.stdout).toContain('warning  runs-without-record');
  });
});

describe('driverlog format and runs kept in records by an older driverlog', () => {
  /** The valid registry with runs on its Rocky record, as the commands see it. */
  const legacy = (): { runs: Registry } => {
    const registry = validRegistry();
    registry.drivers[0]!.verification!.Rocky!.recent = [
      { timestamp: '2018-09-01T10:00:00Z', change_number: 600001, patch_set: 2, ci_result: true },
      { timestamp: '2018-08-31T10:00:00Z', change_number: 600000, patch_set: 1, ci_result: false },
    ];
    return { runs: registry };
  };
  const legacyText = (): string => {
    const { runs } = legacy();
    const record = runs.drivers[0]!.verification!.Rocky!;
    const recent = JSON.stringify(record.recent);
    // The record as the older format wrote it: every field, `recent` included, inside the registry.
    return textOf(validRegistry()).replace(
      `"timestamp": "${record.timestamp}"`,
      `"timestamp": "${record.timestamp}",\n"recent": ${recent}`,
    );
  };

  it('is told by validate how to move them, and format moves them into a new runs file, dropping none', async () => {
    const text = legacyText();
    writeFileSync(join(dir, 'legacy.json'), text);
    const validate = fakeIo();
    expect(await main(['validate', 'legacy.json'], validate.io)).toBe(1);
    expect(validate.out.stdout).toMatch(
      /unknown property "recent"\n\s+hint: run `driverlog format` on the registry/,
    );
    const run = fakeIo();
    expect(await main(['format', 'legacy.json'], run.io)).toBe(0);
    const files = formatFiles(legacy().runs);
    expect(readFileSync(join(dir, 'legacy.json'), 'utf8')).toBe(files.text);
    expect(readFileSync(join(dir, 'legacy.runs.json'), 'utf8')).toBe(files.runsText);
    expect(files.runsText).toContain('"change_number": 600000');
    const after = fakeIo();
    expect(await main(['validate', 'legacy.json'], after.io)).toBe(0);
  });

  it('refuses, changing nothing, when a runs file exists beside runs kept in records', async () => {
    const text = legacyText();
    writeFileSync(join(dir, 'both-runs.json'), text);
    const runsText = formatFiles(legacy().runs).runsText.replace('600000', '600009');
    writeFileSync(join(dir, 'both-runs.runs.json'), runsText);
    const run = fakeIo();
    expect(await main(['format', 'both-runs.json'], run.io)).toBe(1);
    expect(run.out.stderr).toMatch(/its records hold `recent` runs and both-runs\.runs\.json exists too/);
    expect(readFileSync(join(dir, 'both-runs.json'), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'both-runs.runs.json'), 'utf8')).toBe(runsText);
  });

  it('refuses to format a runs file named as FILE, naming its registry', async () => {
    const runsText = formatFiles(legacy().runs).runsText;
    writeFileSync(join(dir, 'named.runs.json'), runsText);
    const run = fakeIo();
    expect(await main(['format', 'named.runs.json'], run.io)).toBe(2);
    expect(run.out.stderr).toMatch(
      /named\.runs\.json is a runs file, which only `driverlog update` writes: format its registry, named\.json/,
    );
    expect(readFileSync(join(dir, 'named.runs.json'), 'utf8')).toBe(runsText);
  });
});
