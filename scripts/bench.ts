// `npm run bench`: runs every benchmark in bench/ one after another (they measure time, so never in parallel)
// and ends with one table of every figure next to its target.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_PREFIX, type Figure } from '../bench/report.ts';
import { meetsTarget } from '../bench/meets-target.ts';

const benchDir = join(import.meta.dirname, '..', 'bench');
const library = new Set(['report.ts', 'meets-target.ts']);
const only = process.argv.slice(2);
const scripts = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !library.has(file))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const rows: Array<Figure & { bench: string }> = [];
const failures: string[] = [];
for (const script of scripts) {
  console.log(`\n=== bench/${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, script)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith(FIGURE_PREFIX))
      rows.push({ bench: script, ...(JSON.parse(line.slice(FIGURE_PREFIX.length)) as Figure) });
    else if (line) console.log(line);
  }
  if (result.status !== 0) failures.push(`bench/${script} exited with ${result.status ?? result.signal}`);
}

const table = rows.map((row) => {
  const met = meetsTarget(row.value, row.target, row.unit);
  const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
  return [row.name, value, row.unit, row.target || '-', met === undefined ? '' : met ? 'met' : 'MISSED'];
});
const header = ['name', 'value', 'unit', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
console.log(
  '\n' + [header, ...table].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'),
);
for (const failure of failures) console.error(failure);
process.exitCode = failures.length > 0 ? 1 : 0;
