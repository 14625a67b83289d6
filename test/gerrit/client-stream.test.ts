import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient, type PageDone } from '../../backend/gerrit/client.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import { smallDataset } from '../helpers/small-dataset.ts';

let sim: GerritSimulator | undefined;
let server: Server | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

function merged(count: number): number[] {
  return smallDataset(count)
    .changes.filter((c) => c.status === 'MERGED')
    .map((c) => c._number)
    .sort((a, b) => b - a);
}

describe('streamChanges', () => {
  it('hands each change over as it arrives, before the rest of the page is sent', async () => {
    let sendRest: () => void = () => {};
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`)]}'\n[{"_number":2,"current_revision_number":1},`);
      void rest.then(() => res.end(`{"_number":1,"current_revision_number":1}]`));
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const gerrit = createGerritClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    const seen: number[] = [];
    for await (const change of gerrit.streamChanges('status:merged')) {
      seen.push(change._number);
      // The server holds the rest back until the first change is here.
      if (seen.length === 1) sendRest();
    }
    expect(seen).toEqual([2, 1]);
    expect(gerrit.stats.requests).toBe(1);
  });

  it('reports each page after its changes, and counts S= by what the answer held', async () => {
    sim = await startGerritSimulator({ dataset: smallDataset(23) });
    const gerrit = createGerritClient({ baseUrl: sim.url });
    const log: string[] = [];
    for await (const change of gerrit.streamChanges('status:merged', {
      pageSize: 5,
      onPage: (page: PageDone) => log.push(`page ${page.page}: ${page.received}, more ${page.more}`),
    })) {
      log.push(String(change._number));
    }
    const numbers = merged(23).map(String);
    expect(log).toEqual([
      ...numbers.slice(0, 5),
      'page 0: 5, more true',
      ...numbers.slice(5, 10),
      'page 1: 5, more true',
      ...numbers.slice(10, 15),
      'page 2: 5, more true',
      ...numbers.slice(15),
      `page 3: ${numbers.length - 15}, more false`,
    ]);
    // The request floor: one request a page, no more.
    expect(gerrit.stats.requests).toBe(Math.ceil(numbers.length / 5));
  });

  it('an answer cut off part-way is retried, and what was already handed over is not handed over again', async () => {
    sim = await startGerritSimulator({ dataset: smallDataset(40) });
    sim.injectFaults({ fault: { kind: 'truncate' }, times: 1, match: { query: /S=10/ } });
    const gerrit = createGerritClient({ baseUrl: sim.url, sleep: async () => {} });
    const seen: number[] = [];
    for await (const change of gerrit.streamChanges('status:merged', { pageSize: 10 }))
      seen.push(change._number);
    expect(seen).toEqual(merged(40));
    expect(gerrit.stats).toMatchObject({ retries: 1, requests: Math.ceil(seen.length / 10) + 1 });
  });

  it('stopping early frees the connection for the next request', async () => {
    sim = await startGerritSimulator({ dataset: smallDataset(30) });
    const gerrit = createGerritClient({ baseUrl: sim.url, maxInFlight: 1, timeoutMs: 10_000 });
    for await (const change of gerrit.streamChanges('status:merged', { pageSize: 10 })) {
      void change;
      break;
    }
    // With one request allowed in flight, this would wait for ever if the first still held it.
    expect(await gerrit.findAccount('acme-ci')).toMatchObject({ username: 'acme-ci' });
  });
});
