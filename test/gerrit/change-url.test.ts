import { describe, expect, it } from 'vitest';
import { changeUrl, commentSearchUrl } from '../../backend/gerrit/change-url.ts';

describe("Gerrit's web addresses", () => {
  it('opens a change', () => {
    expect(changeUrl('https://review.opendev.org/', 'openstack/cinder', 912345)).toBe(
      'https://review.opendev.org/c/openstack/cinder/+/912345',
    );
  });

  it("searches a CI's comments on a project, keeping the project's slash readable", () => {
    expect(commentSearchUrl('https://review.opendev.org/', 'x/networking-foo', 'foo ci')).toBe(
      'https://review.opendev.org/q/project:x/networking-foo+commentby:foo%20ci',
    );
  });
});
