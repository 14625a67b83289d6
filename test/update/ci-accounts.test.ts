// A ci block with only a wiki name: update finds its account (full name, then username), keeps it in the scan
// state, asks again only when the block changes or after 30 days, and does not scan a driver whose wiki name
// names no account or several. The clock is injected.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Ci, Driver } from '../../backend/model/types.ts';
import { describeOutcome, runUpdate } from '../../backend/update/run-update.ts';
import type { SimAccount } from '../../dev/gerrit-simulator/index.ts';
import {
  change,
  cli,
  driver,
  message,
  pass,
  readRegistry,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2024-06-01T00:00:00Z');
const SINCE = Date.parse('2024-01-01T00:00:00Z');

const accounts: SimAccount[] = [
  { _account_id: 2, username: 'jdev', name: 'Jane Developer' },
  // Only the full name matches the wiki name; another account's name starts with it.
  { _account_id: 10, username: 'tpci-7', name: 'Acme Storage CI' },
  { _account_id: 11, username: 'acme-legacy', name: 'Acme Storage CI Legacy' },
  // Two accounts with one full name.
  { _account_id: 12, username: 'bolt-ci', name: 'Bolt CI' },
  { _account_id: 13, username: 'bolt-ci-old', name: 'Bolt CI' },
  // A username that is the wiki name.
  { _account_id: 14, username: 'Crane_CI', name: 'Crane Systems' },
];

const wiki = (name: string, wikiName: string, extra: Partial<Ci> = {}): Driver =>
  driver({ name, ci: { wiki_name: wikiName, ...extra } });

const drivers = [
  wiki('Acme FC', 'Acme_Storage_CI', { jobs: ['acme-iscsi'] }),
  wiki('Bolt', 'Bolt_CI'),
  wiki('Crane', 'Crane_CI'),
  wiki('Nobody', 'Nobody_CI'),
];

const history = [
  change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] }),
  change(101, { messages: [message(12, '2024-05-02T10:00:00Z', 1, pass())] }),
  change(102, { messages: [message(14, '2024-05-03T10:00:00Z', 1, pass())] }),
];

const gerrit = useSimulator();
const io = { stdout: () => {}, stderr: () => {}, isTTY: false };

async function setUp() {
  // A copy of its own, which a test may change while the simulator serves it (accounts get renamed).
  const served = accounts.map((account) => ({ ...account }));
  const sim = await gerrit.start({ accounts: served, changes: history });
  const dir = tempDir('driverlog-ci-accounts-');
  const file = writeRegistry(dir, registry(drivers));
  const update = async (at: number) => {
    sim.resetStats();
    const outcome = await runUpdate({ dataFile: file, gerritUrl: sim.url, since: SINCE, io, now: () => at });
    return { outcome, accountQueries: sim.stats.byPath['/accounts/'] ?? 0, requests: sim.stats.requests };
  };
  return { served, dir, file, update };
}

const byName = (file: string, name: string) => readRegistry(file).drivers.find((d) => d.name === name)!;

describe('update: the CI account from the wiki name', () => {
  it('finds the account whose full name is the wiki name, or whose username it is, and records by it', async () => {
    const { file, update } = await setUp();
    const { outcome } = await update(NOW);
    expect(outcome.exitCode).toBe(0);
    expect(byName(file, 'Acme FC').verification?.Caracal).toMatchObject({ ci_id: 'tpci-7', ci_result: true });
    expect(byName(file, 'Crane').verification?.Caracal).toMatchObject({
      ci_id: 'Crane_CI',
      change_number: 102,
    });
    expect(readRegistry(file).scan_state?.ci_accounts).toMatchObject({
      'openstack/cinder:Acme:Acme FC': {
        wiki_name: 'Acme_Storage_CI',
        username: 'tpci-7',
        looked_up: '2024-06-01T00:00:00Z',
      },
      'openstack/cinder:Acme:Crane': { wiki_name: 'Crane_CI', username: 'Crane_CI' },
    });
  });

  it('does not scan a driver whose wiki name names several accounts or none, and says so with the candidates', async () => {
    const { dir, file, update } = await setUp();
    const { outcome } = await update(NOW);
    expect(outcome.summary?.unresolved_accounts).toEqual([
      {
        driver: 'openstack/cinder:Acme:Bolt',
        wiki_name: 'Bolt_CI',
        candidates: ['bolt-ci', 'bolt-ci-old'],
        message:
          '2 Gerrit accounts are named "Bolt CI" (bolt-ci, bolt-ci-old); set ci.id to the CI\'s username',
      },
      {
        driver: 'openstack/cinder:Acme:Nobody',
        wiki_name: 'Nobody_CI',
        message:
          'no Gerrit account is named "Nobody CI" or has the username Nobody_CI; set ci.id to the CI\'s username',
      },
    ]);
    // bolt-ci commented, but which of the two accounts is the CI is not for update to guess.
    expect(byName(file, 'Bolt').verification).toBeUndefined();
    expect(outcome.summary?.drivers.scanned).toBe(2);
    expect(outcome.kind === 'scanned' && describeOutcome(outcome).stdout).toContain(
      '  not scanned: openstack/cinder:Acme:Bolt: 2 Gerrit accounts are named "Bolt CI" (bolt-ci, bolt-ci-old); set ci.id',
    );
    expect(readRegistry(file).scan_state?.ci_accounts?.['openstack/cinder:Acme:Bolt']).toEqual({
      wiki_name: 'Bolt_CI',
      candidates: ['bolt-ci', 'bolt-ci-old'],
      looked_up: '2024-06-01T00:00:00Z',
    });
    const audit = await cli(['audit', '--as-of', '2024-06-02', '--format', 'json'], { cwd: dir });
    const findings = (
      JSON.parse(audit.stdout) as { findings: Array<Record<string, unknown>> }
    ).findings.filter((f) => f.kind === 'account-not-found');
    expect(findings).toEqual([
      {
        kind: 'account-not-found',
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Bolt',
        wiki_name: 'Bolt_CI',
        candidates: ['bolt-ci', 'bolt-ci-old'],
      },
      {
        kind: 'account-not-found',
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Nobody',
        wiki_name: 'Nobody_CI',
      },
    ]);
    const text = await cli(['audit', '--as-of', '2024-06-02'], { cwd: dir });
    expect(text.stdout).toContain('2 Gerrit accounts are named "Bolt CI" (bolt-ci, bolt-ci-old)');
  });

  it('asks once per run, then not again on an incremental run, nor within 30 days', async () => {
    const { update } = await setUp();
    const first = await update(NOW);
    // Per wiki name one name query; then by username: Crane_CI is found active, Nobody_CI not even inactive.
    expect(first.accountQueries).toBe(4 + 1 + 2);
    expect(first.outcome.summary?.account_requests).toBe(7);
    const next = await update(NOW + DAY);
    expect(next.accountQueries).toBe(0);
    expect(next.requests).toBe(1);
    expect(next.outcome.summary?.projects.map((p) => p.mode)).toEqual(['incremental']);
    const later = await update(NOW + 29 * DAY);
    expect(later.accountQueries).toBe(0);
  });

  it('looks up again after 30 days, and when the ci block changed', async () => {
    const { file, update } = await setUp();
    await update(NOW);
    const stale = await update(NOW + 30 * DAY);
    expect(stale.accountQueries).toBe(7);
    // A changed block is looked up again (and rescanned), the others are not.
    const registryNow = readRegistry(file);
    registryNow.drivers.find((d) => d.name === 'Acme FC')!.ci = {
      wiki_name: 'Acme_Storage_CI',
      jobs: ['acme-fc'],
    };
    writeRegistry(file.replace(/\/default_data\.json$/, ''), registryNow);
    const changed = await update(NOW + 31 * DAY);
    expect(changed.accountQueries).toBe(1);
    expect(changed.outcome.summary?.projects.map((p) => p.reason)).toEqual(['new or changed ci block']);
    // The old records were made with another block: dropped, and acme-fc is not in the history.
    expect(byName(file, 'Acme FC').verification).toBeUndefined();
  });

  it('drops the records made by an account the wiki name no longer names, and rescans', async () => {
    const { served, file, update } = await setUp();
    await update(NOW);
    expect(byName(file, 'Acme FC').verification?.Caracal?.ci_id).toBe('tpci-7');
    // The CI moved to a new account, which now has the wiki name's full name; the old one was renamed.
    served.find((a) => a.username === 'tpci-7')!.name = 'Acme Old CI';
    served.push({ _account_id: 20, username: 'acme-new', name: 'Acme Storage CI' });
    const { outcome } = await update(NOW + 31 * DAY);
    expect(outcome.exitCode).toBe(0);
    expect(readRegistry(file).scan_state?.ci_accounts?.['openstack/cinder:Acme:Acme FC']?.username).toBe(
      'acme-new',
    );
    expect(outcome.summary?.projects.map((p) => [p.mode, p.reason])).toEqual([
      ['full', 'new or changed ci block'],
    ]);
    // tpci-7's comment is no evidence for the CI acme-new is.
    expect(byName(file, 'Acme FC').verification).toBeUndefined();
  });

  it('stops asking once Gerrit does not answer, names the drivers it could not look up, and exits 1', async () => {
    const { file } = await setUp();
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    await new Promise((closed) => server.close(closed));
    const outcome = await runUpdate({
      dataFile: file,
      gerritUrl: `http://127.0.0.1:${port}`,
      since: SINCE,
      io,
      now: () => NOW,
    });
    expect(outcome.exitCode).toBe(1);
    // Four wiki names, looked up two at a time: the first answers say nothing answers there.
    expect(outcome.summary?.account_requests).toBeLessThanOrEqual(2);
    expect(outcome.summary?.unresolved_accounts?.map((a) => [a.driver, a.error !== undefined])).toEqual(
      drivers.map((d) => [`openstack/cinder:Acme:${d.name}`, true]),
    );
    expect(readRegistry(file).scan_state).toBeUndefined();
  });
});
