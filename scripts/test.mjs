#!/usr/bin/env node
// Runs the type check, the linter and Vitest, then prints the one closing line CI reads:
// "N passed, N failed, N skipped". Vitest's own summary is for people; this one is for machines.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;

for (const [name, cmd, args] of [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['--max-warnings=0', '.']],
  ['prettier', bin('prettier'), ['--check', '--log-level=warn', '.']],
]) {
  console.log(`\n> ${name}`);
  if (run(cmd, args) === 0) passed++;
  else {
    failed++;
    console.error(`${name} failed`);
  }
}

const report = join(root, '.test-results.json');
rmSync(report, { force: true });
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
let results;
try {
  results = JSON.parse(readFileSync(report, 'utf8'));
} catch (error) {
  console.error(`vitest wrote no readable report at ${report}: ${error.message}`);
  failed++;
}
if (results) {
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
  // A suite that failed to load has no tests to count but is still a failure.
  const brokenSuites = results.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  );
  failed += brokenSuites.length;
}
if (vitestStatus !== 0 && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
