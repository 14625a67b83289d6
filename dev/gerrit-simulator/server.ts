import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from './auth.ts';
import { takeFault } from './faults.ts';
import { changePage, CHANGE_PAGE } from './change-page.ts';
import { listAccounts, listChanges, PREFIX_LINE, serverVersion, text, type Reply } from './routes.ts';
import { hugeBody } from './huge-body.ts';
import { ChangeStore } from './store.ts';
import type { FaultRule, SimChange, SimDataset, SimMessage, SimulatorStats } from './types.ts';

export interface GerritSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  stats: SimulatorStats;
  resetStats(): void;
  injectFaults(...rules: FaultRule[]): void;
  clearFaults(): void;
  /** Add or replace a change (by _number). `updated` must be ≥ every message date. */
  upsertChange(change: SimChange): void;
  /** Also bumps `updated` to the message date. */
  addMessage(changeNumber: number, message: SimMessage): void;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  dataset: SimDataset;
  /** Gerrit's index.maxLimit: the most results one page returns. Default 500. */
  maxLimit?: number;
  /** Answer like Gerrit before 3.10: no current_revision_number, only current_revision + revisions. */
  legacyRevisions?: boolean;
  /**
   * The server's clock for the `Date` header (ms since the epoch); default the real clock. Returning
   * undefined sends no `Date` header, as some proxies do.
   */
  clock?: () => number | undefined;
}

/** A Gerrit REST server on 127.0.0.1 (random port) serving `dataset`, with fault injection. */
export async function startGerritSimulator(options: SimulatorOptions): Promise<GerritSimulator> {
  const store = new ChangeStore(options.dataset);
  const maxLimit = options.maxLimit ?? 500;
  const stats: SimulatorStats = { requests: 0, bytes: 0, byPath: {}, inFlight: 0, peakInFlight: 0 };
  let faults: FaultRule[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, text(500, `Internal server error: ${String(error)}`));
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    stats.requests++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    res.once('close', () => stats.inFlight--);
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;
    const fault = takeFault(faults, url.pathname, url.search.slice(1));
    if (fault?.kind === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault?.kind === 'delay' || fault?.kind === 'hold') {
      await (fault.kind === 'delay' ? sleep(fault.ms) : fault.until);
      if (res.destroyed || req.socket.destroyed) return;
    }
    if (fault?.kind === 'status')
      return send(res, text(fault.status, fault.body ?? `Simulated ${fault.status}`));
    if (fault?.kind === 'retry-after') {
      return send(res, text(429, 'Too Many Requests', { 'Retry-After': String(fault.seconds) }));
    }
    if (fault?.kind === 'redirect') {
      const location = `${fault.to.replace(/\/+$/, '')}${url.pathname}${url.search}`;
      return send(res, text(fault.status ?? 302, 'Moved', { Location: location }));
    }
    if (fault?.kind === 'huge') return sendHuge(res, fault.bytes, fault.chunked === true);
    if (fault?.kind === 'ignore-start') {
      url.searchParams.delete('S');
      url.searchParams.delete('start');
    }
    const reply = route(req, url);
    if (fault?.kind === 'no-prefix' && reply.json) reply.body = reply.body.slice(PREFIX_LINE.length);
    if (fault?.kind === 'truncate') return sendTruncated(res, reply);
    send(res, reply);
  }

  function route(req: IncomingMessage, url: URL): Reply {
    if (req.method !== 'GET') return text(405, 'Method Not Allowed', { Allow: 'GET' });
    let path = url.pathname;
    if (path.startsWith('/a/')) {
      if (!authenticate(req.headers.authorization, store.accounts)) {
        return text(401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="Gerrit Code Review"' });
      }
      path = path.slice(2);
    }
    if (path === '/changes/' || path === '/changes')
      return listChanges(url.searchParams, store, {
        maxLimit,
        legacyRevisions: options.legacyRevisions === true,
      });
    if (path === '/accounts/' || path === '/accounts') return listAccounts(url.searchParams, store);
    if (path === '/config/server/version') return serverVersion();
    const page = CHANGE_PAGE.exec(url.pathname);
    if (page) return changePage(store.get(Number(page[2])), page[1]!, store.accounts);
    return text(404, 'Not Found');
  }

  function send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed) return;
    stampDate(res);
    const body = Buffer.from(reply.body);
    stats.bytes += body.length;
    res.writeHead(reply.status, {
      'Content-Type': reply.json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      ...reply.headers,
    });
    res.end(body);
  }

  function stampDate(res: ServerResponse): void {
    if (!options.clock) return;
    const now = options.clock();
    if (now === undefined) res.sendDate = false;
    else res.setHeader('Date', new Date(now).toUTCString());
  }

  // A page far larger than any real one, written as the client reads it, until `bytes` or a hang-up.
  async function sendHuge(res: ServerResponse, bytes: number, chunked: boolean): Promise<void> {
    stampDate(res);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      ...(chunked ? {} : { 'Content-Length': String(bytes) }),
    });
    for (const chunk of hugeBody(bytes)) {
      if (res.destroyed) return;
      stats.bytes += chunk.length;
      if (!res.write(chunk))
        await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  }

  // Promise a full body, deliver half, then drop the connection: what a dying proxy does.
  function sendTruncated(res: ServerResponse, reply: Reply): void {
    const body = Buffer.from(reply.body);
    const half = body.subarray(0, Math.floor(body.length / 2));
    stats.bytes += half.length;
    res.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
    });
    res.write(half, () => res.socket?.destroy());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    resetStats() {
      stats.requests = 0;
      stats.bytes = 0;
      stats.byPath = {};
      stats.peakInFlight = stats.inFlight;
    },
    injectFaults(...rules) {
      faults.push(...rules.map((rule) => ({ ...rule })));
    },
    clearFaults() {
      faults = [];
    },
    upsertChange: (change) => store.upsert(change),
    addMessage: (changeNumber, message) => store.addMessage(changeNumber, message),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
