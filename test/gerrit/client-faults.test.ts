import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient, type GerritClientOptions } from '../../backend/gerrit/client.ts';
import { GerritError } from '../../backend/gerrit/errors.ts';
import type { GerritEvent } from '../../backend/gerrit/events.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import type { Fault } from '../../dev/gerrit-simulator/types.ts';
import { smallDataset } from '../helpers/small-dataset.ts';

const open: GerritSimulator[] = [];
let sim: GerritSimulator;
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function setup(options: Partial<GerritClientOptions> = {}) {
  sim = await startGerritSimulator({ dataset: smallDataset(6) });
  open.push(sim);
  const sleeps: number[] = [];
  const events: GerritEvent[] = [];
  const gerrit = createGerritClient({
    baseUrl: sim.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    timeoutMs: 2000,
    ...options,
  });
  return { gerrit, sleeps, events };
}

async function firstPage(gerrit: ReturnType<typeof createGerritClient>, query = 'project:openstack/cinder') {
  for await (const page of gerrit.queryChanges(query)) return page;
  return [];
}

async function failure(promise: Promise<unknown>): Promise<GerritError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GerritError);
  return error as GerritError;
}

describe('transient faults are retried', () => {
  it.each<[string, Fault]>([
    ['503', { kind: 'status', status: 503, body: 'Service Unavailable' }],
    ['500', { kind: 'status', status: 500 }],
    ['408', { kind: 'status', status: 408 }],
    ['truncated body', { kind: 'truncate' }],
    ['connection reset', { kind: 'reset' }],
  ])('%s twice, then success', async (_name, fault) => {
    const { gerrit, sleeps, events } = await setup();
    sim.injectFaults({ fault, times: 2, match: { path: '/changes/' } });
    const page = await firstPage(gerrit);
    expect(page.map((c) => c.project)).toEqual(['openstack/cinder', 'openstack/cinder', 'openstack/cinder']);
    expect(gerrit.stats).toMatchObject({ requests: 3, retries: 2 });
    expect(sleeps).toEqual([250, 500]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
    expect(sim.stats.requests).toBe(3);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const { gerrit, sleeps } = await setup();
    sim.injectFaults({ fault: { kind: 'retry-after', seconds: 7 }, times: 1 });
    await firstPage(gerrit);
    expect(sleeps).toEqual([7000]);
    expect(gerrit.stats.retries).toBe(1);
  });

  it('gives up on a slow answer after the timeout, and retries it', async () => {
    const { gerrit } = await setup({ timeoutMs: 100, retries: 0 });
    sim.injectFaults({ fault: { kind: 'delay', ms: 1000 }, times: 1 });
    const error = await failure(firstPage(gerrit));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/changes\/\?q=.* failed: no complete answer within 100 ms/,
    );

    // The retry must answer within the timeout even on a loaded machine: 1 s, against a 5 s stall.
    const retrying = await setup({ timeoutMs: 1000, retries: 2 });
    sim.injectFaults({ fault: { kind: 'delay', ms: 5000 }, times: 1 });
    expect(await firstPage(retrying.gerrit)).toHaveLength(3);
    expect(retrying.gerrit.stats.retries).toBe(1);
  });
});

describe('permanent failures are clear typed errors', () => {
  it('a 5xx that never ends: HTTP_STATUS after the retries, with status, URL and body', async () => {
    const { gerrit, sleeps } = await setup({ retries: 3 });
    sim.injectFaults({ fault: { kind: 'status', status: 502, body: 'Bad Gateway from proxy' } });
    const error = await failure(firstPage(gerrit));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 502, method: 'GET' });
    expect(error.url).toMatch(/\/changes\/\?q=project%3Aopenstack%2Fcinder/);
    expect(error.bodyStart).toContain('Bad Gateway from proxy');
    expect(error.message).toContain(
      'failed: 502 Bad Gateway: "Bad Gateway from proxy" (the server failed; try again later)',
    );
    expect(sleeps).toHaveLength(3);
    expect(gerrit.stats.requests).toBe(4);
  });

  it("a bad query: 400 with Gerrit's text, never retried", async () => {
    const { gerrit } = await setup();
    const error = await failure(firstPage(gerrit, 'reviewer:acme-ci'));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 400 });
    expect(error.message).toContain(
      '400 Bad Request: "Unsupported operator reviewer:acme-ci" (check the query operators)',
    );
    // The message shows the query as typed; the url field keeps the exact request.
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/changes\/\?q=reviewer:acme-ci&n=500&o=MESSAGES&o=DETAILED_ACCOUNTS failed: /,
    );
    expect(error.url).toContain('q=reviewer%3Aacme-ci');
    expect(gerrit.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it("a body without )]}': NO_PREFIX showing its start, never retried", async () => {
    const { gerrit } = await setup();
    sim.injectFaults({ fault: { kind: 'no-prefix' }, times: 1 });
    const error = await failure(firstPage(gerrit));
    expect(error.code).toBe('NO_PREFIX');
    expect(error.message).toContain('not a Gerrit REST response — often a login or proxy page');
    expect(error.message).toContain('it starts: "[{"id":"openstack%2Fcinder~1004"');
    expect(gerrit.stats.requests).toBe(1);
  });

  it.each<[string, Fault]>([
    ['truncated', { kind: 'truncate' }],
    ['reset', { kind: 'reset' }],
  ])('a connection that keeps failing (%s): NETWORK with the cause kept', async (_name, fault) => {
    const { gerrit } = await setup({ retries: 1 });
    sim.injectFaults({ fault });
    const error = await failure(firstPage(gerrit));
    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/network error: .+ \(check the URL and the connection\)/);
  });

  it('an aborted run: ABORTED, no retries', async () => {
    const controller = new AbortController();
    const { gerrit } = await setup({ signal: controller.signal });
    sim.injectFaults({ fault: { kind: 'delay', ms: 1000 } });
    const pending = firstPage(gerrit);
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error.code).toBe('ABORTED');
    expect(gerrit.stats.retries).toBe(0);
  });
});

describe('in-flight limit', () => {
  it('never has more than maxInFlight requests at the server, across calls', async () => {
    const { gerrit } = await setup({ maxInFlight: 2 });
    sim.injectFaults({ fault: { kind: 'delay', ms: 40 } });
    sim.resetStats();
    const names = ['acme-ci', 'adev', 'zuul', 'nobody', 'old-ci', 'acme-ci'];
    const found = await Promise.all([...names.map((n) => gerrit.findAccount(n)), firstPage(gerrit)]);
    expect(found.slice(0, 3).map((a) => (a as { username: string }).username)).toEqual([
      'acme-ci',
      'adev',
      'zuul',
    ]);
    expect(sim.stats.peakInFlight).toBe(2);
    expect(sim.stats.requests).toBeGreaterThanOrEqual(7);
  });
});
