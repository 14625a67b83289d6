import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateHistory, type GerritSimulator, type SimChange } from '../../dev/gerrit-simulator/index.ts';
import { runUpdate } from '../../backend/update/run-update.ts';
import {
  change,
  cli,
  driver,
  fail,
  historyAt,
  historyRegistry,
  message,
  onePass,
  pass,
  readRegistry,
  registry as smallRegistry,
  tempDir,
  updateWithReport,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const small = () => smallRegistry([driver()]);

const START = Date.parse('2024-01-01T00:00:00Z');
const END = Date.parse('2024-09-01T00:00:00Z');
const registry = historyRegistry();
const dataset = generateHistory({
  registry,
  seed: 42,
  changes: 400,
  messagesPerChange: 14,
  start: START,
  end: END,
});

const gerrit = useSimulator();
const update = (dir: string, extra: string[] = []) =>
  updateWithReport(gerrit.current.url, dir, { since: '2024-01-15', extra });

describe('driverlog update: incremental runs', () => {
  it('gives exactly the file one run over the whole history gives, asking only for what is new', async () => {
    const cut = Date.parse('2024-06-10T12:00:00Z');
    const sim = await gerrit.start(
      { accounts: dataset.accounts, changes: historyAt(dataset.changes, cut) },
      { maxLimit: 100 },
    );
    const twice = tempDir();
    const file = writeRegistry(twice, registry);
    const first = await update(twice);
    expect(first.code).toBe(0);
    const afterFirst = readFileSync(file, 'utf8');

    // New activity: later comments, changes merged since (with comments older than the first run), new changes.
    for (const change of dataset.changes) sim.upsertChange(change);
    const second = await update(twice);
    expect(second.code).toBe(0);
    expect(second.report.projects.every((p) => p.mode === 'incremental')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toBe(afterFirst);

    const once = tempDir();
    const onceFile = writeRegistry(once, registry);
    const full = await update(once);
    expect(full.code).toBe(0);
    expect(second.report.changes_read).toBeLessThan(full.report.changes_read / 2);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(onceFile, 'utf8'));
    expect(Object.keys(readRegistry(file).drivers[0]?.verification ?? {}).length).toBeGreaterThan(0);
    // What update writes is what validate accepts and format would write.
    const validate = await cli(['validate', file], { cwd: twice });
    expect(validate.stdout + validate.stderr).toContain('0 errors');
    expect(validate.code).toBe(0);
    expect((await cli(['format', '--check', file], { cwd: twice })).code).toBe(0);
  });

  it('leaves the file byte-identical when nothing is new, with one request per project', async () => {
    await gerrit.start(dataset);
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    await update(dir);
    const before = { text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs };
    const again = await update(dir);
    expect(again.report.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before.text);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(again.report.projects.map((p) => p.requests)).toEqual([1, 1, 1]);
  });

  it('rescans a driver whose ci block changed, dropping its old records', async () => {
    await gerrit.start(dataset);
    const dir = tempDir();
    const file = writeRegistry(dir, registry);
    await update(dir);
    const scanned = readRegistry(file);
    expect(scanned.drivers[2]?.verification).toBeDefined();
    const edited = structuredClone(scanned);
    edited.drivers[2]!.ci = {
      id: 'bolt-ci',
      success_pattern: 'NOTHING-MATCHES',
      failure_pattern: 'NOR-THIS',
    };
    edited.drivers[1]!.ci = {
      ...edited.drivers[1]!.ci!,
      failure_pattern: 'acme-iscsi \\S+ : (FAILURE|ERROR)',
    };
    writeRegistry(dir, edited);
    const second = await update(dir);
    expect(second.report.projects.find((p) => p.project === 'openstack/cinder')).toMatchObject({
      mode: 'full',
      reason: 'new or changed ci block',
    });
    const result = readRegistry(file);
    expect(result.drivers[2]?.verification).toBeUndefined();
    // Same result as a first scan with the new blocks: the old records are gone, not merged.
    const fresh = tempDir();
    const unscanned = structuredClone(edited);
    delete unscanned.scan_state;
    for (const d of unscanned.drivers) delete d.verification;
    const freshFile = writeRegistry(fresh, unscanned);
    await update(fresh);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(freshFile, 'utf8'));
  });

  it('gives the same file with transient faults as without', async () => {
    const sim = await gerrit.start(dataset, { maxLimit: 50 });
    const clean = tempDir();
    const cleanFile = writeRegistry(clean, registry);
    await update(clean);
    const faulty = tempDir();
    const faultyFile = writeRegistry(faulty, registry);
    sim.injectFaults(
      { fault: { kind: 'status', status: 503 }, times: 2, match: { query: /S=100/ } },
      { fault: { kind: 'reset' }, times: 1, match: { query: /S=50/ } },
      { fault: { kind: 'truncate' }, times: 1, match: { query: /S=150/ } },
      { fault: { kind: 'retry-after', seconds: 0 }, times: 2 },
    );
    const outcome = await runUpdate({
      dataFile: faultyFile,
      gerritUrl: sim.url,
      since: Date.parse('2024-01-15T00:00:00Z'),
      io: { stdout: () => {}, stderr: () => {}, isTTY: false },
      client: { sleep: async () => {} },
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.summary?.retries).toBeGreaterThan(0);
    expect(readFileSync(faultyFile, 'utf8')).toBe(readFileSync(cleanFile, 'utf8'));
  });
});

describe('driverlog update: two runs equal one, case by case', () => {
  const since = ['--since', '2024-01-01'];
  /** Runs before and after `activity`, and once over the result; returns both files' records. */
  async function twoRunsAndOne(initial: SimChange[], activity: (sim: GerritSimulator) => void) {
    const sim = await gerrit.start(initial);
    const twice = tempDir();
    const file = writeRegistry(twice, small());
    await update(twice, since);
    activity(sim);
    const second = await update(twice, since);
    const once = tempDir();
    const onceFile = writeRegistry(once, small());
    await update(once, since);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(onceFile, 'utf8'));
    return { record: readRegistry(file).drivers[0]?.verification?.Caracal, second: second.report };
  }

  it('carries last_success from the file when a newer failure arrives', async () => {
    const { record } = await twoRunsAndOne(
      [
        change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] }),
        change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] }),
      ],
      (s) => s.upsertChange(change(102, { messages: [message(10, '2024-05-03T10:00:00Z', 1, fail())] })),
    );
    expect(record).toMatchObject({
      change_number: 102,
      last_success: { review_url: expect.stringMatching(/\/100$/) },
    });
  });

  it("turns the file's passing record into last_success when a failure arrives", async () => {
    const { record } = await twoRunsAndOne(onePass(), (s) =>
      s.upsertChange(change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] })),
    );
    expect(record).toMatchObject({ change_number: 101, last_success: { timestamp: '2024-05-01T10:00:00Z' } });
  });

  it('counts an old comment on a change merged after the first run', async () => {
    const open = change(100, { status: 'NEW', messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] });
    const { record } = await twoRunsAndOne(
      [open, change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] })],
      (s) =>
        s.upsertChange({
          ...open,
          status: 'MERGED',
          updated: '2024-05-05 10:00:00.000000000',
          submitted: '2024-05-05 10:00:00.000000000',
        }),
    );
    expect(record).toMatchObject({
      change_number: 101,
      last_success: { review_url: expect.stringMatching(/\/100$/) },
    });
  });

  it('sees a change updated later in the same second as the saved position', async () => {
    const { record } = await twoRunsAndOne(
      [
        change(100, { messages: [message(10, '2024-05-01T10:00:00.200Z', 1, fail())] }),
        change(101, { messages: [message(2, '2024-04-20T10:00:00Z', 1, 'Looks good')] }),
      ],
      (s) => s.addMessage(101, message(10, '2024-05-01T10:00:00.700Z', 1, pass())),
    );
    // Same second: the higher change number wins, so the late comment must have been read.
    expect(record).toMatchObject({ change_number: 101, ci_result: true });
  });
});
