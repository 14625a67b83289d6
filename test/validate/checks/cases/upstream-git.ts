import { edit, type FailingCase } from '../failing-case.ts';

const withGit = (git: string) =>
  edit(
    (r) =>
      (r.projects[0]!.upstream = {
        git,
        support_matrix: 'doc/source/reference/support-matrix.ini',
      }),
  );

export const failingCases: FailingCase[] = [
  {
    // A bare repository committed in the pull request itself: its hooks and config ran during sync.
    check: 'upstream-git',
    registry: () => withGit('ci/evil.git'),
    pointer: '/projects/0/upstream/git',
    message:
      /^upstream\.git "ci\/evil\.git" is not a URL: sync reads only https:\/\/ repositories named here$/,
    hint: /--git PATH/,
  },
  {
    check: 'upstream-git',
    registry: () => withGit('-oProxyCommand=touch /tmp/pwned'),
    pointer: '/projects/0/upstream/git',
    message: /holds spaces or control characters/,
  },
  {
    check: 'upstream-git',
    registry: () => withGit('ext::sh -c touch% /tmp/pwned'),
    pointer: '/projects/0/upstream/git',
    message: /holds spaces/,
  },
  {
    check: 'upstream-git',
    registry: () => withGit('file:///srv/git/cinder'),
    pointer: '/projects/0/upstream/git',
    message: /uses "file:", not https:/,
  },
  {
    check: 'upstream-git',
    registry: () => withGit('git@github.com:openstack/cinder.git'),
    pointer: '/projects/0/upstream/git',
    message: /uses "git@github.com:", not https:|is not a URL/,
  },
  {
    check: 'upstream-git',
    registry: () => withGit('https://user:secret@opendev.org/openstack/cinder'),
    pointer: '/projects/0/upstream/git',
    message: /holds credentials/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['an https URL', () => withGit('https://opendev.org/openstack/cinder')],
];
