import { afterEach, describe, expect, it } from 'vitest';
import { hugeBody } from '../../../dev/gerrit-simulator/huge-body.ts';
import { startGerritSimulator, type GerritSimulator } from '../../../dev/gerrit-simulator/server.ts';
import { smallDataset } from '../../helpers/small-dataset.ts';

const open: GerritSimulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sim) => sim.close()));
});

async function start(...args: Parameters<typeof startGerritSimulator>) {
  const sim = await startGerritSimulator(...args);
  open.push(sim);
  return sim;
}

describe('hugeBody', () => {
  it('is a valid change list of exactly the size asked, made in chunks', () => {
    for (const bytes of [300, 4096, 200_001]) {
      const chunks = [...hugeBody(bytes)];
      const body = Buffer.concat(chunks);
      expect(body.length).toBe(bytes);
      expect(body.subarray(0, 5).toString()).toBe(")]}'\n");
      const changes = JSON.parse(body.subarray(5).toString()) as Array<{ _number: number }>;
      expect(changes.map((c) => c._number)).toEqual(changes.map((_, i) => i + 1));
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    }
  });
});

describe('faults for hostile answers', () => {
  it('huge: the promised length, or chunked without one', async () => {
    const sim = await start({ dataset: smallDataset(2) });
    sim.injectFaults(
      { fault: { kind: 'huge', bytes: 100_000 }, times: 1 },
      { fault: { kind: 'huge', bytes: 100_000, chunked: true }, times: 1 },
    );
    const sized = await fetch(`${sim.url}/changes/`);
    expect(sized.headers.get('content-length')).toBe('100000');
    expect((await sized.arrayBuffer()).byteLength).toBe(100_000);
    const chunked = await fetch(`${sim.url}/changes/`);
    expect(chunked.headers.get('content-length')).toBeNull();
    expect(chunked.headers.get('transfer-encoding')).toBe('chunked');
    expect((await chunked.arrayBuffer()).byteLength).toBe(100_000);
  });

  it('redirect: to another base, keeping the path and query', async () => {
    const sim = await start({ dataset: smallDataset(2) });
    sim.injectFaults({ fault: { kind: 'redirect', to: 'http://other.example/gerrit/', status: 308 } });
    const response = await fetch(`${sim.url}/changes/?q=is:open&n=5`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('http://other.example/gerrit/changes/?q=is:open&n=5');
  });

  it('ignore-start: every page is the first, still promising more', async () => {
    const sim = await start({ dataset: smallDataset(10) });
    const page = async (start: number) => {
      const body = await (await fetch(`${sim.url}/changes/?q=is:merged&n=2&S=${start}`)).text();
      return JSON.parse(body.slice(5)) as Array<{ _number: number; _more_changes?: boolean }>;
    };
    const second = await page(2);
    sim.injectFaults({ fault: { kind: 'ignore-start' } });
    const first = await page(0);
    expect(await page(2)).toEqual(first);
    expect(first).not.toEqual(second);
    expect(first.at(-1)?._more_changes).toBe(true);
  });
});

describe('the Date header', () => {
  it('comes from the injected clock, or is left out when it says undefined', async () => {
    let now: number | undefined = Date.UTC(2030, 5, 1, 8, 0, 0);
    const sim = await start({ dataset: smallDataset(2), clock: () => now });
    expect((await fetch(`${sim.url}/changes/`)).headers.get('date')).toBe('Sat, 01 Jun 2030 08:00:00 GMT');
    expect((await fetch(`${sim.url}/nothing`)).headers.get('date')).toBe('Sat, 01 Jun 2030 08:00:00 GMT');
    now = undefined;
    expect((await fetch(`${sim.url}/changes/`)).headers.get('date')).toBeNull();
  });
});

describe('page size', () => {
  it('is capped at 500 results a page by default, as Gerrit’s index.maxLimit', async () => {
    const sim = await start({ dataset: smallDataset(1200) });
    const body = await (await fetch(`${sim.url}/changes/?q=&n=1000`)).text();
    const page = JSON.parse(body.slice(5)) as Array<{ _more_changes?: boolean }>;
    expect(page).toHaveLength(500);
    expect(page.at(-1)?._more_changes).toBe(true);
  });
});
