import { describe, expect, it } from 'vitest';
import { canonical, forgedMachineFields } from '../../backend/validate/machine-fields.ts';
import type { Registry, Run, RunsFile } from '../../backend/model/types.ts';
import { aRun, validRegistry } from '../helpers/registry-fixture.ts';

const changed = (change: (r: Registry) => void): Registry => {
  const registry = validRegistry();
  change(registry);
  return registry;
};
const forged = (current: Registry, trusted: Parameters<typeof forgedMachineFields>[1]) =>
  forgedMachineFields(current, trusted, 'origin/main').map((p) => [p.pointer, p.message]);

describe('forgedMachineFields', () => {
  const base = validRegistry();

  it('names each forged value of verification, at its place', () => {
    const current = changed((r) =>
      Object.assign(r.drivers[0]!.verification!.Rocky!, {
        ci_result: false,
        timestamp: '2099-01-01T00:00:00Z',
      }),
    );
    expect(forged(current, [{ data: base }])).toEqual([
      [
        '/drivers/0/verification/Rocky/ci_result',
        'verification/Rocky/ci_result was changed since origin/main, but only `driverlog update` writes verification, and no commit of it did this',
      ],
      [
        '/drivers/0/verification/Rocky/timestamp',
        expect.stringMatching(/^verification\/Rocky\/timestamp was changed/),
      ],
    ]);
  });

  it('refuses evidence on a new driver, and a new scan position', () => {
    const current = changed((r) => {
      r.drivers.push({
        project_id: 'openstack/nova',
        vendor: 'Acme',
        name: 'Acme hypervisor 2',
        verification: { Rocky: base.drivers[0]!.verification!.Rocky! },
      });
      r.scan_state = { gerrit_url: 'https://review.example.org', projects: {} };
    });
    expect(
      forged(current, [{ data: base }]).map(([pointer, message]) => [pointer, message!.split(' since')[0]]),
    ).toEqual([
      ['/scan_state', 'scan_state was added'],
      ['/drivers/2/verification', 'verification was added'],
    ]);
  });

  it("refuses a sync field's edit, and a removal from a driver that stays", () => {
    const withUpstream = changed(
      (r) => (r.drivers[1]!.upstream = { title: 'Acme', in_tree: ['Rocky'], features: {} }),
    );
    const current = changed((r) => {
      r.drivers[1]!.upstream = { title: 'Acme', in_tree: ['Queens', 'Rocky'], features: {} };
      delete r.drivers[0]!.verification;
    });
    // (In no particular order: validate sorts problems by position.)
    expect(forged(current, [{ data: withUpstream }]).sort()).toEqual([
      [
        '/drivers/0/verification',
        expect.stringMatching(
          /^verification was removed from driver "Acme \/ Acme iSCSI driver" of openstack\/cinder since origin\/main, but only `driverlog update`/,
        ),
      ],
      [
        '/drivers/1/upstream/in_tree/0',
        expect.stringMatching(/^upstream\/in_tree\/0 was changed .* only `driverlog sync` writes upstream/),
      ],
      ['/drivers/1/upstream/in_tree/1', expect.any(String)],
    ]);
  });

  it('lets a driver go with its evidence, and a format reorder keys', () => {
    const current = changed((r) => {
      r.drivers.splice(0, 1);
    });
    expect(forged(current, [{ data: base }])).toEqual([]);
    const reordered = JSON.parse(
      JSON.stringify(base, (key, value: unknown) =>
        key === 'Rocky' ? Object.fromEntries(Object.entries(value as object).reverse()) : value,
      ),
    ) as Registry;
    expect(forged(reordered, [{ data: base }])).toEqual([]);
  });

  it('names the owner of a removed field even when it breaks the schema', () => {
    const feature = { id: 'qos', title: 'QoS', status: 'optional' };
    const nameless = (features?: unknown[]) =>
      changed((r) => {
        delete (r.projects[0] as { id?: string }).id;
        if (features) r.projects[0]!.features = features as never;
      });
    expect(forged(nameless(), [{ data: nameless([feature]) }])).toEqual([
      [
        '/projects/0/features',
        expect.stringMatching(/^features was removed from a project without an id since/),
      ],
    ]);
  });

  it("accepts any trusted version's value, and a job's only for its own fields", () => {
    const byJob = changed((r) => {
      r.drivers[0]!.verification!.Rocky!.ci_result = false;
      r.drivers[1]!.upstream = { title: 'Acme', in_tree: ['Rocky'], features: {} };
    });
    const merged = changed((r) => {
      r.drivers[0]!.verification!.Rocky!.ci_result = false;
    });
    // The base branch has the old record, a job's commit the new one: both are the job's own words.
    expect(forged(merged, [{ data: base }, { data: byJob, job: 'update' }])).toEqual([]);
    // An "update" commit does not vouch for what only sync writes.
    expect(forged(byJob, [{ data: base }, { data: byJob, job: 'update' }]).map(([p]) => p)).toEqual([
      '/drivers/1/upstream',
    ]);
    expect(forged(byJob, [{ data: base }, { data: byJob, job: 'sync' }]).map(([p]) => p)).toEqual([
      '/drivers/0/verification/Rocky/ci_result',
    ]);
  });

  it('says how many more changes there are past the first five', () => {
    const runs = (ok: boolean) =>
      runsFile(
        Array.from({ length: 8 }, (_, i) => ({
          timestamp: '2018-09-01T10:00:00Z',
          change_number: 600001 + i,
          patch_set: 1,
          ci_result: ok,
        })),
      );
    const messages = forgedMachineFields(runs(false), [{ data: runs(true) }], 'origin/main').map(
      (p) => p.message,
    );
    expect(messages).toHaveLength(5);
    expect(messages[4]).toMatch(
      /^recent\/Rocky\/4\/ci_result was changed \(and 3 more changes to this recent\)/,
    );
  });
});

// A runs file (model/runs-file.ts): each driver's `recent`, which only `driverlog update` writes.
const run = aRun;
function runsFile(acmeRuns: Run[] = [run()]): RunsFile {
  return {
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI driver',
        recent: { Rocky: acmeRuns },
      },
      { project_id: 'openstack/nova', vendor: 'Acme', name: 'Acme hypervisor', recent: { Rocky: [run()] } },
    ],
  };
}

describe('forgedMachineFields on a runs file', () => {
  const base = runsFile();
  const forgedRuns = (
    current: RunsFile,
    trusted: Parameters<typeof forgedMachineFields>[1] = [{ data: base }],
  ) =>
    forgedMachineFields(current, trusted, 'origin/main').map((p) => [
      p.pointer,
      p.message.split(' since')[0],
    ]);

  it('refuses runs changed, added or dropped by hand, at their place', () => {
    expect(forgedRuns(runsFile([run({ ci_result: false })]))).toEqual([
      ['/drivers/0/recent/Rocky/0/ci_result', 'recent/Rocky/0/ci_result was changed'],
    ]);
    expect(forgedRuns(runsFile([run(), run({ change_number: 600000 })]))).toEqual([
      ['/drivers/0/recent/Rocky/1', 'recent/Rocky/1 was added'],
    ]);
    const dropped = runsFile();
    dropped.drivers[1]!.recent = { Stein: [run()] };
    expect(forgedRuns(dropped)).toEqual([
      ['/drivers/1/recent', 'recent was changed'],
      ['/drivers/1/recent/Stein', 'recent/Stein was added'],
    ]);
  });

  it('refuses an entry removed by hand, naming its driver, as when the whole file is deleted', () => {
    const removed = runsFile();
    removed.drivers.splice(0, 1);
    expect(forgedRuns(removed)).toEqual([
      ['/drivers/0/recent', 'recent was removed from driver "Acme / Acme iSCSI driver" of openstack/cinder'],
    ]);
    expect(forgedRuns({ drivers: [] }).map(([, message]) => message)).toEqual([
      'recent was removed from driver "Acme / Acme iSCSI driver" of openstack/cinder',
      'recent was removed from driver "Acme / Acme hypervisor" of openstack/nova',
    ]);
  });

  it("accepts what an update commit wrote, and a sync commit's runs not", () => {
    const byJob = runsFile([run({ change_number: 600009, timestamp: '2018-09-03T10:00:00Z' }), run()]);
    byJob.drivers.splice(1, 1);
    expect(forgedRuns(byJob, [{ data: base }, { data: byJob, job: 'update' }])).toEqual([]);
    expect(forgedRuns(byJob, [{ data: base }, { data: byJob, job: 'sync' }])).toEqual([
      ['/drivers/0/recent/Rocky/0/timestamp', 'recent/Rocky/0/timestamp was changed'],
      ['/drivers/0/recent/Rocky/0/change_number', 'recent/Rocky/0/change_number was changed'],
      ['/drivers/0/recent/Rocky/1', 'recent/Rocky/1 was added'],
      ['/drivers/1/recent', 'recent was removed from driver "Acme / Acme hypervisor" of openstack/nova'],
    ]);
  });
});

describe('canonical', () => {
  it('ignores key order, not array order', () => {
    expect(canonical({ b: 1, a: [1, 2] })).toBe(canonical({ a: [1, 2], b: 1 }));
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
  });
});
