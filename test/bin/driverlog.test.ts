import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// bin/driverlog.js runs the CLI from a bundle it rebuilds when a file the bundle was built from changes. Each
// case runs a copy of the project, so that its builds never touch the bundle the other suites run.
const repo = resolve(import.meta.dirname, '../..');
let root: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/driverlog.js'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bundle = () => join(root, 'node_modules/.driverlog-cli/main.cjs');
const builtAt = () => statSync(bundle()).mtimeMs;

/** Dates the bundle a minute back, so that a file written next is newer whatever the file system's precision. */
function ageBundle(): void {
  if (!existsSync(bundle())) run('--version');
  const earlier = new Date(Date.now() - 60_000);
  utimesSync(bundle(), earlier, earlier);
}

describe('bin/driverlog.js', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'driverlog-bin-'));
    for (const part of ['bin', 'backend', 'schema', 'package.json'])
      cpSync(join(repo, part), join(root, part), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    for (const name of readdirSync(join(repo, 'node_modules')))
      if (!name.startsWith('.'))
        symlinkSync(join(repo, 'node_modules', name), join(root, 'node_modules', name));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the bundle on the first run, and runs it as it is on the next', () => {
    expect(run('--version')).toMatchObject({ status: 0, stdout: '0.1.0\n' });
    const inputs = JSON.parse(readFileSync(join(root, 'node_modules/.driverlog-cli/inputs.json'), 'utf8'));
    expect(inputs).toEqual(expect.arrayContaining(['package.json', 'backend/cli/main.ts']));
    const first = builtAt();
    expect(run('--version').status).toBe(0);
    expect(builtAt()).toBe(first);
  });

  it('builds a bundle of ASCII text, which a start reads and compiles as one byte per character', () => {
    if (!existsSync(bundle())) run('--version');
    const bytes = readFileSync(bundle());
    // esbuild escapes what strings and patterns hold, but keeps the comments of class members as written.
    const at = bytes.findIndex((byte) => byte >= 0x80);
    expect(at === -1 ? '' : bytes.subarray(Math.max(0, at - 80), at + 20).toString('utf8')).toBe('');
  });

  it('rebuilds when a file the bundle was built from is edited', () => {
    const packageJson = join(root, 'package.json');
    ageBundle();
    writeFileSync(
      packageJson,
      readFileSync(packageJson, 'utf8').replace('"version": "0.1.0"', '"version": "0.2.0"'),
    );
    expect(run('--version')).toMatchObject({ status: 0, stdout: '0.2.0\n' });

    const main = join(root, 'backend/cli/main.ts');
    ageBundle();
    writeFileSync(
      main,
      readFileSync(main, 'utf8').replace(
        "'Usage: driverlog <command>",
        "'Usage (edited): driverlog <command>",
      ),
    );
    expect(run('--help').stdout).toMatch(/^Usage \(edited\): driverlog <command>/);
  });

  it("names a bug's TypeScript source in its trace, and its cause's", () => {
    const main = join(root, 'backend/cli/main.ts');
    const text = readFileSync(main, 'utf8');
    const marker = "  if (name === '--version') {";
    expect(text).toContain(marker);
    ageBundle();
    writeFileSync(
      main,
      text.replace(
        marker,
        `  if (name === '--crash') throw new TypeError('bug', { cause: new RangeError('below') });\n${marker}`,
      ),
    );
    const line = text.slice(0, text.indexOf(marker)).split('\n').length;
    const result = run('--crash');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TypeError: bug');
    expect(result.stderr).toContain(`${main}:${line}:`);
    expect(result.stderr).toMatch(/RangeError: below\n\s+at .*backend\/cli\/main\.ts:\d+:\d+/);
    expect(result.stderr).not.toMatch(/at \S*\.driverlog-cli\/main\.cjs/);
  });

  it("keeps V8's code cache for each command: made by its first run, used by the next, remade when refused", () => {
    const registry = join(root, 'tiny.json');
    writeFileSync(registry, '{ "projects": [], "releases": [], "drivers": [] }\n');
    const cache = join(root, 'node_modules/.driverlog-cli/main.validate.cache');
    rmSync(cache, { force: true });
    expect(run('validate', registry).status).toBe(0);
    const made = readFileSync(cache);
    expect(made.length).toBeGreaterThan(10_000);
    const madeAt = statSync(cache).mtimeMs;
    expect(run('validate', registry).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(madeAt);
    // Another command has its own; a word that is no command's name gets none.
    expect(existsSync(join(root, 'node_modules/.driverlog-cli/main.format.cache'))).toBe(false);
    expect(run('../../escape').status).toBe(2);
    expect(
      readdirSync(join(root, 'node_modules/.driverlog-cli')).filter((name) => name.includes('escape')),
    ).toEqual([]);
    // What another Node.js made, or a torn file: V8 refuses it, the run goes on, and the cache is remade.
    writeFileSync(cache, 'not a code cache');
    expect(run('validate', registry)).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
  });

  it('does not rebuild for a file no module imports', () => {
    const before = builtAt();
    const stray = join(root, 'backend/stray-notes.ts');
    writeFileSync(stray, 'export const nobody = 1;\n');
    const later = new Date(before + 60_000);
    utimesSync(stray, later, later);
    expect(run('--version').status).toBe(0);
    expect(builtAt()).toBe(before);
  });

  it('rebuilds when a file it was built from is gone, and says what is missing', () => {
    rmSync(join(root, 'backend/common/escape.ts'));
    const result = run('--version');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/escape\.ts/);
  });
});
