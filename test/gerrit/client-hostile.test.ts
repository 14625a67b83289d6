import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient, type GerritClientOptions } from '../../backend/gerrit/client.ts';
import { GerritError } from '../../backend/gerrit/errors.ts';
import type { ChangeInfo } from '../../backend/gerrit/types.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import { smallDataset } from '../helpers/small-dataset.ts';

// Answers a Gerrit (or whatever sits at its address) should never send: each is refused with a typed
// error that says why, and none is retried.
const open: GerritSimulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const MiB = 1024 * 1024;

async function simulator(count = 6): Promise<GerritSimulator> {
  const sim = await startGerritSimulator({ dataset: smallDataset(count) });
  open.push(sim);
  return sim;
}

function client(sim: GerritSimulator, options: Partial<GerritClientOptions> = {}) {
  const sleeps: number[] = [];
  const gerrit = createGerritClient({
    baseUrl: sim.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { gerrit, sleeps };
}

async function scan(
  gerrit: ReturnType<typeof createGerritClient>,
  query = 'status:merged',
  pageSize = 500,
): Promise<{ changes: ChangeInfo[]; error?: GerritError }> {
  const changes: ChangeInfo[] = [];
  try {
    for await (const change of gerrit.streamChanges(query, { pageSize })) changes.push(change);
    return { changes };
  } catch (error) {
    expect(error).toBeInstanceOf(GerritError);
    return { changes, error: error as GerritError };
  }
}

describe('an answer larger than the limit', () => {
  it('announced by Content-Length: refused unread, not retried, with the setting that raises it', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'huge', bytes: 600 * MiB } });
    const { gerrit, sleeps } = client(sim);
    const { error } = await scan(gerrit);
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toMatch(
      /failed: the answer is larger than the 64 MiB limit \(it announces 600 MiB\), so DriverLog stopped reading it and will not retry; .*raise the limit with --max-response-mb or DRIVERLOG_GERRIT_MAX_RESPONSE_MB$/,
    );
    expect(gerrit.stats).toMatchObject({ requests: 1, retries: 0, bytes: 0 });
    expect(sleeps).toEqual([]);
  });

  it('sent without a length: stopped once past the limit', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'huge', bytes: 300 * MiB, chunked: true } });
    const { gerrit } = client(sim, { maxResponseBytes: 2 * MiB });
    const { changes, error } = await scan(gerrit);
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toContain('larger than the 2 MiB limit (it went past it)');
    expect(gerrit.stats.requests).toBe(1);
    // Read up to the limit and one chunk more, never the whole answer; what came first was still usable.
    expect(gerrit.stats.bytes).toBeGreaterThan(2 * MiB);
    expect(gerrit.stats.bytes).toBeLessThan(3 * MiB);
    expect(changes.length).toBeGreaterThan(1000);
    expect(sim.stats.bytes).toBeLessThan(100 * MiB);
  });

  it('an answer within the limit passes', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'huge', bytes: MiB }, times: 1 });
    const { gerrit } = client(sim, { maxResponseBytes: MiB });
    const { changes, error } = await scan(gerrit);
    expect(error).toBeUndefined();
    expect(gerrit.stats.bytes).toBe(MiB);
    expect(changes.at(-1)!._number).toBe(changes.length);
  });
});

describe('redirects', () => {
  it('to another origin: refused, and the other server never asked', async () => {
    const [configured, other] = [await simulator(), await simulator()];
    configured.injectFaults({ fault: { kind: 'redirect', to: other.url, status: 301 } });
    const { gerrit } = client(configured);
    const { changes, error } = await scan(gerrit);
    expect(changes).toEqual([]);
    expect(error?.code).toBe('REDIRECT');
    expect(error?.message).toContain(
      `failed: redirected to ${other.url}, another origin than the configured ${configured.url}; DriverLog does not follow, because evidence from that server would be credited to ${configured.url} (if ${other.url} is the Gerrit to scan, give it as --gerrit-url)`,
    );
    expect(other.stats.requests).toBe(0);
    expect(gerrit.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('within the configured origin: followed', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'redirect', to: sim.url, status: 307 }, times: 1 });
    const { gerrit } = client(sim);
    const { changes, error } = await scan(gerrit);
    expect(error).toBeUndefined();
    expect(changes).toHaveLength(smallDataset(6).changes.filter((c) => c.status === 'MERGED').length);
    expect(gerrit.stats.requests).toBe(2);
  });

  it('in a loop: REDIRECT after five', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'redirect', to: sim.url } });
    const { error } = await scan(client(sim).gerrit);
    expect(error?.code).toBe('REDIRECT');
    expect(error?.message).toMatch(/failed: more than 5 redirects \(the last to .*\); check the Gerrit URL$/);
    expect(sim.stats.requests).toBe(6);
  });
});

describe('a server that repeats itself', () => {
  it('ignoring S=: stops at the first repeated page, and says so truthfully', async () => {
    const sim = await simulator(20);
    sim.injectFaults({ fault: { kind: 'ignore-start' } });
    const { gerrit } = client(sim);
    const { changes, error } = await scan(gerrit, 'status:merged', 3);
    expect(changes).toHaveLength(3);
    expect(error?.code).toBe('REPEATED_PAGE');
    expect(error?.message).toContain(
      'failed: the server keeps saying more changes follow, but page 2 repeated page 1 exactly: it ignores the S= offset',
    );
    expect(error?.message).not.toMatch(/page cap|raise/);
    expect(gerrit.stats.requests).toBe(2);
  });
});

describe('Retry-After', () => {
  it('longer than DriverLog may wait: not retried, and the message names the setting', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'retry-after', seconds: 999_999 } });
    const { gerrit, sleeps } = client(sim);
    const { error } = await scan(gerrit);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 429, retryAfter: '999999' });
    expect(error?.message).toContain(
      '429 Too Many Requests: "Too Many Requests" (the server asks to wait 999999 s before trying again, longer than the 60 s DriverLog waits, so it did not retry; try again later, or allow longer waits with --max-retry-wait or DRIVERLOG_GERRIT_MAX_RETRY_WAIT)',
    );
    expect(error?.message).not.toContain('--max-in-flight');
    expect(sleeps).toEqual([]);
    expect(gerrit.stats.requests).toBe(1);
  });

  it('within the operator’s limit: waited for', async () => {
    const sim = await simulator();
    sim.injectFaults({ fault: { kind: 'retry-after', seconds: 3600 }, times: 1 });
    const { gerrit, sleeps } = client(sim, { maxRetryWaitMs: 3_600_000 });
    const { error } = await scan(gerrit);
    expect(error).toBeUndefined();
    expect(sleeps).toEqual([3_600_000]);
  });
});
