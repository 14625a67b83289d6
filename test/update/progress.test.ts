import { describe, expect, it } from 'vitest';
import { createProgress } from '../../backend/update/progress.ts';

function drive(isTTY: boolean): string {
  let out = '';
  const progress = createProgress({ stdout: (text) => (out += text), isTTY }, 2);
  progress.projectStarted('openstack/cinder', 'incremental');
  progress.page('openstack/cinder', 1, 500);
  progress.page('openstack/cinder', 2, 900);
  progress.projectDone('openstack/cinder', 900, 2);
  progress.projectStarted('openstack/nova', 'full: first scan');
  progress.projectFailed('openstack/nova', new Error('HTTP 500'));
  progress.finish();
  return out;
}

describe('progress', () => {
  it('rewrites one status line on a terminal, keeping failures on their own lines', () => {
    const out = drive(true);
    expect(out).toContain('\r\x1b[K0/2 projects, 2 pages, 900 changes — openstack/cinder 900');
    expect(out).toContain('\r\x1b[K1/2 projects, 2 pages, 900 changes');
    expect(out).toContain('\r\x1b[Kopenstack/nova: FAILED: HTTP 500\n\r\x1b[K2/2 projects');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes plain lines to a log', () => {
    expect(drive(false).split('\n')).toEqual([
      'scanning openstack/cinder (incremental)',
      'openstack/cinder: page 1, 500 changes',
      'openstack/cinder: page 2, 900 changes',
      'openstack/cinder: done, 900 changes in 2 pages',
      'scanning openstack/nova (full: first scan)',
      'openstack/nova: FAILED: HTTP 500',
      '',
    ]);
  });

  it('keeps the status line within 79 columns, so a terminal never wraps it', () => {
    let out = '';
    const progress = createProgress({ stdout: (text) => (out += text), isTTY: true }, 24);
    progress.projectStarted('openstack/fuel-plugin-elasticsearch-kibana', 'incremental');
    progress.projectStarted('openstack/fuel-plugin-influxdb-grafana', 'incremental');
    progress.page('openstack/fuel-plugin-influxdb-grafana', 12, 2400);
    const drawn = out.split('\r\x1b[K').filter((line) => line !== '');
    expect(drawn.length).toBe(3);
    for (const line of drawn) expect(line.length).toBeLessThanOrEqual(79);
    expect(drawn.at(-1)).toMatch(/^0\/24 projects, 12 pages, 2400 changes — openstack\/fuel-plugin-el.*…$/);
  });
});
