import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGerritClient } from '../../backend/gerrit/client.ts';
import { GerritError, type GerritErrorCode } from '../../backend/gerrit/errors.ts';

// A Gerrit that cannot answer at all fails at once, naming the URL and what to check; retrying an
// address where nothing answers only delays that message (it used to take about 40 s).
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function listening(): Promise<number> {
  const server = createServer((_req, res) => res.end(`)]}'\n[]`));
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return (server.address() as AddressInfo).port;
}

/** A port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

async function attempt(baseUrl: string) {
  const sleeps: number[] = [];
  const gerrit = createGerritClient({
    baseUrl,
    retries: 4,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  const error = await (async () => {
    for await (const page of gerrit.queryChanges('status:merged')) void page;
  })().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GerritError);
  return { error: error as GerritError, sleeps, requests: gerrit.stats.requests };
}

describe('an address where nothing answers fails on the first attempt', () => {
  it.each<[string, () => Promise<string>, GerritErrorCode, RegExp]>([
    [
      'connection refused',
      async () => `http://127.0.0.1:${await closedPort()}`,
      'CONNECTION_REFUSED',
      /failed: connection refused: nothing listens on 127\.0\.0\.1:\d+ \(check the port and the host name of the Gerrit URL\)$/,
    ],
    [
      'unknown host name',
      async () => 'https://gerrit.invalid',
      'DNS',
      /failed: host name gerrit\.invalid not found \(E[A-Z_]+; check the host name in the Gerrit URL, and this machine's DNS\)$/,
    ],
    [
      'TLS spoken to a plain-HTTP server',
      async () => `https://127.0.0.1:${await listening()}`,
      'TLS',
      /failed: TLS handshake with 127\.0\.0\.1:\d+ failed: wrong version number \(does 127\.0\.0\.1:\d+ speak https, or is it plain http:\/\/ there\? check the URL's scheme and port/,
    ],
    [
      'a port fetch refuses',
      async () => 'http://127.0.0.1:6000',
      'PORT_BLOCKED',
      /failed: port 6000 is reserved for other protocols, and fetch refuses it \(check the port of the Gerrit URL\)$/,
    ],
  ])('%s', async (_name, url, code, message) => {
    const baseUrl = await url();
    const { error, sleeps, requests } = await attempt(baseUrl);
    expect(error.code).toBe(code);
    expect(error.exit).toBe('io');
    expect(error.message.startsWith(`GET ${baseUrl}/changes/?q=status:merged&n=500`)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.cause).toBeInstanceOf(Error);
    expect(requests).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
