import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { makeRepo, tempDir } from '../sync/helpers/git-repo.ts';
import { MATRIX_PATH } from '../sync/helpers/matrices.ts';
import { historyRegistry } from '../sync/helpers/upstream-history.ts';

// What a terminal or a GitHub Actions log would obey: control sequences, bidirectional overrides, and a line
// that starts (after spaces) with "::", a workflow command.
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u001b\u009b\u202a-\u202e\u2066-\u2069]|^\s*::/m;

describe("driverlog's failure messages", () => {
  it('show upstream text escaped, and never start a line with "::"', async () => {
    const repo = makeRepo();
    // A status continued on a second line: the reader folds it into one line, so the forged command is quoted
    // mid-line, where no log obeys it.
    const matrix = [
      '[driver.acme]',
      'title = Acme \u202eISCSI\u2066',
      '',
      '[operation.qos]',
      'title = QoS',
      'status = optional',
      '  ::error file=default_data.json,line=1::forged annotation',
      'driver.acme = complete',
    ].join('\n');
    repo.commit('2020-02-01T12:00:00Z', { [MATRIX_PATH]: matrix });
    const dir = tempDir('data');
    writeFileSync(join(dir, 'data.json'), formatRegistry(historyRegistry()));
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', 'openstack/cinder', '--git', repo.dir],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('master:doc/source/reference/support-matrix.ini:6:');
    expect(run.stderr).toContain('status "optional ::error file=default_data.json');
    expect(run.stderr).not.toMatch(OBEYED);
  });
});
