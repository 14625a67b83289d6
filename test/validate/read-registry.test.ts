import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry } from '../../backend/model/types.ts';
import { readRegistry } from '../../backend/validate/read-registry.ts';
import { validateText } from '../../backend/validate/validate.ts';
import { aRun, textOf, validRegistry } from '../helpers/registry-fixture.ts';

function withRuns(): Registry {
  const value = validRegistry();
  value.drivers[0]!.verification!.Rocky!.recent = [aRun(), aRun({ change_number: 600000, ci_result: false })];
  return value;
}

describe('readRegistry', () => {
  it('joins the runs file into the records and reports what validate reports', () => {
    const { text, runsText } = formatFiles(withRuns());
    const read = readRegistry({ text, runsText, file: 'data.json' });
    expect(read.registry).toEqual(withRuns());
    expect(read.stored).toEqual(JSON.parse(text));
    expect(read.problems).toEqual([]);
    expect(read.runs).toMatchObject({ file: 'data.runs.json', text: runsText, source: { ok: true } });
  });

  it('reads a registry without a runs file as one without runs', () => {
    const read = readRegistry({ text: textOf(validRegistry()) });
    expect(read.registry).toEqual(validRegistry());
    expect(read.runs).toBeUndefined();
  });

  it('gives no registry when the schema refuses it, but the value as parsed and the problem where it is', () => {
    const broken = validRegistry() as unknown as { drivers: Array<Record<string, unknown>> };
    broken.drivers[1]!.releases = 'Rocky';
    const text = textOf(broken);
    const read = readRegistry({ text, file: 'data.json' });
    expect(read.registry).toBeUndefined();
    expect(read.stored).toEqual(broken);
    expect(read.problems).toEqual(validateText(text, 'data.json'));
    expect(read.problems).toContainEqual(
      expect.objectContaining({ file: 'data.json', check: 'schema', pointer: '/drivers/1/releases' }),
    );
  });

  it('gives no registry when the runs file breaks its schema, and names the runs file', () => {
    const { text } = formatFiles(validRegistry());
    const read = readRegistry({
      text,
      runsText: '{ "drivers": {} }\n',
      file: 'data.json',
      runsFile: 'r.json',
    });
    expect(read.registry).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({ file: 'r.json', check: 'runs-schema', line: 1, severity: 'error' }),
    ]);
  });

  it('reports bytes that are not UTF-8 at their line and column', () => {
    const bytes = Buffer.from('{\n  "projects": "\u0000"\n}\n', 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    const read = readRegistry({ text: bytes, file: 'data.json' });
    expect(read.registry).toBeUndefined();
    expect(read.stored).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({
        check: 'json-syntax',
        line: 2,
        column: 16,
        message: expect.stringMatching(/0xE9/),
      }),
    ]);
  });
});
