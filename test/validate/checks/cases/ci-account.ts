import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'ci-account',
    registry: () => edit((r) => (acme(r).ci = { jobs: ['acme-tempest-.*'] })),
    pointer: '/drivers/0/ci',
    message: /the ci block of driver "Acme \/ Acme iSCSI driver" names no CI account/,
    hint: /give "id" .* or "wiki_name"/,
  },
];

// Either field names the account: a wiki name alone, read as a Zuul report of the driver's own jobs.
export const passingCases: Array<[string, () => unknown]> = [
  ['a ci block with only a wiki name', () => edit((r) => (acme(r).ci = { wiki_name: 'Acme_Storage_CI' }))],
  [
    'a ci block with an id and jobs',
    () => edit((r) => (acme(r).ci = { id: 'acme-ci', jobs: ['acme-tempest-(fc|iscsi)'] })),
  ],
];
