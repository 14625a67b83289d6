// Gerrit's answers are checked as they arrive: a malformed change costs that change, and nothing dated after
// Gerrit's own clock becomes evidence or a scan position.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gerritDate } from '../../dev/gerrit-simulator/index.ts';
import {
  at,
  change,
  cli,
  driver,
  fail,
  message,
  onePass,
  pass,
  readRegistry,
  registry,
  tempDir,
  updateWithReport,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const gerrit = useSimulator();
const update = (dir: string) => updateWithReport(gerrit.current.url, dir);

const twoProjects = () =>
  registry([
    driver(),
    driver({
      project_id: 'openstack/nova',
      vendor: 'Other',
      name: 'Other hypervisor',
      ci: {
        id: 'other-ci',
        success_pattern: 'other-tempest : SUCCESS',
        failure_pattern: 'other-tempest : FAILURE',
      },
    }),
  ]);

describe('malformed changes from Gerrit', () => {
  it('skips and names each one; the rest of its project and the other projects are written', async () => {
    const good = change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] });
    const zero = change(0, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] });
    const halfPatchSet = change(101, {
      patchSet: 2.5,
      messages: [message(10, '2024-05-03T10:00:00Z', 1, fail())],
    });
    const badDate = change(102, { messages: [message(10, '2024-05-04T10:00:00Z', 1, fail())] });
    badDate.messages[0]!.date = '2024-05-04T10:00:00Z';
    const nova = change(300, {
      project: 'openstack/nova',
      messages: [message(11, '2024-05-05T10:00:00Z', 1, '- other-tempest : SUCCESS')],
    });
    await gerrit.start([good, zero, halfPatchSet, badDate, nova]);
    const dir = tempDir();
    const file = writeRegistry(dir, twoProjects());
    const run = await update(dir);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [acme, other] = readRegistry(file).drivers;
    expect(acme?.verification?.Caracal).toMatchObject({ change_number: 100, ci_result: true });
    expect(other?.verification?.Caracal).toMatchObject({ change_number: 300, ci_result: true });
    // In Gerrit's order: newest updated first.
    expect(run.report.skipped_changes).toEqual([
      {
        project: 'openstack/cinder',
        change: 'change 102',
        problem: `message 1 (id ${badDate.messages[0]!.id}): date is "2024-05-04T10:00:00Z", not a Gerrit timestamp (yyyy-mm-dd hh:mm:ss.fffffffff, UTC)`,
      },
      {
        project: 'openstack/cinder',
        change: 'change 101',
        problem: 'current_revision_number is 2.5, not a patch set number (1 or more)',
      },
      {
        project: 'openstack/cinder',
        change: `change ${zero.change_id} (change #3 of page 1)`,
        problem: '_number is 0, not a change number (1 or more)',
      },
    ]);
    expect(run.stdout).toContain('skipped: change 101 of openstack/cinder: current_revision_number is 2.5');
    expect(run.stdout).toMatch(
      /skipped: change I0+ \(change #3 of page 1\) of openstack\/cinder: _number is 0/,
    );
    // What was written is a valid registry: nothing of the malformed changes reached it.
    expect((await cli(['validate', file], { cwd: dir })).code).toBe(0);
  });

  it('skips a change whose message is on patch set 0', async () => {
    const zeroPatchSet = change(103, { messages: [message(10, '2024-05-06T10:00:00Z', 1, fail())] });
    zeroPatchSet.messages[0]!._revision_number = 0;
    await gerrit.start([...onePass(), zeroPatchSet]);
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const run = await update(dir);
    expect(run.code).toBe(0);
    expect(run.report.skipped_changes).toEqual([
      {
        project: 'openstack/cinder',
        change: 'change 103',
        problem: expect.stringMatching(/_revision_number is 0/),
      },
    ]);
    expect(readRegistry(file).drivers[0]?.verification?.Caracal).toMatchObject({ change_number: 100 });
  });
});

describe("dates after Gerrit's clock", () => {
  const SERVER_NOW = at('2024-06-01T00:00:00Z');
  const history = () => [
    change(100, { messages: [message(10, '2024-05-20T10:00:00Z', 1, pass())] }),
    // Its comment is dated two days after the server's clock: not evidence, and its `updated` no position.
    change(101, { messages: [message(10, '2024-06-03T10:00:00Z', 1, fail())] }),
    // A change whose `updated` is absurd; its comment is dated sanely and counts.
    {
      ...change(102, { messages: [message(10, '2024-05-25T10:00:00Z', 1, pass())] }),
      updated: '9999-12-31 23:59:59.000000000',
    },
  ];

  it('never stores a later scan position, never counts a later comment, and says so', async () => {
    let clock = SERVER_NOW;
    await gerrit.start(history(), { clock: () => clock });
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const first = await update(dir);
    expect(first.code).toBe(0);
    const written = readRegistry(file);
    expect(written.drivers[0]?.verification?.Caracal).toMatchObject({ change_number: 102, ci_result: true });
    expect(written.drivers[0]?.verification?.Caracal?.recent?.map((r) => r.change_number)).toEqual([
      102, 100,
    ]);
    expect(written.scan_state?.projects['openstack/cinder']?.updated).toBe(
      gerritDate(at('2024-05-20T10:00:00Z')),
    );
    expect(first.report.future_dated).toEqual([
      {
        project: 'openstack/cinder',
        change: 102,
        what: 'updated',
        date: '9999-12-31 23:59:59.000000000',
        not_after: '2024-06-01T00:10:00Z',
      },
      {
        project: 'openstack/cinder',
        change: 101,
        what: 'updated',
        date: gerritDate(at('2024-06-03T10:00:00Z')),
        not_after: '2024-06-01T00:10:00Z',
      },
      {
        project: 'openstack/cinder',
        change: 101,
        what: 'comment',
        date: gerritDate(at('2024-06-03T10:00:00Z')),
        not_after: '2024-06-01T00:10:00Z',
      },
    ]);
    expect(first.stdout).toContain(
      "ignored: change 102 of openstack/cinder: updated 9999-12-31 23:59:59.000000000 is after Gerrit's clock (2024-06-01T00:10:00Z with the allowed skew); not used as the scan position",
    );

    // The next run is not frozen: it asks from the sane position, and writes nothing new.
    const text = readFileSync(file, 'utf8');
    const second = await update(dir);
    expect(second.report.projects[0]).toMatchObject({ mode: 'incremental', changes: 3 });
    expect(readFileSync(file, 'utf8')).toBe(text);

    // Once Gerrit's clock has passed it, the comment is evidence like any other.
    clock = at('2024-06-10T00:00:00Z');
    await update(dir);
    const later = readRegistry(file);
    expect(later.drivers[0]?.verification?.Caracal).toMatchObject({ change_number: 101, ci_result: false });
    expect(later.scan_state?.projects['openstack/cinder']?.updated).toBe(
      gerritDate(at('2024-06-03T10:00:00Z')),
    );
  });

  it("falls back to this machine's clock when Gerrit sends no Date header", async () => {
    await gerrit.start(history(), { clock: () => undefined });
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const run = await update(dir);
    expect(run.code).toBe(0);
    const written = readRegistry(file);
    // 2024-06-03 is long past here: it counts; 9999 never does.
    expect(written.drivers[0]?.verification?.Caracal).toMatchObject({ change_number: 101 });
    expect(written.scan_state?.projects['openstack/cinder']?.updated).toBe(
      gerritDate(at('2024-06-03T10:00:00Z')),
    );
    expect(run.report.future_dated?.map((f) => [f.change, f.what])).toEqual([[102, 'updated']]);
  });

  it('trusts no Gerrit clock ahead of its own: it writes nothing its own validation would refuse', async () => {
    // A Gerrit whose clock says 2099 would let a comment dated 2098 in; this machine's clock keeps it out.
    await gerrit.start(
      [
        change(100, { messages: [message(10, '2024-05-20T10:00:00Z', 1, pass())] }),
        change(101, { messages: [message(10, '2098-01-01T10:00:00Z', 1, fail())] }),
      ],
      { clock: () => at('2099-01-01T00:00:00Z') },
    );
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    const run = await update(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = readRegistry(file);
    expect(written.drivers[0]?.verification?.Caracal).toMatchObject({ change_number: 100, ci_result: true });
    expect(run.report.future_dated?.map((f) => [f.change, f.what])).toEqual([
      [101, 'updated'],
      [101, 'comment'],
    ]);
    expect(Date.parse(run.report.future_dated![0]!.not_after)).toBeLessThan(at('2099-01-01T00:00:00Z'));
  });

  it("leaves out the file's own evidence and scan position when they are later than Gerrit's clock", async () => {
    await gerrit.start(history(), { clock: () => SERVER_NOW });
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    await update(dir);
    const forged = readRegistry(file);
    const record = forged.drivers[0]!.verification!.Caracal!;
    forged.drivers[0]!.verification!.Caracal = {
      ...record,
      ci_result: false,
      comment: '- acme-iscsi https://ci.acme.example/2 : FAILURE in 40m',
      timestamp: '2024-07-01T00:00:00Z',
      recent: [
        { timestamp: '2024-07-01T00:00:00Z', change_number: 102, patch_set: 1, ci_result: false },
        ...record.recent!,
      ],
    };
    forged.scan_state!.projects['openstack/cinder']!.updated = '2024-08-01 00:00:00.000000000';
    writeRegistry(dir, forged);

    const run = await update(dir);
    expect(run.code).toBe(0);
    const healed = readRegistry(file);
    expect(healed.drivers[0]?.verification?.Caracal).toMatchObject({
      change_number: 102,
      ci_result: true,
      timestamp: '2024-05-25T10:00:00Z',
    });
    expect(healed.drivers[0]?.verification?.Caracal?.recent?.map((r) => r.timestamp)).toEqual([
      '2024-05-25T10:00:00Z',
      '2024-05-20T10:00:00Z',
    ]);
    // The frozen position is gone: the next run rescans the window.
    expect(healed.scan_state?.projects['openstack/cinder']).toBeUndefined();
    expect(run.report.future_dated).toEqual(
      expect.arrayContaining([
        {
          project: 'openstack/cinder',
          what: 'scan position',
          date: '2024-08-01 00:00:00.000000000',
          not_after: '2024-06-01T00:10:00Z',
        },
        {
          project: 'openstack/cinder',
          what: 'record',
          driver: 'openstack/cinder:Acme:Acme iSCSI',
          release: 'Caracal',
          date: '2024-07-01T00:00:00Z',
          not_after: '2024-06-01T00:10:00Z',
        },
      ]),
    );
    expect(run.stdout).toContain(
      "ignored: openstack/cinder:Acme:Acme iSCSI on Caracal: the file's evidence dated 2024-07-01T00:00:00Z is after Gerrit's clock",
    );
    const next = await update(dir);
    expect(next.report.projects[0]).toMatchObject({ mode: 'full', reason: 'first scan of this project' });
    expect(readRegistry(file).scan_state?.projects['openstack/cinder']?.updated).toBe(
      gerritDate(at('2024-05-20T10:00:00Z')),
    );
  });
});
