import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/index.ts';
import {
  ACCOUNTS,
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

let sim: GerritSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startGerritSimulator({
    dataset: {
      accounts: ACCOUNTS,
      changes: [
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
      ],
    },
  });
  dir = tempDir();
  writeRegistry(
    dir,
    registry([driver({ name: 'iSCSI' }), driver({ name: 'Old', ci: { ...ACME_CI, id: 'old-ci' } })]),
  );
});
afterAll(() => sim.close());

const run = (args: string[]) => cli(['check-ci', '--gerrit-url', sim.url, ...args], { cwd: dir });

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
    const missing = await run(['--project', 'openstack/cinder', '--ci-id', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --success-pattern, --failure-pattern');
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
