import { gerritDate } from '../../dev/gerrit-simulator/gerrit-date.ts';
import type { SimAccount, SimChange, SimDataset } from '../../dev/gerrit-simulator/types.ts';

export const BASE = Date.UTC(2024, 4, 1, 12, 0, 0);
export const HOUR = 3_600_000;
export const PASSWORD = 'Adev-S3cret-pw!';

export const ACCOUNTS: SimAccount[] = [
  { _account_id: 1000001, username: 'zuul', name: 'Zuul', email: 'zuul@opendev.example' },
  {
    _account_id: 1000010,
    username: 'adev',
    name: 'Ana Developer',
    email: 'adev@example.org',
    http_password: PASSWORD,
  },
  { _account_id: 1000100, username: 'acme-ci', name: 'Acme CI' },
  { _account_id: 1000101, username: 'old-ci', name: 'Old CI', inactive: true },
];

/**
 * `count` changes, change i updated at BASE + i hours (newest = highest number), on two projects;
 * acme-ci comments on even changes, old-ci on every fifth.
 */
export function smallDataset(count: number): SimDataset {
  return {
    accounts: ACCOUNTS.map((a) => ({ ...a })),
    changes: Array.from({ length: count }, (_, i) => change(i)),
  };
}

export function change(i: number, updated = BASE + i * HOUR): SimChange {
  const created = updated - 2 * HOUR;
  const messages = [
    {
      id: `${i}-1`,
      author: 1000010,
      date: gerritDate(created),
      message: 'Uploaded patch set 1.',
      _revision_number: 1,
    },
  ];
  if (i % 2 === 0) {
    messages.push({
      id: `${i}-2`,
      author: 1000100,
      date: gerritDate(created + HOUR),
      message:
        'Patch Set 1:\n\nBuild succeeded.\n\n- acme-tempest https://ci.example.org/1 : SUCCESS in 1h 02m 03s',
      _revision_number: 1,
    });
  }
  if (i % 5 === 0) {
    messages.push({
      id: `${i}-3`,
      author: 1000101,
      date: gerritDate(created + HOUR + 1000),
      message: 'Patch Set 1:\n\nBuild failed.',
      _revision_number: 1,
    });
  }
  messages.push({
    id: `${i}-4`,
    author: 1000001,
    date: gerritDate(updated),
    message: 'Change has been successfully merged',
    _revision_number: 1,
  });
  return {
    _number: 1000 + i,
    project: i % 2 === 0 ? 'openstack/cinder' : 'openstack/nova',
    branch: i % 3 === 0 ? 'stable/2024.1' : 'master',
    change_id: `I${String(i).padStart(40, '0')}`,
    subject: `Change ${i}`,
    status: i % 7 === 6 ? 'NEW' : 'MERGED',
    created: gerritDate(created),
    updated: gerritDate(updated),
    owner: 1000010,
    current_revision_number: 1,
    messages,
  };
}
