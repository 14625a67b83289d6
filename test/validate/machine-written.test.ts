import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/index.ts';
import { commitsChanging, mergeBaseWithHead, showFileAt } from '../../backend/common/git.ts';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { parseJsonSource } from '../../backend/json/source.ts';
import type { Registry } from '../../backend/model/types.ts';
import { withJobTrailer } from '../../backend/model/job-trailer.ts';
import { machineWrittenProblems } from '../../backend/validate/machine-written.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';
import {
  ACCOUNTS,
  change,
  cli,
  message,
  pass,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';

// A registry repository with a main branch and a vendor's pull request branch, as on GitHub: the update
// job commits evidence to main (with its trailer); vendors change drivers on branches.

const FILE = 'default_data.json';
let dir: string;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' });
const read = (): Registry => JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as Registry;
const commit = (change: (r: Registry) => void, message: string): void => {
  const registry = read();
  change(registry);
  writeFileSync(join(dir, FILE), formatRegistry(registry));
  git('commit', '-q', '-am', message);
};
const problems = async (ref: string) => {
  const text = readFileSync(join(dir, FILE), 'utf8');
  const found = await machineWrittenProblems(FILE, parseJsonSource(text), ref, {
    textAt: (revision) => showFileAt(dir, FILE, revision),
    mergeBase: () => mergeBaseWithHead(dir, FILE, ref),
    commitsSince: (base) => commitsChanging(dir, FILE, base),
  });
  return found.map((p) => [p.pointer, p.line, p.message.split(' since')[0]]);
};
const lineOf = (needle: string): number =>
  readFileSync(join(dir, FILE), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

// The job's commit: first evidence for the Acme hypervisor (far from the iSCSI driver's lines, so that
// merges with the pull requests below are clean).
const jobVerifies = () =>
  commit(
    (r) =>
      (r.drivers[1]!.verification = {
        Rocky: {
          ...r.drivers[0]!.verification!.Rocky!,
          change_number: 600009,
          timestamp: '2018-10-01T10:00:00Z',
        },
      }),
    withJobTrailer('nova: Acme Acme hypervisor passes on Rocky', 'update'),
  );
// The attack of the issue: a passing record, dated in the future, for a release never tested.
const forge = (message = 'Add Acme docs') =>
  commit(
    (r) =>
      (r.drivers[0]!.verification!.Queens = {
        ...r.drivers[0]!.verification!.Rocky!,
        branch: 'stable/queens',
        timestamp: '2099-01-01T00:00:00Z',
      }),
    message,
  );

beforeEach(() => {
  dir = tempDir('driverlog-machine-');
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, FILE), formatRegistry(validRegistry()));
  git('add', FILE);
  git('commit', '-q', '-m', 'registry');
  git('branch', 'pr');
});

describe('validate --changed-since: fields only the jobs write', () => {
  it("refuses a pull request's forged evidence, naming the field and its line", async () => {
    git('checkout', '-q', 'pr');
    forge();
    expect(await problems('main')).toEqual([
      ['/drivers/0/verification/Queens', lineOf('"Queens": {'), 'verification/Queens was added'],
    ]);
  });

  it("accepts a branch that does not touch them while main's job moves on", async () => {
    git('checkout', '-q', 'main');
    jobVerifies();
    git('checkout', '-q', 'pr');
    commit((r) => (r.drivers[0]!.description = 'Block storage on Acme arrays, over iSCSI.'), 'Describe Acme');
    // The branch still holds the merge base's evidence; main holds the job's newer one: both are trusted.
    expect(await problems('main')).toEqual([]);
  });

  it("checks GitHub's merge of the pull request into main the same way", async () => {
    git('checkout', '-q', 'main');
    jobVerifies();
    git('checkout', '-q', 'pr');
    commit((r) => (r.drivers[0]!.description = 'Block storage on Acme arrays, over iSCSI.'), 'Describe Acme');
    git('checkout', '-q', '-b', 'pull-merge', 'main');
    git('merge', '-q', '--no-ff', '--no-edit', 'pr');
    expect(await problems('main')).toEqual([]);
    git('checkout', '-q', 'pr');
    forge();
    git('checkout', '-q', '-B', 'pull-merge', 'main');
    git('merge', '-q', '--no-ff', '--no-edit', 'pr');
    expect((await problems('main')).map(([pointer]) => pointer)).toEqual(['/drivers/0/verification/Queens']);
  });

  it("accepts the job's own commits in the range (a REF older than main), for the job's fields only", async () => {
    git('checkout', '-q', 'main');
    jobVerifies();
    expect(await problems('main~1')).toEqual([]);
    // Only `update` writes verification: a commit marked as sync's does not vouch for it.
    commit(
      (r) => (r.drivers[1]!.verification!.Rocky!.ci_result = false),
      withJobTrailer('sync: cinder (1 change)', 'sync'),
    );
    expect(await problems('main~2')).toEqual([
      [
        '/drivers/1/verification/Rocky/ci_result',
        lineOf('"ci_result": false'),
        'verification/Rocky/ci_result was changed',
      ],
    ]);
  });

  it('fails the command with exit 1, and an unknown REF with exit 2', async () => {
    git('checkout', '-q', 'pr');
    forge();
    const run = await cli(['validate', '--changed-since', 'main', FILE], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${FILE}:${lineOf('"Queens": {')}:9  error  machine-written  /drivers/0/verification/Queens: verification/Queens was added since main, but only \`driverlog update\` writes verification`,
    );
    const unknown = await cli(['validate', '--changed-since', 'origin/nowhere', FILE], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/origin\/nowhere/);
  });
});

// The trailer's writer and its reader agree: what `driverlog update --commit` commits passes, and the same
// change committed by anyone else does not.
describe("the update job's own commits", () => {
  let sim: GerritSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('pass validate --changed-since; the same change without the trailer does not', async () => {
    sim = await startGerritSimulator({
      dataset: {
        accounts: ACCOUNTS,
        changes: [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] })],
      },
    });
    dir = tempDir('driverlog-job-commit-');
    git('init', '-q', '-b', 'main');
    writeRegistry(dir, registry());
    git('add', FILE);
    git('commit', '-q', '-m', 'Add registry');
    git('config', 'user.name', 'DriverLog bot');
    git('config', 'user.email', 'bot@example.org');
    const update = await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01', '--commit'], {
      cwd: dir,
    });
    expect(update.code, update.stderr).toBe(0);
    expect(git('log', '-1', '--format=%B')).toMatch(/\n\nDriverLog-Job: update\n*$/);
    expect((await cli(['validate', '--changed-since', 'HEAD~1', FILE], { cwd: dir })).code).toBe(0);

    git('commit', '-q', '--amend', '-m', 'cinder: Acme iSCSI passes on Caracal');
    const forged = await cli(['validate', '--changed-since', 'HEAD~1', FILE], { cwd: dir });
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/machine-written .*verification was added since HEAD~1/);
  });
});
