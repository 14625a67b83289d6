// `npm run dev` renders pages on request through Vite's module graph, which loads the backend's modules (the
// schema's validators among them) as ES modules: a CommonJS one there failed every page with a 500.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The dev server's URL, once it prints that it is ready. */
function started(child: ChildProcess, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}`)) resolve(`http://127.0.0.1:${port}/`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}

describe('the dev server', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('renders the home page and a driver page from our registry', async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      [
        'node_modules/astro/astro.js',
        'dev',
        '--root',
        'dashboard',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' },
    );
    const url = await started(child, port);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<table');
    const driver = await fetch(`${url}drivers/cinder-ceph-ceph-rados-block-device-rbd/`);
    expect(driver.status).toBe(200);
    expect(await driver.text()).toContain('Ceph RADOS Block Device (RBD)');
  }, 120_000);
});
