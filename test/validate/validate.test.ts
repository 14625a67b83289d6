import { describe, expect, it } from 'vitest';
import { validateText } from '../../backend/validate/validate.ts';
import { textOf, validRegistry } from '../helpers/registry-fixture.ts';

describe('validateText', () => {
  it('reports only the syntax error when the text is not JSON', () => {
    const text = textOf(validRegistry());
    const truncated = text.slice(0, text.indexOf('"releases"'));
    const lines = truncated.split('\n');
    expect(validateText(truncated, 'data.json')).toEqual([
      {
        file: 'data.json',
        line: lines.length,
        column: lines.at(-1)!.length + 1,
        check: 'json-syntax',
        severity: 'error',
        pointer: '',
        message: 'unexpected end of input: expected a property name',
        hint: 'the file looks truncated',
      },
    ]);
  });

  it('reports a duplicate key at its second occurrence, naming the first', () => {
    const text = textOf(validRegistry()).replace(
      '"vendor": "Acme",',
      '"vendor": "Acme",\n      "vendor": "Acme Corp",',
    );
    const problems = validateText(text, 'data.json').filter((p) => p.check === 'duplicate-key');
    const line = text.split('\n').findIndex((l) => l.includes('Acme Corp')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        line,
        column: 7,
        pointer: '/drivers/0/vendor',
        severity: 'error',
        message: `duplicate key "vendor" (first at line ${line - 1}, column 7); only this last value would be kept`,
      }),
    ]);
  });

  it('places a missing property at its parent, and sorts all problems by position', () => {
    const registry = validRegistry();
    delete (registry.drivers[1] as { name?: string }).name;
    registry.drivers[0]!.project_id = 'openstack/unknown';
    const text = textOf(registry);
    const problems = validateText(text, 'data.json');
    expect(problems.map((p) => [p.check, p.pointer])).toEqual([
      ['unknown-project', '/drivers/0/project_id'],
      ['schema', '/drivers/1'],
      ['order', '/drivers/1'],
    ]);
    // The driver's "{" is the line before its project_id (findIndex is 0-based, lines 1-based).
    const driverLine = text.split('\n').findIndex((l) => l.includes('"project_id": "openstack/nova"'));
    expect(problems[1]).toMatchObject({
      line: driverLine,
      column: 5,
      message: 'missing required property "name"',
    });
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b));
  });
});
