import { describe, expect, it } from 'vitest';
import { IniSyntax, optionsOf, parseIni } from '../../backend/sync/configparser.ts';
import { getValue } from '../../backend/sync/interpolation.ts';

const value = (text: string, section: string, option: string) => {
  const file = parseIni(text);
  const found = file.sections.find((s) => s.name === section)!;
  return getValue(optionsOf(file, found), option);
};

const syntaxError = (text: string): IniSyntax => {
  try {
    parseIni(text);
  } catch (error) {
    if (error instanceof IniSyntax) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
};

describe('parseIni, as Python configparser reads', () => {
  it('separates key and value by = or :, whichever comes first, trimming both', () => {
    const text = '[s]\na = 1\nb: 2\nc=x:y\nd : e = f\nempty =\n';
    expect(['a', 'b', 'c', 'd', 'empty'].map((o) => value(text, 's', o))).toEqual([
      '1',
      '2',
      'x:y',
      'e = f',
      '',
    ]);
  });

  it('lower-cases option names and keeps section names as written', () => {
    const file = parseIni('[Driver.Acme]\nTitle = Acme\n');
    expect(file.sections[0]!.name).toBe('Driver.Acme');
    expect([...file.sections[0]!.options.keys()]).toEqual(['title']);
  });

  it('joins indented continuation lines with newlines, keeping inner blank lines, dropping trailing ones', () => {
    const text = '[s]\nnotes = first\n  second\n\n    third\n\nnext = 1\n';
    expect(value(text, 's', 'notes')).toBe('first\nsecond\n\nthird');
    expect(value(text, 's', 'next')).toBe('1');
  });

  it('skips comment lines starting with # or ;, also inside a continued value', () => {
    const text = '# top\n[s]\n; a comment\na = 1\n  # not part of the value\n  2\n   ;neither\n';
    expect(value(text, 's', 'a')).toBe('1\n2');
    expect([...parseIni(text).sections[0]!.options.keys()]).toEqual(['a']);
  });

  it('keeps # and ; after a value (no inline comments)', () => {
    expect(value('[s]\na = 1 # 2 ; 3\n', 's', 'a')).toBe('1 # 2 ; 3');
  });

  it('reads %% as % and %(name)s as another option of the section or of [DEFAULT]', () => {
    const text = '[DEFAULT]\nvendor = Acme\n[s]\nrate = 100%%\nproduct = %(vendor)s %(Kind)s\nkind = array\n';
    expect(value(text, 's', 'rate')).toBe('100%');
    expect(value(text, 's', 'product')).toBe('Acme array');
  });

  it('lets every section inherit [DEFAULT], which is not a section itself', () => {
    const file = parseIni('[DEFAULT]\nstatus = optional\n[a]\ntitle = A\n[b]\nstatus = mandatory\n');
    expect(file.sections.map((s) => s.name)).toEqual(['a', 'b']);
    expect(getValue(optionsOf(file, file.sections[0]!), 'status')).toBe('optional');
    expect(getValue(optionsOf(file, file.sections[1]!), 'status')).toBe('mandatory');
  });

  it('accepts CRLF line ends and a section header followed by text', () => {
    expect(value('[s] trailing\r\na = 1\r\n', 's', 'a')).toBe('1');
  });
});

describe('parseIni refuses what configparser refuses, at the line', () => {
  it.each([
    ['a = 1\n[s]\n', 1, /an option before any \[section\]/],
    ['[s]\na = 1\njust words\n', 3, /cannot read "just words"/],
    ['[s]\n= 1\n', 2, /cannot read "= 1"/],
    ['[s]\na = 1\n[t]\n[s]\n', 4, /section \[s\] repeats the one at line 1/],
    ['[s]\nTitle = 1\ntitle = 2\n', 3, /option "title" repeats the one at line 2 in \[s\]/],
  ])('%j: line %i', (text, line, message) => {
    const error = syntaxError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.hint).not.toBe('');
  });

  it('refuses a lone % or an unknown %(name)s when the value is read, at its line', () => {
    const file = parseIni('[s]\nok = 1\nrate = 100%\nref = %(nope)s\n');
    const options = optionsOf(file, file.sections[0]!);
    expect(() => getValue(options, 'rate')).toThrow(/"%" must be followed by "%" or "\(name\)s"/);
    expect(() => getValue(options, 'ref')).toThrow(/%\(nope\)s" names no option/);
    try {
      getValue(options, 'rate');
    } catch (error) {
      expect((error as IniSyntax).line).toBe(3);
      expect((error as IniSyntax).hint).toMatch(/%%/);
    }
  });
});

describe('parseIni on hostile input', () => {
  it('splits a line at its first = or : in linear time, and quotes a refused line short', () => {
    // The option regular expression took 24 s over 160,000 spaces between two words.
    const spaces = ' '.repeat(160_000);
    const error = syntaxError(`[s]\na${spaces}b\n`);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^cannot read "a {79}…" \(160,002 characters\): not a \[section\]/);
    expect(error.message.length).toBeLessThan(200);
    const file = parseIni(`[s]\nname${spaces}= value${spaces}:x\n`);
    expect(value(`[s]\nname${spaces}= v${spaces}:x\n`, 's', 'name')).toBe(`v${spaces}:x`);
    expect([...file.sections[0]!.options.keys()]).toEqual(['name']);
  });

  it('reads a value of a file of 8,000 sections without copying the section map', () => {
    const lines = ['[DEFAULT]'];
    for (let i = 0; i < 3000; i++) lines.push(`default${i} = %(own)s ${i}`);
    for (let i = 0; i < 8000; i++) lines.push(`[s${i}]`, `own = ${i}`);
    const file = parseIni(lines.join('\n'));
    let total = 0;
    for (const section of file.sections) {
      const options = optionsOf(file, section);
      for (let i = 0; i < 3000; i += 1000) total += getValue(options, `default${i}`)!.length;
    }
    expect(total).toBeGreaterThan(8000 * 3 * 3);
    const last = file.sections.at(-1)!;
    expect(getValue(optionsOf(file, last), 'default2999')).toBe('7999 2999');
    expect([...optionsOf(file, last)].map(([name]) => name).slice(0, 2)).toEqual(['own', 'default0']);
  });
});
