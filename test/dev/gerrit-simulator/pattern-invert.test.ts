import { describe, expect, it } from 'vitest';
import { compilePattern, searchLine } from '../../../backend/ci/pattern.ts';
import { invertPattern, URL_SLOT } from '../../../dev/gerrit-simulator/pattern-invert.ts';

describe('invertPattern', () => {
  it.each([
    'cinder-iscsi-full-tempest \\S+ : SUCCESS',
    'cinder-smb3-windows-full-tempest \\S+ :FAILURE',
    '3par-fc-driver-master-client.* \\S+ : SUCCESS',
    'gate-sahara.*-hdp.* \\S+ : FAILURE',
    'fuel-plugin.emc.build \\S+ : SUCCESS',
    'Build Successful',
    'Build succeeded',
    'Brocade ML2: FAIL',
    'job\\s+\\d+ \\w+ x?',
  ])('builds a line that %s matches', (pattern) => {
    const line = invertPattern(pattern)!.replaceAll(URL_SLOT, 'https://ci.example.org/1');
    const compiled = compilePattern(pattern);
    expect(compiled.ok && searchLine(compiled.regex, line)).toBe(true);
  });

  it.each(['(SUCCESS|PASSED)', '^Build', 'Result: [A-Z]+', 'x{2}', 'a\\bb'])('gives up on %s', (pattern) => {
    expect(invertPattern(pattern)).toBeUndefined();
  });
});
