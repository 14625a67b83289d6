// How long `driverlog validate` takes, as a whole process, on a registry ten times the original's
// size: 2,210 drivers with maintainers, two thirds with a CI block (as in the original data). Measured
// twice: bare as the original data was, without evidence (the registry the target was set on), and with
// one to three verification records for each driver with a CI, twice the text. Each beside a bare
// `node -e 'JSON.parse(...)'` of the same file. And on a hostile registry of the same size (long
// fields, long and pathological patterns, look-alike names), which must take time linear in its size:
// it is measured whole and at half size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRegistry } from '../backend/format/canonical.ts';
import { generateRegistry, hostileRegistry } from './generated-registry.ts';
import { reportFigures } from './report.ts';

const DRIVERS = 2210;
// Whole processes on a shared machine vary by several milliseconds: enough runs that the median holds still.
const RUNS = 11;
const root = join(import.meta.dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(args: string[]): { ms: number; status: number | null; stderr: string } {
  return timeNode([join(root, 'bin/driverlog.js'), ...args]);
}

function timeNode(args: string[]): { ms: number; status: number | null; stderr: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ms: performance.now() - start, status: result.status, stderr: result.stderr };
}

/** The median whole-process time of `validate FILE`, which must end with `status`. */
function validateMs(file: string, status: number): number {
  const runs = Array.from({ length: RUNS }, () => time(['validate', file]));
  const wrong = runs.find((run) => run.status !== status);
  if (wrong) throw new Error(`validate ${file} ended with ${wrong.status}, not ${status}: ${wrong.stderr}`);
  return median(runs.map((run) => run.ms));
}

/** validate and a bare JSON.parse of the same file, run in turn so that other load falls on both alike. */
function beside(file: string): { validateMs: number; bareMs: number } {
  const bare = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
  const turns = Array.from({ length: RUNS }, () => [time(['validate', file]), timeNode(bare)] as const);
  const wrong = turns.find(([run]) => run.status !== 0);
  if (wrong) throw new Error(`validate ${file} ended with ${wrong[0].status}, not 0: ${wrong[0].stderr}`);
  return { validateMs: median(turns.map(([run]) => run.ms)), bareMs: median(turns.map(([, run]) => run.ms)) };
}

const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-'));
try {
  const file = join(dir, 'registry.json');
  const text = formatRegistry(generateRegistry(DRIVERS));
  writeFileSync(file, text);
  const originalFile = join(dir, 'original.json');
  const originalText = formatRegistry(generateRegistry(DRIVERS, { evidence: false }));
  writeFileSync(originalFile, originalText);
  time(['--version']); // warm the transpile cache, as any second run has it
  // A command's code cache holds what its first run compiled (bin/driverlog.js): made here by the run that
  // reads the most kinds of record, as a registry's repeated validation in CI has it.
  time(['validate', file]);
  const original = beside(originalFile);
  const evidence = beside(file);
  const normalMs = evidence.validateMs;
  const bareMs = evidence.bareMs;
  const startup = Array.from({ length: RUNS }, () => time(['--version']).ms);
  const { parseJsonSource } = await import('../backend/json/source.ts');
  const parseStart = performance.now();
  parseJsonSource(text);
  const parseMs = performance.now() - parseStart;

  // Hostile registries have errors: validate must end with 1, having reported them.
  const hostileFile = join(dir, 'hostile.json');
  const hostileText = formatRegistry(hostileRegistry(3_000_000));
  writeFileSync(hostileFile, hostileText);
  const hostileMs = validateMs(hostileFile, 1);
  const halfFile = join(dir, 'hostile-half.json');
  const halfText = formatRegistry(hostileRegistry(1_500_000));
  writeFileSync(halfFile, halfText);
  const halfMs = validateMs(halfFile, 1);

  const startupMs = median(startup);
  const mb = (t: string) => (Buffer.byteLength(t) / 1e6).toFixed(2);
  console.log(
    `registry: ${DRIVERS} drivers, ${mb(originalText)} MB without evidence, ${mb(text)} MB with; hostile: ${mb(hostileText)} MB and ${mb(halfText)} MB; ${RUNS} runs each, median`,
  );
  console.log('| measure | ms |\n|---|---|');
  for (const [label, figures] of [
    [`without evidence, ${mb(originalText)} MB`, original],
    [`with evidence, ${mb(text)} MB`, evidence],
  ] as const) {
    console.log(
      `| node bin/driverlog.js validate FILE, ${label} (whole process) | ${figures.validateMs.toFixed(0)} |`,
    );
    console.log(
      `| baseline: node -e 'JSON.parse(readFileSync(FILE))', ${label} (whole process) | ${figures.bareMs.toFixed(0)} |`,
    );
    console.log(`| validate / baseline, ${label} | ${(figures.validateMs / figures.bareMs).toFixed(2)} |`);
  }
  console.log(`| node bin/driverlog.js --version (startup alone) | ${startupMs.toFixed(0)} |`);
  console.log(`| validate minus startup (reading, checking, Ajv) | ${(normalMs - startupMs).toFixed(0)} |`);
  console.log(`| parse with positions (in process, cold) | ${parseMs.toFixed(0)} |`);
  console.log(
    `| validate the hostile registry, ${mb(hostileText)} MB (whole process) | ${hostileMs.toFixed(0)} |`,
  );
  console.log(`| validate the hostile registry, ${mb(halfText)} MB (whole process) | ${halfMs.toFixed(0)} |`);
  // Linear: doubling the input about doubles the work (a quadratic check would quadruple it). Measured in
  // process, the fastest of several runs, so that other load on the machine does not blur the ratio.
  const { validateText } = await import('../backend/validate/validate.ts');
  const work = (input: string): number => {
    const start = performance.now();
    validateText(input, 'hostile.json');
    return performance.now() - start;
  };
  // Interleaved, so that warming up and the machine's other load fall on both sizes alike.
  const rounds = Array.from({ length: 3 * RUNS }, () => [work(halfText), work(hostileText)] as const);
  const halfWork = Math.min(...rounds.map(([half]) => half));
  const fullWork = Math.min(...rounds.map(([, full]) => full));
  const growth = fullWork / halfWork / (hostileText.length / halfText.length);
  console.log(
    `| validateText in process, hostile ${mb(hostileText)} MB / ${mb(halfText)} MB (fastest) | ${fullWork.toFixed(0)} / ${halfWork.toFixed(0)} |`,
  );
  console.log(
    `| growth of the work relative to the growth of the input (1 = linear) | ${growth.toFixed(2)} |`,
  );
  reportFigures([
    {
      name: `validate ${DRIVERS} drivers without evidence / bare JSON.parse of the same file (whole processes)`,
      value: Number((original.validateMs / original.bareMs).toFixed(2)),
      unit: 'x',
      target: '<= 2 x',
    },
    {
      name: `validate ${DRIVERS} drivers (whole process, median)`,
      value: Math.round(normalMs),
      unit: 'ms',
      target: '< 500 ms',
    },
    {
      name: `validate ${DRIVERS} drivers with evidence / bare JSON.parse of the same file (whole processes)`,
      value: Number((normalMs / bareMs).toFixed(2)),
      unit: 'x',
      target: '<= 2 x',
    },
    {
      name: 'baseline: bare node JSON.parse of the file (whole process)',
      value: Math.round(bareMs),
      unit: 'ms',
      target: '',
    },
    { name: 'CLI startup (--version)', value: Math.round(startupMs), unit: 'ms', target: '' },
    {
      name: `parse ${(text.length / 1e6).toFixed(1)} MB with positions (cold)`,
      value: Math.round(parseMs),
      unit: 'ms',
      target: '< 100 ms',
    },
    {
      name: `validate hostile ${mb(hostileText)} MB (whole process, median)`,
      value: Math.round(hostileMs),
      unit: 'ms',
      target: '< 1000 ms',
    },
    {
      name: 'hostile validate: work growth / input growth (1 = linear)',
      value: Number(growth.toFixed(2)),
      unit: 'x',
      target: '< 1.5 x',
    },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
