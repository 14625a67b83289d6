import { describe, expect, it } from 'vitest';
import { IniSyntax, optionsOf, parseIni } from '../../backend/sync/configparser.ts';
import { getValue } from '../../backend/sync/interpolation.ts';

const read = (text: string, option: string, max?: number) => {
  const file = parseIni(text);
  return getValue(optionsOf(file, file.sections[0]!), option, max);
};
const refusal = (text: string, option: string, max?: number): IniSyntax => {
  try {
    read(text, option, max);
  } catch (error) {
    if (error instanceof IniSyntax) return error;
    throw error;
  }
  throw new Error('expected an IniSyntax');
};

/** Nine levels of options, each naming the next `breadth` times: breadth^9 copies of the last one. */
function bomb(breadth: number): string {
  const lines = ['[driver.x]', 'title = %(a0)s'];
  for (let level = 0; level < 9; level++) lines.push(`a${level} = ${`%(a${level + 1})s`.repeat(breadth)}`);
  lines.push(`a9 = ${'x'.repeat(24)}`);
  return lines.join('\n');
}

describe('%(…)s interpolation, as configparser expands it', () => {
  it('follows references through the section and [DEFAULT], nine levels below the value', () => {
    const chain = ['[DEFAULT]', 'base = deep', '[s]', 'v0 = %(v1)s!'];
    for (let level = 1; level < 9; level++) chain.push(`v${level} = %(v${level + 1})s`);
    chain.push('v9 = %(base)s %%');
    expect(read(chain.join('\n'), 'v0')).toBe('deep %!');
  });

  it('refuses references nested deeper than configparser allows (10), and loops, at the line read', () => {
    const chain = ['[s]', 'v0 = %(v1)s'];
    for (let level = 1; level < 10; level++) chain.push(`v${level} = %(v${level + 1})s`);
    chain.push('v10 = %%');
    const deep = refusal(chain.join('\n'), 'v0');
    expect([deep.line, deep.message]).toEqual([
      2,
      "%(…)s references nest deeper than 10 (configparser's limit)",
    ]);
    // One level less is within the limit, as in Python.
    expect(read(chain.join('\n'), 'v1')).toBe('%');
    expect(refusal('[s]\na = %(b)s\nb = %(a)s\n', 'a').message).toMatch(/nest deeper than 10/);
  });

  it("stops a reference bomb at the field's cap, at the line read, instead of building gigabytes", () => {
    // 8^9 × 24 characters: 3 GB, beyond any string; 592 bytes of INI took 64 s and 2.2 GB, then crashed.
    const text = bomb(8);
    expect(text.length).toBeLessThan(600);
    const error = refusal(text, 'title', 300);
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'its %(…)s references expand to more than 300 characters, more than the registry keeps',
    );
    // Every option is expanded once: a wide bomb within the depth limit is quick to refuse as well.
    expect(refusal(bomb(200), 'title', 20_000).line).toBe(2);
  });

  it('expands a shared reference once, however often it is named', () => {
    const wide = ['[s]', `top = ${'%(leaf)s'.repeat(1000)}`, 'leaf = ab'].join('\n');
    expect(read(wide, 'top', 2000)).toBe('ab'.repeat(1000));
  });
});
