import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS } from '../../backend/common/time.ts';
import { validateText } from '../../backend/validate/validate.ts';
import type { Registry } from '../../backend/model/types.ts';
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

describe('hostile input', () => {
  const registryWith = (change: (r: Registry) => void): string => {
    const registry = validRegistry();
    change(registry);
    return textOf(registry);
  };
  const checksOf = (text: string) => validateText(text, 'data.json').map((p) => [p.check, p.pointer]);

  // Sizes, not durations: each of these once took seconds to minutes; now only the cap is reported.
  it('validates a 1 MB description, reporting only its length', () => {
    const text = registryWith((r) => (r.drivers[0]!.description = 'A'.repeat(1_000_000)));
    expect(checksOf(text)).toEqual([['schema', '/drivers/0/description']]);
  });

  it('reports a 100 KB literal pattern by its length, without compiling it', () => {
    const text = registryWith((r) => (r.drivers[0]!.ci!.success_pattern = 'a'.repeat(100_000)));
    expect(checksOf(text)).toEqual([['schema', '/drivers/0/ci/success_pattern']]);
  });

  it('ends on the patterns that once hung validate', () => {
    const text = registryWith((r) => {
      r.drivers[0]!.ci!.success_pattern = 'acme-job [[:a] (ok)+ SUCCESS';
      r.drivers[0]!.ci!.failure_pattern = '[[:a][\\]]{0,3}()*';
    });
    expect(checksOf(text)).toEqual([
      ['broad-pattern', '/drivers/0/ci/failure_pattern'],
      ['swapped-patterns', '/drivers/0/ci/failure_pattern'],
    ]);
  });
});

describe('the time of the run', () => {
  const at = (timestamp: string): string => {
    const registry = validRegistry();
    registry.drivers[0]!.verification!.Rocky!.timestamp = timestamp;
    return textOf(registry);
  };
  const now = Date.UTC(2024, 4, 9, 12, 0, 0);
  const future = (timestamp: string) =>
    validateText(at(timestamp), 'data.json', { now }).filter((p) => p.check === 'future-timestamp');

  it('allows evidence up to ten minutes ahead, for clock skew', () => {
    expect(CLOCK_SKEW_MS).toBe(10 * 60 * 1000);
    expect(future('2024-05-09T12:10:00Z')).toEqual([]);
  });

  it('refuses evidence dated later than that', () => {
    expect(future('2024-05-09T12:10:01Z')).toEqual([
      expect.objectContaining({
        pointer: '/drivers/0/verification/Rocky/timestamp',
        message: 'timestamp "2024-05-09T12:10:01Z" is later than now (2024-05-09T12:00:00Z)',
      }),
    ]);
  });
});
