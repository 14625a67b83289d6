import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACME_CI,
  change,
  cli,
  driver,
  fail,
  message,
  pass,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const gerrit = useSimulator('all');
let dir: string;
beforeAll(async () => {
  await gerrit.start([
    change(100, {
      patchSet: 2,
      messages: [
        message(10, '2024-05-01T10:00:00Z', 1, fail()),
        message(10, '2024-05-02T10:00:00Z', 2, pass()),
      ],
    }),
    change(101, { status: 'NEW', messages: [message(10, '2024-05-03T10:00:00Z', 1, pass())] }),
    change(102, {
      branch: 'master',
      messages: [
        message(
          10,
          '2024-05-04T10:00:00Z',
          1,
          'Build succeeded.\n\n- acme-iscsi https://ci/1 :SUCCESS in 1h\n',
        ),
      ],
    }),
    change(103, { messages: [message(12, '2024-05-05T10:00:00Z', 1, pass())] }),
  ]);
  dir = tempDir();
  writeRegistry(
    dir,
    registry([driver({ name: 'iSCSI' }), driver({ name: 'Old', ci: { ...ACME_CI, id: 'old-ci' } })]),
  );
});

// The history is from 2024: a window that holds it, as update would be given.
const run = (args: string[], since = '2024-01-01') =>
  cli(['check-ci', '--gerrit-url', gerrit.current.url, '--since', since, ...args], { cwd: dir });

describe('driverlog check-ci', () => {
  it("explains each of the CI's latest comments and exits 0 when one counts", async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:iSCSI']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/\/\+\/102 {2}MERGED {2}master → Dalmatian {2}PS 1 \(final\)/);
    expect(out).toContain('pattern matched nothing');
    expect(out).toMatch(
      /closest to success_pattern \(acme, iscsi, success\): - acme-iscsi https:\/\/ci\/1 :SUCCESS in 1h/,
    );
    expect(out).toContain('not merged (status NEW)');
    expect(out).toContain('not the final patch set (comment on PS 1, merged PS 2)');
    expect(out).toMatch(
      /\/\+\/100 {2}MERGED {2}stable\/2024.1 → Caracal {2}PS 2 \(final\)\n {3}SUCCESS line: - acme-iscsi .*\n {3}counts/,
    );
    expect(out).toContain('1 of 4 comments count');
  });

  it('says "before the scan window" for comments older than --since, as update would skip them', async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:iSCSI'], '2024-05-02T10:00:01Z');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /\/\+\/100 {2}MERGED .*\n {3}SUCCESS line: .*\n {3}does not count: before the scan window \(it starts 2024-05-02T10:00:01Z; see --since\)/,
    );
    expect(result.stdout).toContain('0 of 4 comments count');
    const edge = await run(['--driver', 'openstack/cinder:Acme:iSCSI'], '2024-05-02T10:00:00Z');
    expect(edge.code).toBe(0);
    expect(edge.stdout).toContain('1 of 4 comments count');
  });

  it("--format json gives one object per comment with update's verdict and reasons", async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:iSCSI', '--format', 'json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { since: string; comments: Array<Record<string, unknown>> };
    expect(document.since).toBe('2024-01-01T00:00:00Z');
    expect(document.comments.map((c) => [c.change_number, c.counts])).toEqual([
      [102, false],
      [101, false],
      [100, true],
      [100, false],
    ]);
    const counted = document.comments.find((c) => c.counts === true);
    expect(counted).toEqual({
      timestamp: '2024-05-02T10:00:00Z',
      change_number: 100,
      patch_set: 2,
      branch: 'stable/2024.1',
      release: 'Caracal',
      counts: true,
      ci_result: 'SUCCESS',
      line: expect.stringMatching(/^- acme-iscsi /) as unknown,
      judged_by: 'patterns',
      jobs: [],
      reasons: [],
    });
    const unmatched = document.comments.find((c) => c.change_number === 102);
    expect(unmatched).toMatchObject({ ci_result: null, line: null, counts: false });
    expect(unmatched?.reasons).toEqual(['pattern matched nothing — closest lines below']);
    const bad = await run(['--driver', 'openstack/cinder:Acme:iSCSI', '--format', 'yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown --format 'yaml'");
  });

  it('honours --limit', async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:iSCSI', '--limit', '1']);
    expect(result.stdout).toContain('1. 2024-05-04T10:00:00Z');
    expect(result.stdout).not.toContain('2. ');
    expect(result.code).toBe(1);
  });

  it('finds the comments of a deactivated account, which commentby: by name cannot', async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:Old']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/+/103');
  });

  it('says when the author is unknown, with a hint', async () => {
    const result = await run([
      '--project',
      'openstack/cinder',
      '--ci-id',
      'acme_ci',
      '--success-pattern',
      'SUCCESS',
      '--failure-pattern',
      'FAILURE',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("author not found: Gerrit knows no account with username 'acme_ci'");
    expect(result.stdout).toContain('Hint: ci.id must be');
  });

  it('rejects incomplete or unknown targets as usage errors', async () => {
    const missing = await run(['--project', 'openstack/cinder', '--ci-id', 'x', '--success-pattern', 'S']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'give both --success-pattern and --failure-pattern, or neither (missing --failure-pattern)',
    );
    const noAccount = await run(['--project', 'openstack/cinder', '--job', 'acme-.*']);
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toContain('the CI account with --ci-id ID or --wiki-name NAME');
    const typo = await run(['--driver', 'openstack/cinder:Acme:iSCS']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean 'openstack/cinder:Acme:iSCSI'");
    const pattern = await run([
      '--project',
      'p',
      '--ci-id',
      'x',
      '--success-pattern',
      '(',
      '--failure-pattern',
      'F',
    ]);
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toContain('ci.success_pattern does not compile');
  });
});
