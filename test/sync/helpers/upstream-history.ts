// A cinder-like project history in a real git repository: one matrix per release, reached by each ref rule.
//   Queens   tag queens-eol            no matrix yet
//   Rocky    tag rocky-eol             acme, zeta, ghost; features supported, qos
//   Stein    branch unmaintained/stein acme, ghost (unsupported); zeta removed; multiattach appears
//   Train    branch stable/train       acme, zeta back, omega new; ghost removed
//   Ussuri   master (in development)   as Train, omega gains multiattach
//   Victoria no ref
import type { Registry } from '../../../backend/model/types.ts';
import { makeRepo, type TestRepo } from './git-repo.ts';
import { FEATURES, iniMatrix, MATRIX_PATH, type IniDriver } from './matrices.ts';

export const HISTORY_RELEASES: NonNullable<Registry['releases']> = [
  ['Queens', '2018-02-28'],
  ['Rocky', '2018-08-30'],
  ['Stein', '2019-04-10'],
  ['Train', '2019-10-16'],
  ['Ussuri', '2020-05-13'],
  ['Victoria', '2020-10-14'],
].map(([id, start]) => ({
  id: id!,
  wiki: `https://releases.openstack.org/${id!.toLowerCase()}/`,
  start: start!,
}));

const [supported, qos] = FEATURES;
const acme = (values: IniDriver['values']): IniDriver => ({
  id: 'acme',
  title: 'Acme Storage Driver (iSCSI)',
  values,
});
const zeta = (values: IniDriver['values']): IniDriver => ({ id: 'zeta', title: 'Zeta Driver (FC)', values });
const ghost = (values: IniDriver['values']): IniDriver => ({
  id: 'ghost',
  title: 'Ghost Driver (NFS)',
  values,
});
const omega = (values: IniDriver['values']): IniDriver => ({
  id: 'omega',
  title: 'Omega Storage Driver (NVMe-TCP)',
  values,
});

export const MATRICES = {
  Rocky: iniMatrix(
    [supported!, qos!],
    [
      acme({ supported: 'complete', qos: 'missing' }),
      zeta({ supported: 'complete', qos: 'complete' }),
      ghost({ supported: 'complete', qos: 'missing' }),
    ],
  ),
  Stein: iniMatrix(FEATURES, [
    {
      ...acme({ supported: 'complete', qos: 'complete', multiattach: 'partial' }),
      notes: { qos: 'Since 2.0' },
    },
    ghost({ supported: 'missing', qos: 'missing', multiattach: 'missing' }),
  ]),
  Train: iniMatrix(FEATURES, [
    acme({ supported: 'complete', qos: 'complete', multiattach: 'partial' }),
    zeta({ supported: 'complete', qos: 'complete', multiattach: 'missing' }),
    omega({ supported: 'complete', qos: 'missing', multiattach: 'missing' }),
  ]),
  Ussuri: iniMatrix(FEATURES, [
    acme({ supported: 'complete', qos: 'complete', multiattach: 'partial' }),
    zeta({ supported: 'complete', qos: 'complete', multiattach: 'missing' }),
    omega({ supported: 'complete', qos: 'missing', multiattach: 'complete' }),
  ]),
};

export interface History {
  repo: TestRepo;
  commits: Record<'queens' | 'rocky' | 'stein' | 'train' | 'master', string>;
}

export function makeHistory(): History {
  const repo = makeRepo();
  const queens = repo.commit('2018-01-10T12:00:00Z', { 'README.rst': 'Block storage.\n' });
  repo.git('tag', 'queens-eol');
  const rocky = repo.commit('2018-08-01T12:00:00Z', { [MATRIX_PATH]: MATRICES.Rocky });
  repo.git('tag', 'rocky-eol');
  const stein = repo.commit('2019-03-20T12:00:00Z', { [MATRIX_PATH]: MATRICES.Stein });
  repo.git('branch', 'unmaintained/stein');
  // The branch wins over the tag: the tag points at the older Rocky commit to tell them apart.
  repo.git('tag', 'stein-eol', rocky);
  const train = repo.commit('2019-10-01T12:00:00Z', { [MATRIX_PATH]: MATRICES.Train });
  repo.git('branch', 'stable/train');
  const master = repo.commit('2020-02-01T12:00:00Z', { [MATRIX_PATH]: MATRICES.Ussuri });
  return { repo, commits: { queens, rocky, stein, train, master } };
}

/** A registry whose cinder reads the history: one linked driver with hand-written fields, others around it. */
export function historyRegistry(): Registry {
  return {
    projects: [
      {
        id: 'openstack/cinder',
        name: 'Cinder (Block Storage)',
        upstream: {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: MATRIX_PATH,
          support_feature: 'supported',
        },
      },
      { id: 'openstack/nova', name: 'Nova (Compute)' },
    ],
    releases: HISTORY_RELEASES,
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI driver',
        description: 'Block storage on Acme arrays, as the vendor wrote it.',
        maintainers: [{ name: 'Ada Lovelace', irc: 'ada' }],
        wiki: 'https://wiki.example.org/Acme',
        releases: ['Rocky', 'Stein'],
        ci: {
          id: 'acme-ci',
          success_pattern: 'acme-iscsi-tempest \\S+ : SUCCESS',
          failure_pattern: 'acme-iscsi-tempest \\S+ : FAILURE',
        },
        upstream_id: 'acme',
      },
      {
        project_id: 'openstack/cinder',
        vendor: 'Legacy',
        name: 'Legacy volume driver',
        releases: ['Queens'],
      },
      {
        project_id: 'openstack/cinder',
        vendor: 'Vanished',
        name: 'Vanished driver',
        upstream_id: 'vanished',
      },
      { project_id: 'openstack/nova', vendor: 'Acme', name: 'Acme hypervisor', releases: ['Rocky'] },
    ],
  };
}
