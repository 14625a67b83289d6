import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient, type GerritClientOptions } from '../../backend/gerrit/client.ts';
import { GerritError } from '../../backend/gerrit/errors.ts';
import type { GerritEvent } from '../../backend/gerrit/events.ts';
import type { ChangeInfo } from '../../backend/gerrit/types.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import { BASE, change, HOUR, smallDataset } from '../helpers/small-dataset.ts';

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(count: number, options: { maxLimit?: number; legacyRevisions?: boolean } = {}) {
  sim = await startGerritSimulator({ dataset: smallDataset(count), ...options });
  return sim;
}

function client(server: GerritSimulator, options: Partial<GerritClientOptions> = {}) {
  return createGerritClient({ baseUrl: `${server.url}/`, sleep: async () => {}, ...options });
}

async function collect(pages: AsyncGenerator<ChangeInfo[]>): Promise<ChangeInfo[][]> {
  const out: ChangeInfo[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('queryChanges', () => {
  it('pages with S= until _more_changes stops, newest first', async () => {
    const server = await start(23);
    const events: GerritEvent[] = [];
    const gerrit = client(server, { onEvent: (e) => events.push(e) });
    const pages = await collect(gerrit.queryChanges('status:merged', { pageSize: 5 }));
    const numbers = pages.flat().map((c) => c._number);
    const merged = smallDataset(23)
      .changes.filter((c) => c.status === 'MERGED')
      .map((c) => c._number);
    expect(numbers).toEqual([...merged].sort((a, b) => b - a));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5]);
    const urls = events.filter((e) => e.type === 'page').map((e) => new URL(e.url).searchParams.get('S'));
    expect(urls).toEqual([null, '5', '10', '15']);
    expect(gerrit.stats.requests).toBe(4);
    expect(gerrit.stats.bytes).toBe(server.stats.bytes);
    expect(pages[0]![0]!.messages?.[0]?.author?.username).toBe('adev');
  });

  it('follows a server that caps the page size below n', async () => {
    const server = await start(12, { maxLimit: 4 });
    const pages = await collect(client(server).queryChanges('project:openstack/cinder', { pageSize: 500 }));
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    expect(new Set(pages.flat().map((c) => c.project))).toEqual(new Set(['openstack/cinder']));
  });

  it('drops changes seen on an earlier page when offsets shift under it', async () => {
    const server = await start(10);
    const gerrit = client(server);
    const seen: number[] = [];
    let inserted = false;
    for await (const page of gerrit.queryChanges('is:merged', { pageSize: 3 })) {
      seen.push(...page.map((c) => c._number));
      if (!inserted) {
        // A new change sorts first: everything moves down one place, so page 2 repeats the end of page 1.
        server.upsertChange({ ...change(50, BASE + 100 * HOUR), status: 'MERGED' });
        inserted = true;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expected = smallDataset(10)
      .changes.filter((c) => c.status === 'MERGED')
      .map((c) => c._number);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(gerrit.stats.requests).toBeGreaterThan(Math.ceil(expected.length / 3));
  });

  it('stops at the page cap with PAGE_LIMIT after yielding what it had', async () => {
    const server = await start(10);
    const pages: ChangeInfo[][] = [];
    const error = await (async () => {
      for await (const page of client(server).queryChanges('project:openstack/nova', {
        pageSize: 2,
        maxPages: 2,
      })) {
        pages.push(page);
      }
    })().catch((e: unknown) => e);
    expect(pages).toHaveLength(2);
    expect(error).toBeInstanceOf(GerritError);
    expect((error as GerritError).code).toBe('PAGE_LIMIT');
    expect((error as Error).message).toMatch(
      /failed: Gerrit still had more after 2 pages of up to 2 changes, the most DriverLog reads for one query; narrow the scan window with a later --since$/,
    );
    expect((error as Error).message).not.toMatch(/raise|page cap/);
  });

  it('asks only what it is told: no messages, bare account ids', async () => {
    const server = await start(3);
    const [page] = await collect(client(server).queryChanges('p:openstack/cinder', { options: [] }));
    expect(page![0]!.messages).toBeUndefined();
    expect(page![0]!.owner).toEqual({ _account_id: 1000010 });
  });

  it('asks for CURRENT_REVISION on servers before 3.10', async () => {
    const server = await start(4, { legacyRevisions: true });
    const events: GerritEvent[] = [];
    const pages = await collect(
      client(server, { onEvent: (e) => events.push(e) }).queryChanges('project:openstack/cinder'),
    );
    const first = pages[0]![0]!;
    expect(first.current_revision_number).toBeUndefined();
    expect(first.revisions?.[first.current_revision!]?._number).toBe(1);
    const last = events.filter((e) => e.type === 'page').at(-1)!;
    expect(new URL(last.url).searchParams.getAll('o')).toContain('CURRENT_REVISION');
  });

  it('sends the tool name and asks for JSON', async () => {
    const server = await start(1);
    const seen: Array<Headers> = [];
    const gerrit = client(server, {
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    await collect(gerrit.queryChanges('is:open'));
    expect(seen[0]!.get('user-agent')).toMatch(/^driverlog\/\d+\.\d+\.\d+/);
    expect(seen[0]!.get('accept')).toBe('application/json');
  });
});

describe('findAccount', () => {
  it('finds active and inactive accounts by exact username, else undefined', async () => {
    const server = await start(1);
    const gerrit = client(server);
    expect(await gerrit.findAccount('acme-ci')).toMatchObject({ _account_id: 1000100, username: 'acme-ci' });
    expect(await gerrit.findAccount('old-ci')).toMatchObject({ _account_id: 1000101, inactive: true });
    expect(await gerrit.findAccount('nobody')).toBeUndefined();
    expect(server.stats.byPath['/accounts/']).toBe(5);
  });

  it('does not take an account whose username differs in letter case (its comments would never match)', async () => {
    // A server whose username: search ignores case, as some Gerrit back ends do.
    const server = createServer((_req, res) => {
      res.end(`)]}'\n[{"_account_id":7,"username":"Acme-CI"}]`);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    try {
      const gerrit = createGerritClient({ baseUrl: `http://127.0.0.1:${port}`, retries: 0 });
      expect(await gerrit.findAccount('acme-ci')).toBeUndefined();
      expect(await gerrit.findAccount('Acme-CI')).toMatchObject({ _account_id: 7 });
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
