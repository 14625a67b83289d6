import { describe, expect, it } from 'vitest';
import { withJobTrailer } from '../../backend/model/job-trailer.ts';
import { messageRepo } from '../helpers/message-repo.ts';
import { cli } from '../helpers/update-fixtures.ts';

const repo = messageRepo;

describe('driverlog job-commits', () => {
  it("lists the commits since REF that carry the job's trailer, by validate's rule", async () => {
    const { dir, git, commit } = repo();
    commit(withJobTrailer('sync: before the branch', 'sync'));
    git('checkout', '-q', '-b', 'pr');
    const synced = commit(withJobTrailer('sync: cinder (1 change)', 'sync'));
    commit(withJobTrailer('cinder: Acme passes', 'update'));
    commit('Add Acme docs\r\rDriverLog-Job: sync\r');
    commit('Add Acme docs\u2028\u2028DriverLog-Job: sync');
    commit('Body trailer\n\nDriverLog-Job: sync\n\nnot the last paragraph');
    const run = await cli(['job-commits', '--job', 'sync', '--since', 'main'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${synced} sync: cinder (1 change)\n`);
    const none = await cli(['job-commits', '--job', 'update', '--since', 'HEAD'], { cwd: dir });
    expect([none.code, none.stdout]).toEqual([0, '']);
  });

  it('fails (exit 2) rather than answering "none" when it cannot tell', async () => {
    const { dir } = repo();
    const unknown = await cli(['job-commits', '--job', 'sync', '--since', 'origin/nowhere'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/origin\/nowhere/);
    const option = await cli(['job-commits', '--job', 'sync', '--since', '--output=x'], { cwd: dir });
    expect(option.code).toBe(2);
    const job = await cli(['job-commits', '--job', 'format', '--since', 'main'], { cwd: dir });
    expect([job.code, job.stderr]).toEqual([2, expect.stringMatching(/--job must be update or sync/)]);
  });
});
