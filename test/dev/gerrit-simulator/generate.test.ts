import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGerritTimestamp } from '../../../backend/gerrit/time.ts';
import { gerritProject } from '../../../backend/model/driver-key.ts';
import { compilePattern, searchLine } from '../../../backend/ci/pattern.ts';
import { parseReleaseDate, releaseBranch } from '../../../backend/model/releases.ts';
import type { Registry } from '../../../backend/model/types.ts';
import { generateHistory } from '../../../dev/gerrit-simulator/generate.ts';
import type { SimDataset } from '../../../dev/gerrit-simulator/types.ts';

const wiki = 'https://wiki.example.org';
const handMade: Registry = {
  projects: [
    { id: 'openstack/cinder', name: 'Cinder' },
    { id: 'openstack/neutron', name: 'Neutron' },
  ],
  releases: [
    { id: 'Yoga', wiki, start: '2022-03-30' },
    { id: 'Zed', wiki, start: '2022-Oct-05' },
    { id: 'Antelope', wiki, start: '2023-03-22', branch: 'stable/2023.1' },
    { id: 'Bobcat', wiki, start: '2023-10-04', branch: 'stable/2023.2' },
    { id: 'Caracal', wiki, start: '2024-04-03', branch: 'stable/2024.1' },
  ],
  drivers: [
    ci('openstack/cinder', 'Acme', 'acme-ci', 'acme-iscsi \\S+ : SUCCESS', 'acme-iscsi \\S+ : FAILURE'),
    ci('openstack/cinder', 'Acme', 'acme-ci', 'acme-fc \\S+ : SUCCESS', 'acme-fc \\S+ : FAILURE'),
    ci('openstack/cinder', 'Jen', 'jen-ci', 'Build Successful', 'Build Failed'),
    ci('openstack/cinder', 'Zed Storage', 'zs-ci', 'Build succeeded', 'Build failed'),
    ci('openstack/neutron', 'Net', 'net-ci', 'SUCCESS', 'FAILURE'),
    ci('openstack/neutron', 'Bro', 'bro-ci', 'Bro ML2: SUCCESS', 'Bro ML2: FAIL'),
    {
      ...ci('openstack/neutron', 'Plug', 'plug-ci', 'plug.build \\S+ : SUCCESS', 'plug.build \\S+ : FAILURE'),
      repo: 'openstack/networking-plug',
    },
    ci('openstack/neutron', 'Odd', 'odd-ci', '(PASSED|OK)', 'FAILED'),
  ],
};

function ci(
  project_id: string,
  vendor: string,
  id: string,
  success_pattern: string,
  failure_pattern: string,
) {
  return { project_id, vendor, name: `${vendor} ${id}`, ci: { id, success_pattern, failure_pattern } };
}

const upstreamFile = path.resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/driverlog-upstream/default_data.json',
);
const start = Date.UTC(2022, 0, 1);
const end = Date.UTC(2024, 11, 31);

describe('generateHistory', () => {
  const options = { registry: handMade, seed: 7, changes: 400, messagesPerChange: 20, start, end };
  const dataset = generateHistory(options);

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(generateHistory(options))).toBe(JSON.stringify(dataset));
    const other = generateHistory({ ...options, seed: 8 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(dataset));
  });

  it('has an account for every CI id, Zuul and people', () => {
    const usernames = dataset.accounts.map((a) => a.username);
    for (const driver of handMade.drivers) expect(usernames).toContain(driver.ci!.id);
    expect(usernames).toContain('zuul');
    expect(new Set(dataset.accounts.map((a) => a._account_id)).size).toBe(dataset.accounts.length);
  });

  it('keeps times consistent: ordered messages within [start, end], updated = newest message', () => {
    for (const change of dataset.changes) {
      const dates = change.messages.map((m) => parseGerritTimestamp(m.date));
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      expect(dates[0]).toBeGreaterThanOrEqual(start);
      expect(dates.at(-1)).toBeLessThanOrEqual(end);
      expect(change.updated).toBe(change.messages.at(-1)!.date);
      expect(change.created).toBe(change.messages[0]!.date);
      for (const m of change.messages)
        expect(m._revision_number).toBeLessThanOrEqual(change.current_revision_number);
    }
    const average = dataset.changes.reduce((n, c) => n + c.messages.length, 0) / dataset.changes.length;
    expect(average).toBeGreaterThan(14);
    expect(average).toBeLessThan(26);
  });

  it('writes messages as Gerrit does', () => {
    for (const change of dataset.changes) {
      expect(change.messages[0]!.message).toBe('Uploaded patch set 1.');
      for (const m of change.messages) {
        expect(m.message).toMatch(
          /^(Uploaded patch set \d+\.|Patch Set \d+:|Change has been successfully merged$|Abandoned$)/,
        );
      }
      if (change.status === 'MERGED') {
        expect(change.messages.at(-1)!.message).toBe('Change has been successfully merged');
        expect(change.submitted).toBe(change.updated);
      }
    }
    const all = dataset.changes.flatMap((c) => c.messages.map((m) => m.message));
    expect(all.some((m) => m.includes('Build succeeded (check pipeline).'))).toBe(true);
    expect(all.some((m) => m.includes('Build failed.') && /acme-(iscsi|fc) \S+ : SUCCESS/.test(m))).toBe(
      true,
    );
    expect(all.some((m) => /^Patch Set \d+: Verified\+1\n\n/.test(m))).toBe(true);
    expect(all.some((m) => /^Patch Set \d+:\n\nrecheck/.test(m))).toBe(true);
    expect(all.some((m) => m.startsWith('Build Successful', m.indexOf('\n\n') + 2))).toBe(true);
    const late = dataset.changes.some((c) =>
      c.messages.some(
        (m, i) =>
          m.author !== undefined &&
          c.messages.slice(0, i).some((p) => p.message === `Uploaded patch set ${m._revision_number + 1}.`),
      ),
    );
    expect(late).toBe(true);
  });

  it('puts changes only on branches that existed: stable/ after its release, unmaintained/ for old series', () => {
    const born = new Map(handMade.releases!.map((r) => [releaseBranch(r), parseReleaseDate(r.start)!]));
    const branches = new Set(dataset.changes.map((c) => c.branch));
    expect(branches).toContain('master');
    expect(branches).toContain('stable/2024.1');
    for (const change of dataset.changes) {
      if (change.branch === 'master') continue;
      const stable = change.branch.replace(/^unmaintained\//, 'stable/');
      expect(born.has(stable), change.branch).toBe(true);
      expect(parseGerritTimestamp(change.created)).toBeGreaterThanOrEqual(born.get(stable)!);
    }
    expect([...branches].some((b) => b.startsWith('unmaintained/'))).toBe(true);
    expect(dataset.changes.filter((c) => c.project === 'openstack/networking-plug').length).toBeGreaterThan(
      0,
    );
  });

  it('reports failures at about the failure rate', () => {
    const failing = generateHistory({
      registry: handMade,
      seed: 3,
      changes: 200,
      start,
      end,
      failureRate: 0.5,
    });
    const share = (d: SimDataset) => {
      const lines = d.changes.flatMap((c) => c.messages.flatMap((m) => m.message.split('\n')));
      const acme = lines.filter((l) => /^- acme-iscsi /.test(l));
      return acme.filter((l) => l.includes(': FAILURE')).length / acme.length;
    };
    expect(share(failing)).toBeGreaterThan(0.35);
    expect(share(dataset)).toBeLessThan(0.3);
  });
});

/** Share of (CI comment × driver of that CI on the project) where a line matches the driver's own patterns. */
function matchShare(
  registry: Registry,
  dataset: SimDataset,
): { share: number; comments: number; drivers: Set<string> } {
  const ids = new Map(dataset.accounts.map((a) => [a._account_id, a.username]));
  let hits = 0;
  let comments = 0;
  const matched = new Set<string>();
  for (const change of dataset.changes) {
    for (const message of change.messages) {
      const username = message.author === undefined ? undefined : ids.get(message.author);
      const drivers = registry.drivers.filter(
        (d) => d.ci?.id === username && gerritProject(d) === change.project,
      );
      if (drivers.length === 0 || message.message.includes('Starting check jobs.')) continue;
      const lines = message.message.split('\n');
      for (const driver of drivers) {
        comments++;
        const patterns = [driver.ci!.success_pattern!, driver.ci!.failure_pattern!].map(compilePattern);
        if (lines.some((line) => patterns.some((p) => p.ok && searchLine(p.regex, line)))) {
          hits++;
          matched.add(`${driver.project_id}:${driver.vendor}:${driver.name}`);
        }
      }
    }
  }
  return { share: hits / comments, comments, drivers: matched };
}

describe("CI comments match their drivers' own patterns", () => {
  it('for a hand-made registry (only the uninvertible pattern falls back)', () => {
    const dataset = generateHistory({ registry: handMade, seed: 11, changes: 300, start, end });
    const { share, comments } = matchShare(handMade, dataset);
    expect(comments).toBeGreaterThan(300);
    expect(share).toBeGreaterThan(0.85);
  });

  it.skipIf(!existsSync(upstreamFile))('for the original DriverLog registry', () => {
    const registry = JSON.parse(readFileSync(upstreamFile, 'utf8')) as Registry;
    const dataset = generateHistory({
      registry,
      seed: 5,
      changes: 3000,
      start: Date.UTC(2015, 0, 1),
      end: Date.UTC(2018, 8, 1),
    });
    const { share, comments, drivers } = matchShare(registry, dataset);
    expect(comments).toBeGreaterThan(3000);
    expect(share).toBeGreaterThan(0.95);
    const withCi = registry.drivers.filter((d) => d.ci).length;
    expect(drivers.size / withCi).toBeGreaterThan(0.8);
  });
});
