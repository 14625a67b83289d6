// check-ci --message: a vendor pastes real reports and sees how its ci block reads them, with no Gerrit. The
// verdicts are update's, comment by comment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../dev/gerrit-simulator/index.ts';
import { cli, driver, registry, tempDir, writeRegistry } from '../helpers/update-fixtures.ts';

const job = (name: string, result: string, nonVoting = false) => ({
  name,
  result,
  url: `https://ci.acme.example/logs/${name}`,
  elapsed: '58m 02s',
  ...(nonVoting ? { nonVoting } : {}),
});
const passing = `Patch Set 3:\n\n${reportText([job('cinder-tempest-acme-fc', 'SUCCESS'), job('acme-lint', 'FAILURE', true)], { pipeline: 'thirdparty-check' })}`;
const otherDriver = `Patch Set 4: Verified-1\n\n${reportText([job('cinder-tempest-bolt-iscsi', 'FAILURE')], { pipeline: 'thirdparty-check' })}`;

let dir: string;
beforeAll(() => {
  dir = tempDir('driverlog-check-message-');
  writeRegistry(
    dir,
    registry([
      driver({ name: 'FC', ci: { wiki_name: 'Acme_Storage_CI', jobs: ['cinder-tempest-acme-.*'] } }),
      driver({
        name: 'Old',
        ci: {
          id: 'acme-ci',
          success_pattern: 'acme-fc-job \\S+ : SUCCESS',
          failure_pattern: 'acme-fc-job \\S+ : FAILURE',
        },
      }),
    ]),
  );
  writeFileSync(join(dir, 'pasted.txt'), `${passing}\n${otherDriver}`);
});

// No --gerrit-url points anywhere: a request would fail the command.
const run = (args: string[], stdin?: string) =>
  cli(['check-ci', '--gerrit-url', 'http://127.0.0.1:9', ...args], {
    cwd: dir,
    ...(stdin === undefined ? {} : { stdin }),
  });

describe('driverlog check-ci --message', () => {
  it("judges each pasted comment by the driver's block, as update would, with no Gerrit", async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:FC', '--message', 'pasted.txt']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      [
        '1. pasted.txt line 1  PS 3',
        '   SUCCESS line: - cinder-tempest-acme-fc https://ci.acme.example/logs/cinder-tempest-acme-fc : SUCCESS in 58m 02s',
        "   judged by the Zuul report's jobs: cinder-tempest-acme-fc SUCCESS",
        '   counts',
      ].join('\n'),
    );
    expect(result.stdout).toMatch(
      /2\. pasted\.txt line 8 {2}PS 4\n {3}does not count: none of the driver's jobs in the report \(it has cinder-tempest-bolt-iscsi; see ci\.jobs\)/,
    );
    expect(result.stdout).toContain('1 of 2 comments would count, judged on the text alone');
  });

  it('reads standard input with -, and gives JSON for scripts', async () => {
    const result = await run(
      ['--driver', 'openstack/cinder:Acme:FC', '--message', '-', '--format', 'json'],
      otherDriver,
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      comments: [
        {
          timestamp: null,
          change_number: null,
          patch_set: 4,
          branch: null,
          release: null,
          line_number: 1,
          counts: false,
          ci_result: null,
          line: null,
          judged_by: null,
          jobs: [],
          reasons: [
            "none of the driver's jobs in the report (it has cinder-tempest-bolt-iscsi; see ci.jobs)",
          ],
        },
      ],
    });
  });

  it("shows the closest lines when a block's patterns match nothing, and takes a block from the command line", async () => {
    const old = await run(['--driver', 'openstack/cinder:Acme:Old', '--message', 'pasted.txt']);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('does not count: pattern matched nothing — closest lines below');
    expect(old.stdout).toMatch(/closest to success_pattern \(acme, fc, success\): - cinder-tempest-acme-fc /);
    const vote = await run(
      ['--ci-id', 'acme-ci', '--message', '-'],
      'Patch Set 1: Verified+1\n\nAll good.\n',
    );
    expect(vote.code).toBe(0);
    expect(vote.stdout).toContain(
      '   SUCCESS line: Patch Set 1: Verified+1\n   judged by the Verified vote (no job lines)\n   counts',
    );
  });

  it('says where a message file is missing', async () => {
    const result = await run(['--driver', 'openstack/cinder:Acme:FC', '--message', 'nope.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.txt');
  });
});
