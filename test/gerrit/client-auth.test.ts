import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGerritClient } from '../../backend/gerrit/client.ts';
import { GerritError } from '../../backend/gerrit/errors.ts';
import type { GerritEvent } from '../../backend/gerrit/events.ts';
import { startGerritSimulator, type GerritSimulator } from '../../dev/gerrit-simulator/server.ts';
import type { Fault } from '../../dev/gerrit-simulator/types.ts';
import { PASSWORD, smallDataset } from '../helpers/small-dataset.ts';

let sim: GerritSimulator;
beforeAll(async () => {
  sim = await startGerritSimulator({ dataset: smallDataset(4) });
});
afterAll(async () => {
  await sim.close();
});

// Generous by default: a loaded CI machine can take well over 200 ms to answer on loopback, and a
// timeout there would fail tests that are not about timeouts.
function authed(password: string, events: GerritEvent[] = [], retries = 0, timeoutMs = 10_000) {
  return createGerritClient({
    baseUrl: sim.url,
    credentials: { username: 'adev', password },
    retries,
    sleep: async () => {},
    onEvent: (event) => events.push(event),
    timeoutMs,
  });
}

async function pages(gerrit: ReturnType<typeof createGerritClient>) {
  const out = [];
  for await (const page of gerrit.queryChanges('project:openstack/nova')) out.push(...page);
  return out;
}

describe('authentication', () => {
  it('uses /a/ with Basic auth when given credentials', async () => {
    sim.resetStats();
    const changes = await pages(authed(PASSWORD));
    expect(changes.map((c) => c._number)).toEqual([1003, 1001]);
    expect(sim.stats.byPath).toEqual({ '/a/changes/': 1 });
    expect(await authed(PASSWORD).findAccount('acme-ci')).toMatchObject({ _account_id: 1000100 });
  });

  it('is anonymous by default', async () => {
    sim.resetStats();
    await pages(createGerritClient({ baseUrl: sim.url }));
    expect(sim.stats.byPath).toEqual({ '/changes/': 1 });
  });

  it('a wrong password is a 401 that says what to check, without retries', async () => {
    const gerrit = authed('wrong-password', [], 3);
    const error = (await pages(gerrit).catch((e: unknown) => e)) as GerritError;
    expect(error).toBeInstanceOf(GerritError);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
    expect(error.message).toContain('check the username and HTTP password');
    expect(gerrit.stats.retries).toBe(0);
  });

  it('refuses credentials inside the base URL', () => {
    expect(() => createGerritClient({ baseUrl: `http://adev:${PASSWORD}@127.0.0.1:1` })).toThrow(
      /must not contain credentials/,
    );
    try {
      createGerritClient({ baseUrl: `http://adev:${PASSWORD}@127.0.0.1:1` });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(PASSWORD);
    }
  });
});

describe('credentials never leak', () => {
  const secrets = [
    PASSWORD,
    Buffer.from(`adev:${PASSWORD}`).toString('base64'),
    encodeURIComponent(PASSWORD),
  ];
  const faults: Array<[string, Fault | undefined, string]> = [
    ['500', { kind: 'status', status: 500 }, 'HTTP_STATUS'],
    ['no prefix', { kind: 'no-prefix' }, 'NO_PREFIX'],
    ['reset', { kind: 'reset' }, 'NETWORK'],
    ['truncate', { kind: 'truncate' }, 'NETWORK'],
    ['timeout', { kind: 'delay', ms: 2000 }, 'TIMEOUT'],
  ];

  it.each(faults)('not in errors or events (%s)', async (_name, fault, code) => {
    const events: GerritEvent[] = [];
    sim.clearFaults();
    if (fault) sim.injectFaults({ fault });
    const timeoutMs = code === 'TIMEOUT' ? 200 : 10_000;
    const gerrit = authed(PASSWORD, events, 1, timeoutMs);
    const error = (await pages(gerrit).catch((e: unknown) => e)) as GerritError;
    sim.clearFaults();
    expect(error.code).toBe(code);
    const texts = [
      error.message,
      error.url,
      String(error.stack),
      JSON.stringify(error),
      JSON.stringify(events),
    ];
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(events.length).toBeGreaterThan(0);
  });
});
