import { describe, expect, it } from 'vitest';
import type { SimChange } from '../../dev/gerrit-simulator/index.ts';
import type { Driver, Registry } from '../../backend/model/types.ts';
import {
  ACME_CI,
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
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

// Each case below is built so that the rule it names, and only that rule, decides the record.

const gerrit = useSimulator();

async function scan(
  changes: SimChange[],
  drivers: Driver[] = [driver()],
  extra: string[] = [],
  base?: Registry,
  legacyRevisions = false,
) {
  const sim = await gerrit.start(changes, { legacyRevisions });
  const dir = tempDir();
  const file = writeRegistry(dir, base ?? registry(drivers));
  const run = await cli(['update', '--gerrit-url', sim.url, '--since', extra[0] ?? '2024-01-01'], {
    cwd: dir,
  });
  return { run, file, dir, result: readRegistry(file) };
}

const verification = (result: Registry, index = 0) => result.drivers[index]?.verification;

describe('driverlog update: which comments count', () => {
  it("ignores another account's identical text", async () => {
    const { run, result } = await scan([
      change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, fail())] }),
      change(101, { messages: [message(11, '2024-05-02T10:00:00Z', 1, pass())] }),
    ]);
    expect(run.code).toBe(0);
    expect(verification(result)?.Caracal).toMatchObject({
      ci_result: false,
      change_number: 100,
      ci_id: 'acme-ci',
    });
  });

  it('ignores a comment on an older patch set than the merged one', async () => {
    const { result } = await scan([
      change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, fail())] }),
      change(101, {
        patchSet: 2,
        messages: [
          message(10, '2024-05-03T10:00:00Z', 1, pass()),
          message(2, '2024-05-03T11:00:00Z', 2, 'Uploaded'),
        ],
      }),
    ]);
    expect(verification(result)?.Caracal).toMatchObject({ ci_result: false, change_number: 100 });
  });

  it("reads lines in order: the driver's own SUCCESS line wins over a later failure and the Build failed. header", async () => {
    const ci = { id: 'acme-ci', success_pattern: 'acme-iscsi .* : SUCCESS', failure_pattern: ': FAILURE' };
    const body =
      'Build failed.\n\n- acme-iscsi https://ci/1 : SUCCESS in 1h\n- acme-fc https://ci/2 : FAILURE in 2h\n';
    const { result } = await scan(
      [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, body)] })],
      [driver({ ci })],
    );
    expect(verification(result)?.Caracal).toMatchObject({
      ci_result: true,
      comment: '- acme-iscsi https://ci/1 : SUCCESS in 1h',
    });
  });

  it('finds the final patch set on servers older than Gerrit 3.10 too', async () => {
    const { result } = await scan(
      [
        change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, fail())] }),
        change(101, { patchSet: 2, messages: [message(10, '2024-05-03T10:00:00Z', 1, pass())] }),
      ],
      [driver()],
      [],
      undefined,
      true,
    );
    expect(verification(result)?.Caracal).toMatchObject({
      ci_result: false,
      change_number: 100,
      patch_set: 1,
    });
  });

  it('does not count changes that are not merged', async () => {
    const { result } = await scan([
      change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, fail())] }),
      change(101, { status: 'NEW', messages: [message(10, '2024-05-02T10:00:00Z', 1, pass())] }),
    ]);
    expect(verification(result)?.Caracal).toMatchObject({ ci_result: false, change_number: 100 });
  });

  it('ignores comments before --since even on changes updated after it', async () => {
    const { result } = await scan([
      change(100, {
        messages: [
          message(10, '2023-12-20T10:00:00Z', 1, pass()),
          message(2, '2024-02-01T10:00:00Z', 1, 'Thanks'),
        ],
      }),
    ]);
    expect(verification(result)).toBeUndefined();
  });

  it("counts a comment only for drivers scanning that change's Gerrit project (repo before project_id)", async () => {
    const inNova = driver({ project_id: 'openstack/nova', name: 'In Nova' });
    const inPlugin = driver({ project_id: 'openstack/nova', repo: 'x/acme-plugin', name: 'In plugin' });
    const { result } = await scan(
      [
        change(100, {
          project: 'openstack/nova',
          messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())],
        }),
        change(101, { project: 'x/acme-plugin', messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] }),
      ],
      [inNova, inPlugin],
    );
    expect(verification(result, 0)?.Caracal).toMatchObject({ ci_result: true, change_number: 100 });
    expect(verification(result, 1)?.Caracal).toMatchObject({ ci_result: false, change_number: 101 });
    expect(verification(result, 1)?.Caracal?.last_success).toBeUndefined();
  });

  it('counts reports by an account that has since been deactivated', async () => {
    const ci = { ...ACME_CI, id: 'old-ci' };
    const { run, result } = await scan(
      [change(100, { messages: [message(12, '2024-05-01T10:00:00Z', 1, pass())] })],
      [driver({ ci })],
    );
    expect(run.stdout).not.toContain('not found');
    expect(verification(result)?.Caracal).toMatchObject({ ci_result: true, ci_id: 'old-ci' });
  });
});

describe('driverlog update: releases', () => {
  it('maps master to the release in development, and a master comment later on a release day to the next one', async () => {
    const { result } = await scan([
      change(100, { branch: 'master', messages: [message(10, '2024-06-01T10:00:00Z', 1, pass())] }),
      change(101, { branch: 'master', messages: [message(10, '2024-10-02T10:00:00Z', 1, fail())] }),
    ]);
    expect(verification(result)?.Dalmatian).toMatchObject({
      ci_result: true,
      change_number: 100,
      branch: 'master',
    });
    expect(verification(result)?.Epoxy).toMatchObject({ ci_result: false, change_number: 101 });
  });

  it('maps unmaintained/X to the release whose branch is stable/X and skips unknown branches', async () => {
    const { run, result } = await scan([
      change(100, {
        branch: 'unmaintained/2023.2',
        messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())],
      }),
      change(101, { branch: 'feature/x', messages: [message(10, '2024-05-01T11:00:00Z', 1, pass())] }),
    ]);
    expect(Object.keys(verification(result) ?? {})).toEqual(['Bobcat']);
    expect(verification(result)?.Bobcat).toMatchObject({ branch: 'unmaintained/2023.2' });
    expect(run.stdout).toContain('1 counting comment on branches of no listed release');
  });

  it('records evidence for releases the driver does not claim', async () => {
    const { result } = await scan([
      change(100, { branch: 'stable/2024.2', messages: [message(10, '2024-11-01T10:00:00Z', 1, pass())] }),
    ]);
    expect(result.drivers[0]?.releases).toEqual(['Caracal']);
    expect(verification(result)?.Dalmatian?.ci_result).toBe(true);
  });
});

describe('driverlog update: which comment wins', () => {
  it('breaks a tie on the second with the higher change number, and keeps the pass as last_success', async () => {
    const { result } = await scan([
      // Same second; the lower change is later by milliseconds, which the file cannot show.
      change(100, { messages: [message(10, '2024-05-01T10:00:00.900Z', 1, pass())] }),
      change(101, { messages: [message(10, '2024-05-01T10:00:00.100Z', 1, fail())] }),
    ]);
    expect(verification(result)?.Caracal).toMatchObject({
      ci_result: false,
      change_number: 101,
      last_success: { review_url: expect.stringMatching(/\/\+\/100$/), timestamp: '2024-05-01T10:00:00Z' },
    });
  });

  it('writes last_success only for a failure with an older pass', async () => {
    const { result } = await scan([
      change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] }),
      change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] }),
      change(102, { branch: 'stable/2024.2', messages: [message(10, '2024-11-02T10:00:00Z', 1, fail())] }),
      change(103, { branch: 'stable/2023.2', messages: [message(10, '2024-05-02T10:00:00Z', 1, pass())] }),
    ]);
    const records = verification(result) ?? {};
    expect(records.Caracal?.last_success?.review_url).toMatch(/\/\+\/100$/);
    expect(records.Dalmatian?.last_success).toBeUndefined();
    expect(records.Bobcat).toMatchObject({ ci_result: true });
    expect(records.Bobcat?.last_success).toBeUndefined();
  });

  it('keeps records already in the file until newer evidence replaces them', async () => {
    const old = {
      ci_result: true,
      review_url: 'https://review.example/c/openstack/cinder/+/5',
      change_number: 5,
      patch_set: 1,
      branch: 'stable/2023.2',
      ci_id: 'acme-ci',
      comment: 'old',
      timestamp: '2023-11-01T00:00:00Z',
    };
    const { result } = await scan(
      [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, fail())] })],
      [],
      [],
      registry([
        driver({ verification: { Bobcat: old, Caracal: { ...old, timestamp: '2024-04-10T00:00:00Z' } } }),
      ]),
    );
    expect(verification(result)?.Bobcat).toEqual(old);
    expect(verification(result)?.Caracal).toMatchObject({
      ci_result: false,
      change_number: 100,
      last_success: { review_url: old.review_url, timestamp: '2024-04-10T00:00:00Z' },
    });
  });
});

describe('driverlog update: accounts', () => {
  it('does not report a deactivated account with nothing in the window as unknown', async () => {
    const { run } = await scan(onePass(), [
      driver(),
      driver({ name: 'Old', ci: { ...ACME_CI, id: 'old-ci' } }),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('not found on Gerrit');
  });

  it('reports a CI id Gerrit does not know, for that driver only, and goes on', async () => {
    const ghost = driver({ name: 'Ghost', ci: { ...ACME_CI, id: 'ghost-ci' } });
    const { run, result, file, dir } = await scan(onePass(), [driver(), ghost]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("CI account 'ghost-ci' not found on Gerrit");
    expect(verification(result, 0)?.Caracal?.ci_result).toBe(true);
    expect(verification(result, 1)).toBeUndefined();
    expect(result.scan_state?.unknown_ci_accounts).toEqual(['ghost-ci']);
    // Still reported on the next run, which looks only the unknown id up again.
    gerrit.current.resetStats();
    const again = await cli(['update', '--gerrit-url', gerrit.current.url, '--since', '2024-01-01'], {
      cwd: dir,
    });
    expect(again.stdout).toContain("CI account 'ghost-ci' not found on Gerrit");
    expect(readRegistry(file)).toEqual(result);
    expect(gerrit.current.stats.byPath['/accounts/']).toBeGreaterThan(0);
  });
});

describe('driverlog update: what it prints', () => {
  it("shows Gerrit's text escaped: no terminal escape, no forged line", async () => {
    const sim = await gerrit.start([]);
    sim.injectFaults({
      fault: { kind: 'status', status: 400, body: 'bad query\u001b[2J\u001b[32m\u2028✅ All checks passed' },
    });
    const dir = tempDir();
    writeRegistry(dir, registry());
    const run = await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01'], { cwd: dir });
    expect(run.code).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toContain('FAILED: openstack/cinder');
    expect(output).not.toContain('\u001b');
    expect(output).not.toContain('\u2028');
    expect(output).toContain('\\u001b[2J');
    expect(output).not.toMatch(/^✅/m);
  });
});
