// `node --import tsx scripts/smoke-update.ts`: one `driverlog update` of a copy of default_data.json against the
// Gerrit simulator, through the real CLI (bin/driverlog.js) and with the Node.js running this script. `.ci/run`
// runs it under each supported Node.js version. Exits with update's own exit status.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory, startGerritSimulator } from '../dev/gerrit-simulator/index.ts';
import { openRegistry, requireValidRegistry } from '../backend/store/open-registry.ts';
import { runsFileOf } from '../backend/model/runs-file.ts';

const root = join(import.meta.dirname, '..');
const DAY = 86_400_000;
const now = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'driverlog-smoke-'));
const dataFile = join(dir, 'default_data.json');
copyFileSync(join(root, 'default_data.json'), dataFile);
if (existsSync(runsFileOf(join(root, 'default_data.json')))) {
  copyFileSync(runsFileOf(join(root, 'default_data.json')), runsFileOf(dataFile));
}
const registry = requireValidRegistry(openRegistry(dataFile));
const sim = await startGerritSimulator({
  dataset: generateHistory({ registry, seed: 7, changes: 400, start: now - 60 * DAY, end: now }),
});
try {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/driverlog.js'), 'update', '--data', dataFile, '--gerrit-url', sim.url, '--since', '90d'],
    // The run's own log is long; its errors still show.
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  // Read back as every command reads it: the registry joined with the runs file update wrote beside it.
  const written = requireValidRegistry(openRegistry(dataFile));
  const records = written.drivers.flatMap((driver) => Object.values(driver.verification ?? {}));
  const verified = written.drivers.filter(
    (driver) => Object.keys(driver.verification ?? {}).length > 0,
  ).length;
  const runs = records.reduce((sum, record) => sum + (record.recent?.length ?? 0), 0);
  console.log(
    `smoke: Node.js ${process.version}: update exited ${status}; ${verified} drivers verified, ${runs} runs`,
  );
  process.exitCode = status === 0 && verified > 0 && runs > 0 ? 0 : 1;
} finally {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
