import { describe, expect, it } from 'vitest';
import { quotedLine } from '../../backend/update/quoted-line.ts';
import { validateText } from '../../backend/validate/validate.ts';
import { COMMENT_MAX_LENGTH } from '../../backend/model/field-limits.ts';
import { textOf, validRegistry } from '../helpers/registry-fixture.ts';

// The job validates what it writes: a quoted CI line must never make its own output invalid.
const validates = (comment: string) => {
  const registry = validRegistry();
  registry.drivers[0]!.verification!.Rocky!.comment = comment;
  return validateText(textOf(registry), 'data.json').filter((p) => p.severity === 'error');
};

describe('quotedLine', () => {
  it('removes every e-mail address a CI line carries, which validation would refuse to publish', () => {
    const line =
      '- acme-tempest https://ci.acme.example/1 : SUCCESS (ops: ci-admin@acme.example, cc a.b@c.example.org)';
    expect(validates(line).map((p) => p.check)).toEqual(['published-email']);
    const quoted = quotedLine(line);
    expect(quoted).toBe(
      '- acme-tempest https://ci.acme.example/1 : SUCCESS (ops: [address removed], cc [address removed])',
    );
    expect(validates(quoted)).toEqual([]);
  });

  it('cuts a line longer than the schema allows, and keeps a short one as it is', () => {
    const long = `- acme-tempest : SUCCESS ${'x'.repeat(5000)}`;
    expect(validates(long).map((p) => p.check)).toEqual(['schema']);
    const quoted = quotedLine(long);
    expect(quoted).toHaveLength(COMMENT_MAX_LENGTH);
    expect(quoted.endsWith('…')).toBe(true);
    expect(validates(quoted)).toEqual([]);
    expect(quotedLine('- acme-tempest : SUCCESS')).toBe('- acme-tempest : SUCCESS');
  });
});
