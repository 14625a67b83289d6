// `npm start`: the offline demo. Serves the dashboard until Ctrl-C; DRIVERLOG_DEMO_PORT picks the port.
import { join } from 'node:path';
import { DriverlogError } from '../backend/common/errors.ts';
import { processIo } from '../backend/common/io.ts';
import { runDemo } from '../dev/demo/run-demo.ts';

const root = join(import.meta.dirname, '..');
const io = processIo();
const portText = process.env.DRIVERLOG_DEMO_PORT ?? '4321';
const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
if (!(port >= 0 && port <= 65535)) {
  io.stderr(`npm start: DRIVERLOG_DEMO_PORT="${portText}" is not a port: use a number from 1 to 65535\n`);
  process.exit(2);
}
try {
  const demo = await runDemo({ root, workDir: join(root, '.driverlog-demo'), io, port });
  io.stdout(
    `\nDashboard: ${demo.siteUrl}\n(working copy: ${demo.dataFile}; the committed default_data.json is untouched)\nPress Ctrl-C to stop.\n`,
  );
  io.signal?.addEventListener('abort', () => void demo.close());
} catch (error) {
  if (!(error instanceof DriverlogError)) throw error;
  io.stderr(`npm start: ${error.message}\n`);
  process.exitCode = 1;
}
