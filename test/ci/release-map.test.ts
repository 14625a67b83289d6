import { describe, expect, it } from 'vitest';
import { createReleaseMapper } from '../../backend/ci/release-map.ts';
import { RELEASES } from '../helpers/update-fixtures.ts';

const map = createReleaseMapper([...RELEASES, { id: 'Rocky', wiki: 'w', start: '2018-Aug-30' }]);
const at = (iso: string) => Date.parse(iso);

describe('createReleaseMapper', () => {
  it('maps stable and unmaintained branches by the release branch, default stable/<id lower case>', () => {
    expect(map('stable/2024.1', at('2030-01-01T00:00:00Z'))).toBe('Caracal');
    expect(map('unmaintained/2023.2', at('2030-01-01T00:00:00Z'))).toBe('Bobcat');
    expect(map('stable/rocky', 0)).toBe('Rocky');
    expect(map('unmaintained/rocky', 0)).toBe('Rocky');
    expect(map('stable/2026.1', 0)).toBeUndefined();
    expect(map('feature/x', 0)).toBeUndefined();
  });

  it('maps master to the release in development: the earliest date strictly after the instant', () => {
    expect(map('master', at('2024-06-01T00:00:00Z'))).toBe('Dalmatian');
    expect(map('master', at('2024-10-01T23:59:59Z'))).toBe('Dalmatian');
    expect(map('master', at('2024-10-02T00:00:00Z'))).toBe('Epoxy');
    expect(map('master', at('2024-10-02T15:00:00Z'))).toBe('Epoxy');
    expect(map('master', at('2025-05-01T00:00:00Z'))).toBeUndefined();
  });
});
