// `recent`, over real HTTP against the simulator: the newest 10 counting comments per driver and release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsFileOf } from '../../backend/model/runs-file.ts';
import type { Registry, Run, VerificationRecord } from '../../backend/model/types.ts';
import {
  change,
  cli,
  driver,
  fail,
  message,
  pass,
  readRegistry,
  registry,
  tempDir,
  updateWithReport,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const gerrit = useSimulator();

async function update(dir: string) {
  const run = await updateWithReport(gerrit.current.url, dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.report;
}

const caracal = (file: string): VerificationRecord | undefined =>
  readRegistry(file).drivers[0]?.verification?.Caracal;
const runsOf = (file: string) =>
  (caracal(file)?.recent ?? []).map(
    (r) => `${r.change_number}@${r.timestamp}:${r.ci_result ? 'pass' : 'fail'}`,
  );
const day = (n: number, hour = 10) =>
  `2024-05-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Merged change `number` with one passing (odd days) or failing CI comment on `day`. */
const daily = (number: number, n: number) =>
  change(number, { messages: [message(10, day(n), 1, n % 2 ? pass() : fail())] });

describe('recent: the newest counting comments per driver and release', () => {
  it('keeps the newest 10, newest first, rechecks as runs of their own, ties by the higher change', async () => {
    await gerrit.start([
      change(100, {
        patchSet: 2,
        messages: [
          message(10, day(1, 8), 1, pass()), // an older patch set: not a run
          message(10, day(1, 9), 2, pass()),
          message(10, day(1, 10), 2, fail()), // recheck
          message(10, day(1, 11), 2, pass()), // recheck
        ],
      }),
      ...Array.from({ length: 10 }, (_, i) => daily(101 + i, 2 + i)),
      change(111, { messages: [message(10, day(20), 1, pass())] }),
      change(112, { messages: [message(10, day(20), 1, fail())] }),
      change(113, { status: 'NEW', messages: [message(10, day(21), 1, pass())] }), // not merged
      change(114, { messages: [message(11, day(22), 1, pass())] }), // another CI
    ]);
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    await update(dir);
    expect(runsOf(file)).toEqual([
      `112@${day(20)}:fail`,
      `111@${day(20)}:pass`,
      ...Array.from({ length: 8 }, (_, i) => `${110 - i}@${day(11 - i)}:${(11 - i) % 2 ? 'pass' : 'fail'}`),
    ]);
    // The record itself is the newest run, as before.
    expect(caracal(file)).toMatchObject({ change_number: 112, ci_result: false, timestamp: day(20) });

    // With fewer runs, every recheck of change 100 is there, newest first.
    await gerrit.current.close();
    await gerrit.start([
      change(100, {
        patchSet: 2,
        messages: [
          message(10, day(1, 9), 2, pass()),
          message(10, day(1, 10), 2, fail()),
          message(10, day(1, 11), 2, pass()),
        ],
      }),
    ]);
    const fresh = tempDir();
    const freshFile = writeRegistry(fresh, registry());
    await update(fresh);
    expect(runsOf(freshFile)).toEqual([
      `100@${day(1, 11)}:pass`,
      `100@${day(1, 10)}:fail`,
      `100@${day(1, 9)}:pass`,
    ]);
  });

  it('writes each run on one line of the runs file, and a run with nothing new leaves both files byte-identical', async () => {
    await gerrit.start(Array.from({ length: 4 }, (_, i) => daily(101 + i, 2 + i)));
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    await update(dir);
    const runsFile = join(dir, 'default_data.runs.json');
    const text = readFileSync(file, 'utf8');
    const runsText = readFileSync(runsFile, 'utf8');
    const runLines = runsText.split('\n').filter((line) => line.includes('"timestamp"'));
    expect(runLines.map((line) => line.trim())).toEqual(
      [5, 4, 3, 2].map(
        (n, i) =>
          `{ "timestamp": "${day(n)}", "change_number": ${99 + n}, "patch_set": 1, "ci_result": ${n % 2 === 1} }${i < 3 ? ',' : ''}`,
      ),
    );
    // The registry keeps the record, and no run at all.
    expect(text).not.toContain('"recent"');
    expect(text).not.toContain('"change_number": 103');
    expect(caracal(file)).toMatchObject({ change_number: 104, recent: expect.any(Array) as unknown });

    const again = await update(dir);
    expect(again.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readFileSync(runsFile, 'utf8')).toBe(runsText);
    expect((await cli(['format', '--check', file], { cwd: dir })).code).toBe(0);
    const validate = await cli(['validate', file], { cwd: dir });
    expect(validate.stdout).toContain('0 errors, 0 warnings');
    expect(validate.code).toBe(0);
  });

  it('places a late comment read across an incremental boundary by its time, as one run would', async () => {
    const open = change(200, { status: 'NEW', messages: [message(10, day(3, 12), 1, fail())] });
    await gerrit.start([daily(101, 3), daily(102, 4), open]);
    const twice = tempDir();
    const file = writeRegistry(twice, registry());
    await update(twice);
    expect(runsOf(file)).toEqual([`102@${day(4)}:fail`, `101@${day(3)}:pass`]);
    // Merged a week later: its comment is older than the saved scan position.
    gerrit.current.upsertChange({
      ...open,
      status: 'MERGED',
      updated: '2024-05-10 00:00:00.000000000',
      submitted: '2024-05-10 00:00:00.000000000',
    });
    const second = await update(twice);
    expect(second.projects.map((p) => p.mode)).toEqual(['incremental']);
    expect(runsOf(file)).toEqual([`102@${day(4)}:fail`, `200@${day(3, 12)}:fail`, `101@${day(3)}:pass`]);

    const once = tempDir();
    const onceFile = writeRegistry(once, registry());
    await update(once);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(onceFile, 'utf8'));
    expect(readFileSync(runsFileOf(file), 'utf8')).toBe(readFileSync(runsFileOf(onceFile), 'utf8'));
  });

  it('merges with the runs already in the file, also those outside the window: the newest 10 of the union', async () => {
    const old: Run[] = [3, 2, 1].map((n) => ({
      timestamp: `2023-12-0${n}T10:00:00Z`,
      change_number: 90 + n,
      patch_set: 1,
      ci_result: n !== 2,
    }));
    const seeded: Registry = registry([
      driver({
        verification: {
          Caracal: {
            ci_result: true,
            review_url: 'https://review.example.org/c/openstack/cinder/+/93',
            change_number: 93,
            patch_set: 1,
            branch: 'stable/2024.1',
            ci_id: 'acme-ci',
            comment: '- acme-iscsi https://ci.acme.example/1 : SUCCESS in 1h 02m',
            timestamp: '2023-12-03T10:00:00Z',
            recent: old,
          },
        },
      }),
    ]);
    await gerrit.start([daily(101, 3), daily(102, 4)]);
    const dir = tempDir();
    const file = writeRegistry(dir, seeded);
    await update(dir);
    expect(runsOf(file)).toEqual([
      `102@${day(4)}:fail`,
      `101@${day(3)}:pass`,
      '93@2023-12-03T10:00:00Z:pass',
      '92@2023-12-02T10:00:00Z:fail',
      '91@2023-12-01T10:00:00Z:pass',
    ]);
    expect(caracal(file)).toMatchObject({ change_number: 102, last_success: { timestamp: day(3) } });

    // Eight more runs: the union has 13, the oldest 3 (the file's) fall out.
    for (let i = 0; i < 8; i++) gerrit.current.upsertChange(daily(103 + i, 5 + i));
    await update(dir);
    const runs = runsOf(file);
    expect(runs).toHaveLength(10);
    expect(runs[0]).toBe(`110@${day(12)}:fail`);
    expect(runs.at(-1)).toBe(`101@${day(3)}:pass`);
  });

  it('drops the runs when the ci block changes, and rebuilds them from the window', async () => {
    await gerrit.start([daily(101, 3), daily(102, 4)]);
    const dir = tempDir();
    const file = writeRegistry(dir, registry());
    await update(dir);
    const kept = readRegistry(file);
    // A run from before the window, as an earlier, longer window would have left it.
    kept.drivers[0]!.verification!.Caracal!.recent!.push({
      timestamp: '2023-11-01T10:00:00Z',
      change_number: 50,
      patch_set: 1,
      ci_result: true,
    });
    writeRegistry(dir, kept);
    await update(dir);
    expect(runsOf(file)).toHaveLength(3);

    const edited = readRegistry(file);
    edited.drivers[0]!.ci = { ...edited.drivers[0]!.ci!, failure_pattern: 'acme-iscsi \\S+ : FAILURE' };
    writeRegistry(dir, edited);
    const report = await update(dir);
    expect(report.projects[0]).toMatchObject({ mode: 'full', reason: 'new or changed ci block' });
    expect(runsOf(file)).toEqual([`102@${day(4)}:fail`, `101@${day(3)}:pass`]);
  });
});
