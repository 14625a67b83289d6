import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../backend/common/errors.ts';
import {
  InvalidRegistryError,
  openRegistry,
  requireValidRegistry,
} from '../../backend/store/open-registry.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry, Run } from '../../backend/model/types.ts';
import { validateText } from '../../backend/validate/validate.ts';
import { textOf, validRegistry } from '../helpers/registry-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'driverlog-open-'));
function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

/** Line and column (1-based) of a character offset, counted here independently of the parser. */
function where(text: string, offset: number): { line: number; column: number } {
  return {
    line: text.slice(0, offset).split('\n').length,
    column: offset - text.lastIndexOf('\n', offset - 1),
  };
}

describe('openRegistry', () => {
  it('gives text, value, positions and the problems validate reports, from one read', () => {
    const text = textOf(validRegistry());
    const opened = openRegistry(file('ok.json', text), { cwd: dir });
    expect(opened.text).toBe(text);
    expect(opened.path).toBe(join(dir, 'ok.json'));
    expect(opened.value).toEqual(validRegistry());
    expect(opened.problems).toEqual(validateText(text, 'ok.json'));
    const vendor = text.indexOf('"vendor": "Acme",\n      "name": "Acme hypervisor"');
    expect(opened.source.ok && opened.source.locate('/drivers/1/vendor')).toEqual(where(text, vendor));
    expect(requireValidRegistry(opened)).toEqual(validRegistry());
  });

  it('reads a file with a byte order mark like one without, columns unshifted', () => {
    const text = textOf(validRegistry());
    const opened = openRegistry(file('bom.json', `\uFEFF${text}`), { cwd: dir });
    expect(opened.value).toEqual(validRegistry());
    expect(opened.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const broken = openRegistry(file('bom-bad.json', '\uFEFF{"projects": [}'), { cwd: dir });
    expect(broken.problems[0]).toMatchObject({ check: 'json-syntax', line: 1, column: 15 });
  });

  it('reports bytes that are not UTF-8 at their line and column, and gives no value', () => {
    const text = textOf(validRegistry()).replace('Acme hypervisor', 'Acme hyp\u0000rvisor');
    const at = where(text, text.indexOf('\u0000'));
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9; // Latin-1 é: what a non-UTF-8 editor saves
    const opened = openRegistry(file('latin1.json', bytes), { cwd: dir });
    expect(opened.value).toBeUndefined();
    expect(opened.problems).toHaveLength(1);
    expect(opened.problems[0]).toMatchObject({
      file: 'latin1.json',
      check: 'json-syntax',
      severity: 'error',
      ...at,
      message: 'byte 0xE9 is not UTF-8: the file must be UTF-8 encoded',
    });
    expect(() => requireValidRegistry(opened)).toThrow(InvalidRegistryError);
    expect(() => requireValidRegistry(opened)).toThrow(
      `latin1.json:${at.line}:${at.column}  error  json-syntax`,
    );
  });

  it.each([
    ['a truncated sequence', Buffer.from([0x22, 0xe2, 0x82, 0x22]), 2],
    ['an overlong encoding', Buffer.from([0x22, 0xc0, 0xaf, 0x22]), 2],
    ['an encoded surrogate', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), 2],
    ['a code point past U+10FFFF', Buffer.from([0x22, 0xf4, 0x90, 0x80, 0x80, 0x22]), 2],
    ['a stray continuation byte after é', Buffer.from([0x22, 0xc3, 0xa9, 0x80, 0x22]), 3],
  ])('finds %s', (_name, bytes, column) => {
    const opened = openRegistry(file('bad.json', bytes), { cwd: dir });
    expect(opened.problems[0]).toMatchObject({ check: 'json-syntax', line: 1, column });
  });

  it('says which file cannot be read, as an I/O error', () => {
    expect(() => openRegistry('absent.json', { cwd: dir })).toThrow(FileError);
    expect(() => openRegistry('absent.json', { cwd: dir })).toThrow(
      `cannot read ${join(dir, 'absent.json')}: no such file`,
    );
    expect(() => openRegistry('.', { cwd: dir })).toThrow(/is a directory, not a file/);
  });
});

/** `count` runs of the Rocky record, newest first, from `newest` a day apart. */
function runs(count: number, newest = '2018-09-01T10:00:00Z'): Run[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: new Date(Date.parse(newest) - i * 86_400_000).toISOString().replace('.000Z', 'Z'),
    change_number: 600001 - i,
    patch_set: 1,
    ci_result: true,
  }));
}

function withRuns(recent: Run[]): Registry {
  const value = validRegistry();
  value.drivers[0]!.verification!.Rocky!.recent = recent;
  return value;
}

let folders = 0;
/** A fresh folder with default_data.json (without runs) and default_data.runs.json holding `runsText`. */
function withRunsFile(runsText: string | Buffer, registry: Registry = validRegistry()): string {
  const folder = join(dir, `runs-${++folders}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'default_data.json'), formatFiles(registry).text);
  writeFileSync(join(folder, 'default_data.runs.json'), runsText);
  return folder;
}

describe('openRegistry with a runs file', () => {
  it('joins the runs into their records, and keeps the runs file as read', () => {
    const { runsText } = formatFiles(withRuns(runs(2)));
    const folder = withRunsFile(runsText);
    const opened = openRegistry('default_data.json', { cwd: folder });
    expect(opened.problems).toEqual([]);
    expect(opened.value).toEqual(withRuns(runs(2)));
    expect(opened.runs).toMatchObject({
      file: 'default_data.runs.json',
      path: join(folder, 'default_data.runs.json'),
      text: runsText,
      source: { ok: true, value: JSON.parse(runsText) },
    });
    expect(requireValidRegistry(opened)).toEqual(withRuns(runs(2)));
  });

  it('reads a registry without a runs file as one without runs', () => {
    const folder = join(dir, `runs-${++folders}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'default_data.json'), formatFiles(validRegistry()).text);
    const opened = openRegistry('default_data.json', { cwd: folder });
    expect(opened.runs).toBeUndefined();
    expect(opened.value).toEqual(validRegistry());
  });

  it.each([
    [
      'a syntax error',
      (text: string) => text.replace(/("ci_result": true \})\n/, '$1,\n'),
      (text: string) => text.indexOf(']', text.indexOf('"ci_result": true },\n')),
      'json-syntax',
      false,
    ],
    [
      'more than 10 runs for a record',
      (text: string) => text,
      (text: string) => text.indexOf('"Rocky"'),
      'runs-schema',
      false,
    ],
    [
      'a run dated in the future',
      (text: string) => text.replace('"2018-08-31T10:00:00Z"', '"2999-08-31T10:00:00Z"'),
      (text: string) => text.lastIndexOf('"timestamp"', text.indexOf('"2999-08-31T10:00:00Z"')),
      'future-timestamp',
      true,
    ],
  ])(
    'reports %s in the runs file at its line and column, and refuses the data',
    (_what, edit, at, check, joined) => {
      const text = edit(formatFiles(withRuns(runs(check === 'runs-schema' ? 11 : 2))).runsText);
      const folder = withRunsFile(text);
      const opened = openRegistry('default_data.json', { cwd: folder });
      const position = where(text, at(text));
      expect(opened.problems).toHaveLength(1);
      expect(opened.problems[0]).toMatchObject({
        file: 'default_data.runs.json',
        check,
        severity: 'error',
        ...position,
      });
      // Runs that break the file's shape are never joined; well-shaped ones are, and the error refuses them.
      expect(opened.value).toEqual(
        joined ? withRuns(JSON.parse(text).drivers[0].recent.Rocky) : validRegistry(),
      );
      expect(() => requireValidRegistry(opened)).toThrow(InvalidRegistryError);
      expect(() => requireValidRegistry(opened)).toThrow(
        `default_data.runs.json:${position.line}:${position.column}  error  ${check}`,
      );
    },
  );

  it('reports bytes that are not UTF-8 in the runs file at their line and column', () => {
    const text = formatFiles(withRuns(runs(2))).runsText.replace(
      '"Acme iSCSI driver"',
      '"Acme iSCSI dr\u0000ver"',
    );
    const at = where(text, text.indexOf('\u0000'));
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    const opened = openRegistry('default_data.json', { cwd: withRunsFile(bytes) });
    expect(opened.problems).toEqual([
      expect.objectContaining({
        file: 'default_data.runs.json',
        check: 'json-syntax',
        ...at,
        message: 'byte 0xE9 is not UTF-8: the file must be UTF-8 encoded',
      }),
    ]);
    expect(() => requireValidRegistry(opened)).toThrow(`default_data.runs.json:${at.line}:${at.column}`);
  });

  it('warns of runs that belong to no record, where they are, and still gives the data', () => {
    const text = formatFiles(withRuns(runs(2))).runsText.replace(
      '"Acme iSCSI driver"',
      '"Acme iSCSI (old name)"',
    );
    const opened = openRegistry('default_data.json', { cwd: withRunsFile(text) });
    expect(opened.problems).toEqual([
      expect.objectContaining({
        file: 'default_data.runs.json',
        check: 'runs-without-record',
        severity: 'warning',
        pointer: '/drivers/0/recent/Rocky',
        ...where(text, text.indexOf('"Rocky"')),
      }),
    ]);
    expect(requireValidRegistry(opened)).toEqual(validRegistry());
  });

  it('reads the runs file beside the target of a symlinked registry, named by its path', () => {
    const folder = withRunsFile(formatFiles(withRuns(runs(2))).runsText);
    const links = join(dir, `links-${++folders}`);
    mkdirSync(links);
    symlinkSync(join(folder, 'default_data.json'), join(links, 'default_data.json'));
    // A runs file beside the link is not the registry's.
    writeFileSync(join(links, 'default_data.runs.json'), '{ "not": "read" }');
    const opened = openRegistry('default_data.json', { cwd: links });
    expect(opened.problems).toEqual([]);
    expect(opened.runs?.file).toBe(join(folder, 'default_data.runs.json'));
    expect(opened.value).toEqual(withRuns(runs(2)));
  });

  it('says a runs file that cannot be read cannot be read', () => {
    const folder = join(dir, `runs-${++folders}`);
    mkdirSync(join(folder, 'default_data.runs.json'), { recursive: true });
    writeFileSync(join(folder, 'default_data.json'), formatFiles(validRegistry()).text);
    expect(() => openRegistry('default_data.json', { cwd: folder })).toThrow(FileError);
    expect(() => openRegistry('default_data.json', { cwd: folder })).toThrow(
      `cannot read ${join(folder, 'default_data.runs.json')}: is a directory, not a file`,
    );
  });
});
