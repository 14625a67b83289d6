import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import type { Matrix } from '../../backend/sync/matrix.ts';
import { openReadCache } from '../../backend/sync/read-cache.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { tempDir } from './helpers/git-repo.ts';
import { iniMatrix, MATRIX_PATH } from './helpers/matrices.ts';
import { historyRegistry, makeHistory } from './helpers/upstream-history.ts';

const MATRIX: Matrix = {
  features: [{ id: 'qos', title: 'QoS', status: 'optional' }],
  drivers: [
    {
      id: 'acme',
      title: 'Acme',
      values: new Map([['qos', 'complete']]),
      notes: new Map([['qos', 'Since 2.0']]),
      status: 'supported',
      maintainers: [{ name: 'Ada' }],
    },
  ],
  warnings: ['a warning'],
  statuses: [{ id: 'supported', supported: true }],
};

describe('openReadCache', () => {
  it('keeps readings by format, path, ref and commit across runs, "no such file" included', () => {
    const dir = tempDir('cache');
    const cache = openReadCache(dir, 'openstack/cinder');
    expect(cache.get('ini', 'm.ini', 'master', 'c1')).toBeUndefined();
    cache.set('ini', 'm.ini', 'master', 'c1', MATRIX);
    cache.set('ini', 'other.ini', 'master', 'c1', undefined);
    cache.save();
    const again = openReadCache(dir, 'openstack/cinder');
    expect(again.get('ini', 'm.ini', 'master', 'c1')).toEqual(MATRIX);
    expect(again.get('ini', 'other.ini', 'master', 'c1')).toBeNull();
    expect(again.get('ini', 'm.ini', 'stable/2025.1', 'c1')).toBeUndefined();
    expect(again.get('manila-rst', 'm.ini', 'master', 'c1')).toBeUndefined();
  });

  it('drops on saving the readings a run did not use, so moved refs do not grow it', () => {
    const dir = tempDir('cache');
    const first = openReadCache(dir, 'p');
    first.set('ini', 'm.ini', 'master', 'old', MATRIX);
    first.save();
    const second = openReadCache(dir, 'p');
    second.set('ini', 'm.ini', 'master', 'new', MATRIX);
    second.save();
    const third = openReadCache(dir, 'p');
    expect(third.get('ini', 'm.ini', 'master', 'old')).toBeUndefined();
    expect(third.get('ini', 'm.ini', 'master', 'new')).toEqual(MATRIX);
  });

  it('reads a cache file it cannot parse as empty, and replaces it', () => {
    const dir = tempDir('cache');
    openReadCache(dir, 'p').save();
    const first = openReadCache(dir, 'p');
    first.set('ini', 'm.ini', 'master', 'c1', MATRIX);
    first.save();
    const [file] = readdirSync(join(dir, 'readings'));
    writeFileSync(join(dir, 'readings', file!), '{"code": "');
    const broken = openReadCache(dir, 'p');
    expect(broken.get('ini', 'm.ini', 'master', 'c1')).toBeUndefined();
    broken.set('ini', 'm.ini', 'master', 'c1', MATRIX);
    broken.save();
    expect(openReadCache(dir, 'p').get('ini', 'm.ini', 'master', 'c1')).toEqual(MATRIX);
  });
});

describe('sync with its readings kept', () => {
  it('answers from the cache while no ref moves, and reads again the release whose ref moved', async () => {
    const history = makeHistory();
    const dir = tempDir('data');
    writeFileSync(join(dir, 'data.json'), formatRegistry(historyRegistry()));
    const sync = () =>
      cli(['sync', '--data', 'data.json', '--project', 'openstack/cinder', '--git', history.repo.dir], {
        cwd: dir,
      });
    expect((await sync()).code).toBe(0);
    // A reading edited in the cache shows that the next run took it from there.
    const file = join(dir, '.driverlog-cache', 'readings', 'openstack_cinder.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replaceAll('Acme Storage Driver (iSCSI)', 'Acme (cached)'),
    );
    expect((await sync()).code).toBe(0);
    const titleNow = () =>
      (JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')) as Registry).drivers.find(
        (d) => d.upstream_id === 'acme',
      )!.upstream!.title;
    expect(titleNow()).toBe('Acme (cached)');
    history.repo.commit('2020-03-01T12:00:00Z', {
      [MATRIX_PATH]: iniMatrix(
        [{ id: 'supported', title: 'Supported' }],
        [{ id: 'acme', title: 'Acme Storage Driver (iSCSI)', values: { supported: 'complete' } }],
      ),
    });
    expect((await sync()).code).toBe(0);
    expect(titleNow()).toBe('Acme Storage Driver (iSCSI)');
  });
});
