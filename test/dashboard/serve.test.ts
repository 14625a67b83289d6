import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic, type StaticServer } from '../../dashboard/serve.ts';

describe('serveStatic', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driverlog-serve-'));
    mkdirSync(join(dir, 'drivers/x'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<p>home</p>');
    writeFileSync(join(dir, 'drivers/x/index.html'), '<p>x</p>');
    writeFileSync(join(dir, 'data.json'), '{}');
    server = await serveStatic(dir, { base: '/driverlog/' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files and folder indexes under the base path, on loopback', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/driverlog\/$/);
    expect(await (await fetch(server.url)).text()).toBe('<p>home</p>');
    const page = await fetch(`${server.url}drivers/x/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const json = await fetch(`${server.url}data.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 404 outside the base path and for missing files', async () => {
    expect((await fetch(server.url.replace('/driverlog/', '/index.html'))).status).toBe(404);
    expect((await fetch(`${server.url}nope.html`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('never resolves a path outside the folder', () => {
    expect(resolveRequestPath('/srv/site', '/', '/../etc/passwd')).toBeUndefined();
    expect(resolveRequestPath('/srv/site', '/', '/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveRequestPath('/srv/site', '/', '/%E0%A4%A')).toBeUndefined();
    expect(resolveRequestPath('/srv/site', '/b/', '/b/a.html')).toBe('/srv/site/a.html');
  });
});
