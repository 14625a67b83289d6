// The site's one read of the data: the registry and the runs file beside it, as a build sees them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runsFileOf } from '../../../backend/model/runs-file.ts';
import { formatFiles } from '../../../backend/format/format-files.ts';
import type { Registry } from '../../../backend/model/types.ts';
import type { Site } from '../../../dashboard/src/site/load.ts';

const run = (day: number, ok: boolean) => ({
  timestamp: `2025-03-${String(day).padStart(2, '0')}T10:00:00Z`,
  change_number: 900 + day,
  patch_set: 1,
  ci_result: ok,
});

function registry(name: string): Registry {
  return {
    projects: [{ id: 'openstack/cinder', name: 'Cinder' }],
    releases: [{ id: 'Epoxy', wiki: 'https://releases.openstack.org/epoxy/', start: '2025-04-02' }],
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name,
        releases: ['Epoxy'],
        ci: { id: 'acme-ci', success_pattern: 'SUCCESS', failure_pattern: 'FAILURE' },
        verification: {
          Epoxy: {
            ci_result: true,
            review_url: 'https://review.opendev.org/c/910',
            change_number: 910,
            patch_set: 1,
            branch: 'master',
            ci_id: 'acme-ci',
            comment: 'acme SUCCESS',
            timestamp: '2025-03-10T10:00:00Z',
            recent: [run(10, true), run(9, false)],
          },
        },
      },
    ],
  };
}

describe('site() reads the registry with its runs file', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'driverlog-site-load-'));
    file = join(dir, 'data.json');
    vi.stubEnv('DRIVERLOG_DATA', file);
    // site() reads once per process: each test gets a fresh module.
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const load = async (): Promise<Site> => (await import('../../../dashboard/src/site/load.ts')).site();
  const runsOf = (site: Site) => site.model.drivers[0]!.records[0]!.record.recent;

  it('shows runs that are only in the runs file', async () => {
    const files = formatFiles(registry('Acme iSCSI'));
    expect(files.text).not.toContain('"recent"');
    writeFileSync(file, files.text);
    writeFileSync(runsFileOf(file), files.runsText);
    expect(runsOf(await load())).toEqual([run(10, true), run(9, false)]);
  });

  it('refuses a registry with an entry the schema refuses, at its FILE:LINE:COL as validate says it', async () => {
    // A name longer than the schema allows: validate refuses it, and so does the build.
    const files = formatFiles(registry(`Acme ${'x'.repeat(200)}`));
    writeFileSync(file, files.text);
    writeFileSync(runsFileOf(file), files.runsText);
    const line = files.text.split('\n').findIndex((text) => text.includes('"name": "Acme x')) + 1;
    await expect(load()).rejects.toThrow(
      new RegExp(`data\\.json:${line}:\\d+  error  schema  /drivers/0/name: .*\\n {4}hint: `),
    );
  });

  it('builds without a runs file, with no runs', async () => {
    writeFileSync(file, formatFiles(registry('Acme iSCSI')).text);
    expect(runsOf(await load())).toBeUndefined();
  });

  it('refuses a runs file that is not JSON, saying where', async () => {
    const files = formatFiles(registry('Acme iSCSI'));
    writeFileSync(file, files.text);
    writeFileSync(runsFileOf(file), '{\n  "drivers": [\n    {,\n');
    await expect(load()).rejects.toThrow(/data\.runs\.json:3:6 {2}error {2}json-syntax {2}.*\n {4}hint: /);
  });

  it('refuses a runs file of the wrong shape, naming it', async () => {
    writeFileSync(file, formatFiles(registry('Acme iSCSI')).text);
    writeFileSync(runsFileOf(file), '[]\n');
    await expect(load()).rejects.toThrow(/data\.runs\.json:1:1 {2}error {2}runs-schema {2}/);
  });
});
