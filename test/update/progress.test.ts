import { describe, expect, it } from 'vitest';
import { createProgress } from '../../backend/update/progress.ts';

function drive(isTTY: boolean): string {
  let out = '';
  const progress = createProgress({ stdout: (text) => (out += text), isTTY }, 2);
  progress.projectStarted('openstack/cinder', 'incremental');
  progress.page('openstack/cinder', 1, 500);
  progress.page('openstack/cinder', 2, 900);
  progress.projectDone('openstack/cinder', 900, 2);
  progress.note('warning: something');
  progress.finish();
  return out;
}

describe('progress', () => {
  it('rewrites one status line on a terminal, keeping notes on their own lines', () => {
    const out = drive(true);
    expect(out).toContain('\r\x1b[K0/2 projects, 2 pages, 900 changes — openstack/cinder 900');
    expect(out).toContain('\r\x1b[K1/2 projects, 2 pages, 900 changes');
    expect(out).toContain('\r\x1b[Kwarning: something\n');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes plain lines to a log', () => {
    expect(drive(false).split('\n')).toEqual([
      'scanning openstack/cinder (incremental)',
      'openstack/cinder: page 1, 500 changes',
      'openstack/cinder: page 2, 900 changes',
      'openstack/cinder: done, 900 changes in 2 pages',
      'warning: something',
      '',
    ]);
  });
});
