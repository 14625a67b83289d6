import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient } from '../../backend/gerrit/client.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import { smallDataset } from '../helpers/small-dataset.ts';

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function drain(client: ReturnType<typeof createGerritClient>, query: string, pageSize = 500) {
  for await (const page of client.queryChanges(query, { pageSize })) void page;
}

describe('lastServerDate', () => {
  it("is the Date header of the newest answer: the server's clock, not ours", async () => {
    let serverNow = Date.UTC(2031, 0, 2, 3, 4, 5);
    sim = await startGerritSimulator({ dataset: smallDataset(6), clock: () => serverNow });
    const gerrit = createGerritClient({ baseUrl: sim.url, now: () => Date.UTC(2024, 0, 1) });
    expect(gerrit.lastServerDate).toBeUndefined();
    await drain(gerrit, 'project:openstack/cinder', 2);
    expect(gerrit.lastServerDate).toBe(Date.UTC(2031, 0, 2, 3, 4, 5));
    serverNow += 61_000;
    await gerrit.findAccount('acme-ci');
    expect(gerrit.lastServerDate).toBe(Date.UTC(2031, 0, 2, 3, 5, 6));
  });

  it('is the real date by default, and stays undefined when no answer carries one', async () => {
    sim = await startGerritSimulator({ dataset: smallDataset(2) });
    const dated = createGerritClient({ baseUrl: sim.url });
    const before = Date.now();
    await drain(dated, 'is:open');
    // HTTP dates have whole seconds.
    expect(dated.lastServerDate).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    await sim.close();

    sim = await startGerritSimulator({ dataset: smallDataset(2), clock: () => undefined });
    const undated = createGerritClient({ baseUrl: sim.url });
    await drain(undated, 'is:open');
    expect(undated.stats.requests).toBe(1);
    expect(undated.lastServerDate).toBeUndefined();
  });
});
