// `npm start`: the offline demo. Serves the dashboard until Ctrl-C; DRIVERLOG_DEMO_PORT picks the port.
import { join } from 'node:path';
import { processIo } from '../backend/cli/main.ts';
import { runDemo } from '../backend/demo/run-demo.ts';

const root = join(import.meta.dirname, '..');
const io = processIo();
const demo = await runDemo({
  root,
  workDir: join(root, '.driverlog-demo'),
  io,
  port: Number(process.env.DRIVERLOG_DEMO_PORT ?? 4321),
});
io.stdout(
  `\nDashboard: ${demo.siteUrl}\n(working copy: ${demo.dataFile}; the committed default_data.json is untouched)\nPress Ctrl-C to stop.\n`,
);
io.signal?.addEventListener('abort', () => void demo.close());
