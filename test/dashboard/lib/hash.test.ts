import { describe, expect, it } from 'vitest';
import { digest } from '../../../dashboard/src/lib/hash.ts';

describe('digest', () => {
  it('is the same for the same text on every run, and differs for texts that differ in one character', () => {
    expect(digest('openstack/cinder:Acme:Acme iSCSI')).toBe(digest('openstack/cinder:Acme:Acme iSCSI'));
    expect(digest('openstack/cinder:Acme:Acme iSCSI')).not.toBe(digest('openstack/cinder:Acme:Acme iSCSJ'));
    expect(digest('x')).toMatch(/^[0-9a-f]{8}$/);
    expect(digest('x', 32)).toMatch(/^[0-9a-f]{32}$/);
    expect(digest('x', 32).slice(0, 8)).toBe(digest('x'));
  });
});
