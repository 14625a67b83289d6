import type { Registry, Run } from '../../backend/model/types.ts';

/** A small registry that passes every check; tests change one thing and expect one problem. */
export function validRegistry(): Registry {
  return {
    projects: [
      { id: 'openstack/cinder', name: 'Cinder (Block Storage)' },
      { id: 'openstack/nova', name: 'Nova (Compute)' },
    ],
    releases: [
      { id: 'Queens', wiki: 'https://releases.openstack.org/queens/', start: '2018-Feb-28' },
      { id: 'Rocky', wiki: 'https://releases.openstack.org/rocky/', start: '2018-08-30', active: true },
    ],
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI driver',
        description: 'Block storage on Acme arrays.',
        maintainers: [{ name: 'Jane Doe', email: 'jane.doe@acme.example.com', irc: 'jdoe' }],
        wiki: 'https://wiki.example.org/Acme',
        releases: ['Queens', 'Rocky'],
        ci: {
          id: 'acme-ci',
          success_pattern: 'acme-iscsi-tempest \\S+ : SUCCESS',
          failure_pattern: 'acme-iscsi-tempest \\S+ : FAILURE',
        },
        verification: {
          Rocky: {
            ci_result: true,
            review_url: 'https://review.example.org/c/openstack/cinder/+/600001',
            change_number: 600001,
            patch_set: 2,
            branch: 'stable/rocky',
            ci_id: 'acme-ci',
            comment: '- acme-iscsi-tempest https://ci.acme.example.com/1 : SUCCESS in 1h 00m 00s',
            timestamp: '2018-09-01T10:00:00Z',
          },
        },
      },
      { project_id: 'openstack/nova', vendor: 'Acme', name: 'Acme hypervisor', releases: ['Rocky'] },
    ],
  };
}

/** The registry as a file's text, in canonical layout. */
export function textOf(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** One run of the valid registry's driver on Rocky, with `change` applied. */
export const aRun = (change: Partial<Run> = {}): Run => ({
  timestamp: '2018-09-01T10:00:00Z',
  change_number: 600001,
  patch_set: 2,
  ci_result: true,
  ...change,
});
