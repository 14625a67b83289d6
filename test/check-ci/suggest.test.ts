// check-ci --suggest over a simulated history: it tells Zuul reports from other comments, counts each job's
// passes and failures as the reports show them, proposes a block, and judges the last comments by it as update would.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHistory, type SimDataset } from '../../dev/gerrit-simulator/index.ts';
import { cli, driver, registry, tempDir, writeRegistry } from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const history = registry([
  driver({ name: 'FC', ci: { wiki_name: 'Acme_Storage_CI', jobs: ['cinder-tempest-acme-.*'] } }),
  driver({ vendor: 'Bolt', name: 'Bolt', ci: { wiki_name: 'Bolt_CI' } }),
  driver({
    vendor: 'Jen',
    name: 'Jen',
    ci: { id: 'jen-ci', success_pattern: 'Build Successful', failure_pattern: 'Build Failed' },
  }),
]);

const gerrit = useSimulator('all');
let dataset: SimDataset;
let dir: string;
beforeAll(async () => {
  dataset = generateHistory({
    registry: history,
    seed: 5,
    changes: 60,
    start: Date.parse('2024-04-10T00:00:00Z'),
    end: Date.parse('2024-07-01T00:00:00Z'),
    sameNameAccounts: ['Bolt_CI'],
  });
  await gerrit.start(dataset);
  dir = tempDir('driverlog-suggest-');
  writeRegistry(dir, history);
});

const suggest = (account: string, extra: string[] = []) =>
  cli(
    [
      'check-ci',
      '--suggest',
      '--project',
      'openstack/cinder',
      '--account',
      account,
      '--since',
      '2024-01-01',
      '--gerrit-url',
      gerrit.current.url,
      ...extra,
    ],
    { cwd: dir },
  );

/** The jobs of an account's reports as the history holds them: name → [passed, failed]. */
function tally(username: string): Map<string, [number, number]> {
  const id = dataset.accounts.find((a) => a.username === username)!._account_id;
  const counts = new Map<string, [number, number]>();
  for (const change of dataset.changes)
    for (const message of change.messages) {
      if (message.author !== id) continue;
      for (const [, name, result] of message.message.matchAll(/^- (\S+) (?:\S+ )?: (\S+)/gm)) {
        const seen = counts.get(name!) ?? [0, 0];
        if (result === 'SKIPPED') continue;
        seen[/FAILURE|TIMED_OUT|NODE_FAILURE/.test(result!) ? 1 : 0] += 1;
        counts.set(name!, seen);
      }
    }
  return counts;
}

describe('driverlog check-ci --suggest', () => {
  it('finds the account by its full name, counts its jobs, proposes a block and judges the last comments by it', async () => {
    const result = await suggest('Acme Storage CI', ['--limit', '3']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const username = dataset.accounts.find((a) => a.name === 'Acme Storage CI')!.username;
    expect(result.stdout).toMatch(
      new RegExp(
        `^Account ${username} \\(Acme Storage CI\\), found by its full name: \\d+ recent comments on openstack/cinder read\\.`,
      ),
    );
    const id = dataset.accounts.find((a) => a.username === username)!._account_id;
    const comments = dataset.changes.flatMap((c) => c.messages.filter((m) => m.author === id));
    const reports = comments.filter((m) => /^Build (succeeded|failed)/m.test(m.message)).length;
    expect(reports).toBeLessThan(comments.length);
    expect(result.stdout).toContain(`\n${reports} of ${comments.length} are Zuul reports`);
    const counts = tally(username);
    expect(counts.size).toBeGreaterThan(1);
    for (const [name, [passed, failed]] of counts)
      expect(result.stdout).toMatch(
        new RegExp(`\\n  ${name}(?: \\(non-voting\\))? +passed ${passed}, failed ${failed}\\b`),
      );
    expect(result.stdout).toContain(
      `Proposed ci block (paste it into the driver):\n"ci": {\n  "id": "${username}"\n}`,
    );
    const judged = result.stdout.slice(
      result.stdout.indexOf('How the last 3 comments would be judged by it:'),
    );
    expect(judged.match(/^\d\. /gm)).toHaveLength(3);
    expect(judged).toMatch(/judged by the Zuul report's jobs/);
  });

  it('takes a username, and says so for comments that are neither Zuul reports nor votes', async () => {
    const json = JSON.parse((await suggest('jen-ci', ['--format', 'json'])).stdout) as {
      kind: string;
      suggestion: { zuulReports: number; ci?: unknown; comments: number };
    };
    expect(json.kind).toBe('suggestion');
    expect(json.suggestion.comments).toBeGreaterThan(0);
    expect(json.suggestion.zuulReports).toBe(0);
    expect(json.suggestion.ci).toBeUndefined();
    const text = await suggest('jen-ci');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'No ci block proposed: these comments are neither Zuul reports nor Verified votes.',
    );
  });

  it('names the candidates when two accounts have the full name, and says when none has', async () => {
    const twice = await suggest('Bolt_CI');
    expect(twice.code).toBe(1);
    expect(twice.stdout).toMatch(/^2 Gerrit accounts are named "Bolt CI": tpci-\d+, tpci-\d+-2\./);
    const none = await suggest('Nobody CI');
    expect(none.stdout).toContain(
      `Gerrit knows no account with the username 'Nobody CI' or the full name "Nobody CI".`,
    );
  });
});
