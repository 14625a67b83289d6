import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../backend/common/errors.ts';
import {
  InvalidRegistryError,
  openRegistry,
  requireValidRegistry,
} from '../../backend/registry/open-registry.ts';
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
