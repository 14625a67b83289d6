import { describe, expect, it } from 'vitest';
import {
  change,
  driver,
  message,
  pass,
  readRegistry,
  registry,
  tempDir,
  updateWithReport,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const gerrit = useSimulator();

describe('driverlog update and retired projects', () => {
  it('does not scan a retired project, says so once, and keeps what its drivers had', async () => {
    // Both CIs report a pass; only the project still alive is asked about.
    const sim = await gerrit.start([
      change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] }),
      change(101, {
        project: 'openstack/fuel-plugin-acme',
        messages: [message(10, '2024-05-02T10:00:00Z', 1, pass())],
      }),
    ]);
    const base = registry([
      driver(),
      driver({ project_id: 'openstack/fuel', repo: 'openstack/fuel-plugin-acme', name: 'Acme plugin' }),
      driver({ project_id: 'openstack/fuel', repo: 'openstack/fuel-plugin-acme', name: 'Acme plugin 2' }),
    ]);
    base.projects.push({ id: 'openstack/fuel', name: 'Fuel', retired_on: '2017-06-20' });
    const dir = tempDir();
    const file = writeRegistry(dir, base);

    const run = await updateWithReport(sim.url, dir);

    expect(run.code).toBe(0);
    expect(run.report.projects.map((p) => p.project)).toEqual(['openstack/cinder']);
    expect(run.report.retired_projects).toEqual([
      { project: 'openstack/fuel', retired_on: '2017-06-20', drivers: 2 },
    ]);
    expect(run.stdout.match(/not scanned/g)).toHaveLength(1);
    expect(run.stdout).toContain(
      '  not scanned: openstack/fuel, retired on 2017-06-20 (2 drivers with a ci block)\n',
    );
    const result = readRegistry(file);
    expect(
      result.drivers.find((d) => d.project_id === 'openstack/cinder')?.verification?.Caracal,
    ).toMatchObject({
      ci_result: true,
      change_number: 100,
    });
    expect(
      result.drivers.filter((d) => d.project_id === 'openstack/fuel').map((d) => d.verification),
    ).toEqual([undefined, undefined]);
  });
});
