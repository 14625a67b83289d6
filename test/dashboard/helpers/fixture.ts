// A registry with every CI status, a numeric-ordering trap, a slug collision and a hostile entry; a release in
// development after two maintained ones, a company with former names, a retired project, a removed driver and a
// project never scanned against Gerrit. Times are relative to `now`, so "3 days ago" stays true whenever the tests
// run, and the release in development stays in development.
import type { Registry, VerificationRecord } from '../../../backend/model/types.ts';

const DAY = 86_400_000;

function record(
  now: number,
  daysAgo: number,
  ok: boolean,
  change: number,
  extra: Partial<VerificationRecord> = {},
) {
  return {
    ci_result: ok,
    review_url: `https://review.example.org/c/${change}`,
    change_number: change,
    patch_set: 1,
    branch: 'stable/rocky',
    ci_id: 'x',
    comment: ok ? 'Build succeeded: job SUCCESS' : 'Build failed: job FAILURE',
    timestamp: new Date(now - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
    ...extra,
  } satisfies VerificationRecord;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** Runs newest first, one a day from `fromDay` days ago: "PPF" is a pass, a pass, then a failure. */
function runs(now: number, fromDay: number, results: string, firstChange: number) {
  return [...results].map((r, i) => ({
    timestamp: iso(now - (fromDay + i) * DAY),
    change_number: firstChange - i,
    patch_set: 2,
    ci_result: r === 'P',
  }));
}

/** A driver name longer than a slug may be (and as long as the schema allows): its pages must still build. */
export const LONG_NAME = `Very long ${'storage array driver name '.repeat(4)}`.trim();

/** The release in development: dated four months after `now`. */
export const DEVELOPMENT = 'Train';

export const HOSTILE_EMAIL = 'mallory@evil.example.com';

export function fixtureRegistry(now: number): Registry {
  const ci = (id: string) => ({ id, success_pattern: 'SUCCESS', failure_pattern: 'FAILURE' });
  return {
    projects: [
      {
        id: 'openstack/cinder',
        name: 'Cinder (Block Storage)',
        upstream: {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: 'doc/source/reference/support-matrix.ini',
          support_feature: 'supported',
        },
        features: [
          { id: 'supported', title: 'Supported vendor driver', status: 'optional' },
          { id: 'multiattach', title: 'Multi-attach', status: 'optional' },
          { id: 'qos', title: 'QoS', status: 'optional' },
        ],
      },
      { id: 'openstack/fuel', name: 'Fuel', retired_on: '2017-06-20' },
      { id: 'openstack/manila', name: 'Manila (Shared File Systems)' },
      { id: 'openstack/neutron', name: 'Neutron (Networking)' },
      { id: 'openstack/nova', name: 'Nova (Compute)' },
    ],
    vendors: [
      { id: 'acme', name: 'Acme' },
      { id: 'dell', name: 'Dell', aliases: ['Dell EMC', 'EMC'], url: 'https://www.dell.com/' },
    ],
    releases: [
      { id: 'Newton', wiki: 'https://releases.openstack.org/newton/', start: '2016-10-06' },
      { id: 'Ocata', wiki: 'https://releases.openstack.org/ocata/', start: '2017-02-22' },
      { id: 'Pike', wiki: 'https://releases.openstack.org/pike/', start: '2017-08-30' },
      { id: 'Queens', wiki: 'https://releases.openstack.org/queens/', start: '2018-Feb-28' },
      { id: 'Rocky', wiki: 'https://releases.openstack.org/rocky/', start: '2018-Aug-29', active: true },
      { id: 'Stein', wiki: 'https://releases.openstack.org/stein/', start: '2019-04-10', active: true },
      {
        id: DEVELOPMENT,
        wiki: 'https://releases.openstack.org/train/',
        start: new Date(now + 120 * DAY).toISOString().slice(0, 10),
      },
    ],
    scan_state: {
      gerrit_url: 'https://review.example.org',
      projects: {
        'openstack/cinder': { updated: '2026-01-01 00:00:00.000000000', scanned: iso(now - DAY) },
        'openstack/neutron': { updated: '2026-01-01 00:00:00.000000000', scanned: iso(now - DAY) },
        // Scanned by a job from before scans were dated.
        'openstack/nova': { updated: '2026-01-01 00:00:00.000000000' },
      },
    },
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI',
        description: 'Block storage over iSCSI.',
        wiki: 'https://acme.example.com/iscsi',
        maintainers: [{ name: 'Ann Admin', launchpad_id: 'ann', email: 'ann@acme.example.com' }],
        releases: ['Queens', 'Rocky'],
        ci: ci('acme-ci'),
        upstream_id: 'acme_iscsi',
        upstream: {
          title: 'Acme iSCSI',
          in_tree: ['Queens', 'Rocky', 'Stein'],
          features: {
            supported: [['Queens', 'complete']],
            multiattach: [
              ['Queens', 'missing'],
              ['Rocky', 'complete'],
            ],
            qos: [
              ['Queens', null],
              ['Stein', 'partial'],
            ],
          },
          notes: { multiattach: 'Needs array firmware 2.0.' },
        },
        verification: {
          Rocky: record(now, 3, true, 1001, { recent: runs(now, 3, 'PPFPPPFPPP', 1001) }),
          Queens: record(now, 5, false, 1002, {
            last_success: { review_url: 'https://review.example.org/c/1000', timestamp: iso(now - 20 * DAY) },
          }),
        },
      },
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme FC',
        description: 'Fibre Channel.',
        releases: ['Rocky'],
        ci: ci('acme-ci'),
        upstream_id: 'acme_fc',
        upstream: {
          title: 'Acme FC',
          in_tree: ['Queens', 'Rocky', 'Stein'],
          features: {
            supported: [
              ['Queens', 'complete'],
              ['Stein', 'missing'],
            ],
            multiattach: [['Queens', 'partial']],
            qos: [['Queens', 'unknown']],
          },
        },
        verification: {
          Rocky: record(now, 2, false, 1003, {
            last_success: { review_url: 'https://review.example.org/c/999', timestamp: iso(now - 10 * DAY) },
            recent: [
              { timestamp: iso(now - 2 * DAY), change_number: 1003, patch_set: 1, ci_result: false },
              { timestamp: iso(now - 10 * DAY), change_number: 999, patch_set: 1, ci_result: true },
            ],
          }),
        },
      },
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme-FC',
        description: 'Same slug as Acme FC.',
        releases: ['Stein'],
        upstream_id: 'acme_fc_old',
        upstream: {
          title: 'Acme FC (old)',
          in_tree: ['Queens'],
          features: { supported: [['Queens', 'complete']] },
        },
      },
      {
        project_id: 'openstack/cinder',
        vendor: 'Dell',
        name: 'Dell PowerMax',
        description: 'Fibre Channel and iSCSI for PowerMax arrays.',
        releases: ['Stein'],
        ci: ci('dell-ci'),
        upstream_id: 'dell_powermax',
        upstream: {
          title: 'Dell PowerMax',
          in_tree: ['Queens', 'Rocky', 'Stein'],
          features: { supported: [['Queens', 'complete']] },
        },
        // Evidence on the release in development only.
        verification: { [DEVELOPMENT]: record(now, 2, true, 1008, { branch: 'master' }) },
      },
      {
        project_id: 'openstack/fuel',
        vendor: 'Mirantis',
        name: 'Fuel plugin',
        description: 'A plugin of a retired project.',
        releases: ['Queens'],
      },
      {
        project_id: 'openstack/manila',
        vendor: 'Initech',
        name: 'Initech NAS',
        description: 'Its project was never scanned.',
        releases: ['Stein'],
        ci: ci('initech-ci'),
      },
      {
        project_id: 'openstack/neutron',
        vendor: 'Beta Networks',
        name: 'Beta ML2',
        description: 'An ML2 mechanism driver.',
        maintainers: [{ name: 'Bob Builder', irc: 'bobb' }],
        // Claims reaching back further than a phone shows at first.
        releases: ['Newton', 'Ocata', 'Pike', 'Rocky', 'Stein'],
        ci: ci('beta-ci'),
        verification: { Rocky: record(now, 60, true, 1004) },
      },
      {
        project_id: 'openstack/neutron',
        vendor: 'Vendor 10',
        name: 'Switch 10',
        description: 'Tested by the gamma account.',
        releases: ['Stein'],
        ci: ci('gamma-ci'),
      },
      {
        project_id: 'openstack/neutron',
        vendor: 'Vendor 2',
        name: 'Switch 2',
        description: 'No CI at all.',
        releases: ['Queens'],
      },
      {
        project_id: 'openstack/nova',
        vendor: 'Evil <b>Corp</b>',
        name: '=SUM(1+1) hostile',
        description: '<script>alert(1)</script> & "quoted" <img src=x onerror=alert(2)>',
        wiki: 'javascript:alert(1)',
        maintainers: [{ name: 'Mallory <i>M</i>', email: HOSTILE_EMAIL, launchpad_id: 'mallory' }],
        releases: ['Stein'],
        ci: { id: 'evil-ci', success_pattern: '<img src=x onerror=alert(3)>', failure_pattern: 'FAIL' },
        verification: { Stein: record(now, 1, true, 1005, { review_url: 'javascript:alert(4)' }) },
      },
      {
        project_id: 'openstack/nova',
        vendor: 'Zeta',
        name: 'Zeta compute',
        description: 'A hypervisor driver.',
        releases: ['Queens', 'Rocky', 'Stein'],
        ci: ci('zeta-ci'),
        // Passing on the newest maintained release, failing on the one in development: the headline says passing.
        verification: {
          Stein: record(now, 1, true, 1006),
          [DEVELOPMENT]: record(now, 1, false, 1007, { branch: 'master' }),
        },
      },
      {
        project_id: 'openstack/nova',
        vendor: 'Omega',
        name: LONG_NAME,
        description: 'A name of 270 characters.',
      },
    ],
  };
}
