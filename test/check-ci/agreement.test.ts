// check-ci tells vendors what update records. Both ask judgeComment; this test keeps it that way: over one
// simulated history, every comment check-ci says counts is one update's scan counts, for the same release, and
// the records update writes are the newest comments check-ci says count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGerritClient } from '../../backend/gerrit/client.ts';
import type { ChangeInfo } from '../../backend/gerrit/types.ts';
import { createReleaseMapper } from '../../backend/ci/release-map.ts';
import { driverKey, gerritProject } from '../../backend/model/driver-key.ts';
import { planScan } from '../../backend/update/plan.ts';
import { ProjectScan } from '../../backend/update/project-scan.ts';
import {
  generateHistory,
  gerritDate,
  startGerritSimulator,
  type GerritSimulator,
  type SimChange,
  type SimDataset,
  type SimMessage,
} from '../../dev/gerrit-simulator/index.ts';
import {
  change,
  historyRegistry,
  pass,
  cli,
  readRegistry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';

const SINCE = '2024-04-01T00:00:00Z';
const since = Date.parse(SINCE);
const registry = historyRegistry();

function history(): SimDataset {
  const generated = generateHistory({
    registry,
    seed: 31,
    changes: 90,
    start: Date.parse('2024-02-01T00:00:00Z'),
    end: Date.parse('2024-08-01T00:00:00Z'),
  });
  const acme = generated.accounts.find((account) => account.username === 'acme-ci')!._account_id;
  const comment = (ms: number, patchSet: number | undefined, id: string): SimMessage => ({
    id,
    author: acme,
    date: gerritDate(ms),
    message: `Patch Set ${patchSet ?? 1}:\n\n${pass('acme-fc')}`,
    // Gerrit leaves out the number for some messages: such a comment cannot be shown to be on the final one.
    _revision_number: patchSet as number,
  });
  const edges: SimChange[] = [
    // The window's first second counts; the second before it does not.
    change(900_001, { patchSet: 2, messages: [comment(since, 2, 'edge-at')] }),
    change(900_002, { patchSet: 2, messages: [comment(since - 1000, 2, 'edge-before')] }),
    change(900_003, { patchSet: 2, messages: [comment(since + 3_600_000, undefined, 'edge-unnamed')] }),
  ];
  return { accounts: generated.accounts, changes: [...generated.changes, ...edges] };
}

interface Judged {
  change_number: number;
  timestamp: string;
  patch_set: number | null;
  counts: boolean;
  release: string | null;
  ci_result: 'SUCCESS' | 'FAILURE' | null;
  reasons: string[];
}

const withCi = registry.drivers.filter((driver) => driver.ci !== undefined);

async function checkCiJson(url: string, dir: string, key: string): Promise<Judged[]> {
  const run = await cli(
    [
      'check-ci',
      '--driver',
      key,
      '--since',
      SINCE,
      '--limit',
      '5000',
      '--format',
      'json',
      '--gerrit-url',
      url,
    ],
    { cwd: dir },
  );
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { comments: Judged[] }).comments;
}

/** update's scan, one comment at a time: which release (if any) it records each comment for. */
async function scanEachComment(url: string, driverIndex: number): Promise<Map<string, string | null>> {
  const driver = registry.drivers[driverIndex]!;
  const project = gerritProject(driver);
  const plan = planScan(registry, url, since).projects.find((p) => p.project === project)!;
  const context = { gerritUrl: url, since, mapRelease: createReleaseMapper(registry.releases ?? []) };
  const client = createGerritClient({ baseUrl: url });
  const verdicts = new Map<string, string | null>();
  for await (const page of client.queryChanges(`project:${project}`)) {
    for (const full of page as ChangeInfo[]) {
      for (const message of full.messages ?? []) {
        if (message.author?.username !== driver.ci!.id) continue;
        const scan = new ProjectScan(plan, context);
        scan.addChange({ ...full, messages: [message] });
        const releases = [...(scan.result.candidates.get(driverIndex)?.keys() ?? [])];
        const timestamp = `${message.date.slice(0, 10)}T${message.date.slice(11, 19)}Z`;
        verdicts.set(`${full._number}@${timestamp}`, releases[0] ?? null);
      }
    }
  }
  return verdicts;
}

async function expectAgreement(url: string): Promise<void> {
  let compared = 0;
  let counted = 0;
  for (const driver of withCi) {
    const judged = await checkCiJson(url, dir, driverKey(driver));
    const scanned = await scanEachComment(url, registry.drivers.indexOf(driver));
    expect(judged.length).toBe(scanned.size);
    for (const comment of judged) {
      const id = `${comment.change_number}@${comment.timestamp}`;
      expect(scanned.has(id), id).toBe(true);
      expect(comment.counts ? comment.release : null, `${driverKey(driver)} ${id}`).toBe(scanned.get(id));
      compared += 1;
      if (comment.counts) counted += 1;
    }
  }
  // The history is large enough to hold both kinds, or the test would prove nothing.
  expect(compared).toBeGreaterThan(100);
  expect(counted).toBeGreaterThan(10);
  expect(counted).toBeLessThan(compared);
}

let sim: GerritSimulator;
let legacy: GerritSimulator;
let dir: string;
beforeAll(async () => {
  const dataset = history();
  sim = await startGerritSimulator({ dataset });
  // Gerrit before 3.10 does not name the final patch set unless asked for revisions, which the scan does not.
  legacy = await startGerritSimulator({ dataset, legacyRevisions: true });
  dir = tempDir('driverlog-agreement-');
  writeRegistry(dir, registry);
});
afterAll(async () => {
  await sim.close();
  await legacy.close();
});

describe('check-ci and update agree on every comment of one history', () => {
  it('judge each comment alike: counts, and for which release', async () => {
    await expectAgreement(sim.url);
  });

  // Gerrit before 3.10 names the final patch set only when asked for the current revision.
  it('alike on a Gerrit that does not name the final patch set unasked', async () => {
    await expectAgreement(legacy.url);
  });

  it('at the window edges and on a patch set Gerrit does not name', async () => {
    const judged = await checkCiJson(sim.url, dir, 'openstack/cinder:Acme:Acme FC');
    const edge = (number: number) => judged.find((comment) => comment.change_number === number)!;
    expect(edge(900_001)).toMatchObject({ counts: true, release: 'Caracal', patch_set: 2 });
    expect(edge(900_002)).toMatchObject({ counts: false });
    expect(edge(900_002).reasons).toEqual([`before the scan window (it starts ${SINCE}; see --since)`]);
    expect(edge(900_003)).toMatchObject({ counts: false, patch_set: null });
    expect(edge(900_003).reasons).toEqual(['not the final patch set (comment on PS ?, merged PS 2)']);
    const scanned = await scanEachComment(
      sim.url,
      registry.drivers.findIndex((d) => d.name === 'Acme FC'),
    );
    expect([...scanned].filter(([id]) => id.startsWith('90000')).sort()).toEqual([
      [`900001@${SINCE}`, 'Caracal'],
      ['900002@2024-03-31T23:59:59Z', null],
      ['900003@2024-04-01T01:00:00Z', null],
    ]);
  });

  it("update's records are the newest comments check-ci says count", async () => {
    const run = await cli(['update', '--gerrit-url', sim.url, '--since', SINCE], { cwd: dir });
    expect(run.code).toBe(0);
    const written = readRegistry(`${dir}/default_data.json`);
    for (const driver of withCi) {
      const judged = await checkCiJson(sim.url, dir, driverKey(driver));
      const newest = new Map<string, Judged>();
      for (const comment of judged) {
        if (!comment.counts || comment.release === null) continue;
        const known = newest.get(comment.release);
        const key = (c: Judged) => [c.timestamp, String(c.change_number).padStart(9, '0')].join(' ');
        if (!known || key(comment) >= key(known)) newest.set(comment.release, comment);
      }
      const records = written.drivers.find((d) => driverKey(d) === driverKey(driver))?.verification ?? {};
      expect(Object.keys(records).sort(), driverKey(driver)).toEqual([...newest.keys()].sort());
      for (const [release, comment] of newest) {
        expect(records[release], `${driverKey(driver)} ${release}`).toMatchObject({
          ci_result: comment.ci_result === 'SUCCESS',
          timestamp: comment.timestamp,
        });
      }
    }
  });
});
