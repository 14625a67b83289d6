import { describe, expect, it } from 'vitest';
import { digest } from '../../../dashboard/src/lib/hash.ts';

describe('digest', () => {
  it('is 32-bit FNV-1a for its first 8 digits: the published test vectors, the same on every run', () => {
    // From the FNV reference (Fowler, Noll, Vo): FNV-1a 32-bit of "", "a" and "foobar".
    expect(digest('')).toBe('811c9dc5');
    expect(digest('a')).toBe('e40c292c');
    expect(digest('foobar')).toBe('bf9cf968');
  });

  it('differs for texts that differ in one character, and longer digests extend shorter ones', () => {
    expect(digest('openstack/cinder:Acme:Acme iSCSI')).not.toBe(digest('openstack/cinder:Acme:Acme iSCSJ'));
    expect(digest('x', 32)).toMatch(/^[0-9a-f]{32}$/);
    expect(digest('x', 32).slice(0, 8)).toBe(digest('x'));
    expect(digest('x', 32).slice(8, 16)).not.toBe(digest('x'));
  });
});
