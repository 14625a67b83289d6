import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo, type Demo } from '../../../dev/demo/run-demo.ts';

const repo = join(import.meta.dirname, '../../..');
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('runDemo (npm start)', () => {
  const root = mkdtempSync(join(tmpdir(), 'driverlog-demo-root-'));
  copyFileSync(join(repo, 'default_data.json'), join(root, 'default_data.json'));
  const before = digest(join(root, 'default_data.json'));
  let demo: Demo | undefined;
  let out = '';

  afterAll(async () => demo?.close());

  it('serves a dashboard with CI evidence from the simulated Gerrit, leaving the registry untouched', async () => {
    demo = await runDemo({
      root,
      workDir: join(root, '.driverlog-demo'),
      io: { stdout: (t) => void (out += t), stderr: (t) => void (out += t), isTTY: false },
      port: 0,
      changes: 800,
    });
    expect(demo.summary?.drivers.newly_verified).toBeGreaterThan(0);
    expect(out).toContain('Summary:');

    const home = await (await fetch(demo.siteUrl)).text();
    // Evidence links point at the simulator the demo scanned.
    expect(home).toContain(`${demo.gerritUrl}/c/openstack/`);
    const api = (await (await fetch(new URL('api/1.0/drivers.json', demo.siteUrl))).json()) as {
      drivers: unknown[];
    };
    expect(api.drivers.length).toBeGreaterThan(200);

    expect(digest(join(root, 'default_data.json'))).toBe(before);
    const copy = JSON.parse(readFileSync(demo.dataFile, 'utf8')) as { scan_state?: unknown };
    expect(copy.scan_state).toBeDefined();
  }, 180_000);
});

describe('runDemo when its port is taken', () => {
  it('says so at once, with the setting to change, before scanning anything', async () => {
    const blocker = createServer();
    await new Promise<void>((ready) => blocker.listen(0, '127.0.0.1', ready));
    const { port } = blocker.address() as AddressInfo;
    const root = mkdtempSync(join(tmpdir(), 'driverlog-demo-root-'));
    copyFileSync(join(repo, 'default_data.json'), join(root, 'default_data.json'));
    let out = '';
    try {
      await expect(
        runDemo({
          root,
          workDir: join(root, '.driverlog-demo'),
          io: { stdout: (t) => void (out += t), stderr: (t) => void (out += t), isTTY: false },
          port,
          changes: 10,
        }),
      ).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is in use.*DRIVERLOG_DEMO_PORT`));
      expect(out).not.toContain('Generating a Gerrit history');
    } finally {
      blocker.close();
    }
  });
});
