#!/usr/bin/env node
// The CLI is TypeScript. Compiling it on every start (tsx) costs more than validating a whole registry, so
// it runs from a bundle that esbuild rebuilds whenever a source is newer. Files the modules need (the schema,
// its validator, package.json) are imported, so they are in the bundle wherever it lives.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.driverlog-cli');
const entry = join(outDir, 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(item.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// What the bundle is built from, by content: sync keys the readings it keeps by it, so that a changed reader
// never answers from an older one's cache.
function sourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(item.name))
        hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'backend'));
  walk(join(root, 'schema'));
  hash.update(readFileSync(join(root, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

async function build() {
  const { buildSync } = await import('esbuild');
  // Build beside the final folder and rename it into place, so concurrent first runs never see half a bundle.
  const temp = `${outDir}-${process.pid}`;
  buildSync({
    entryPoints: [join(root, 'backend/cli/main.ts')],
    outdir: temp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Mapped stack traces for bugs, without the sources themselves: Node reads and parses the map of every module
    // it loads, and the sources (the schema's generated validator among them) were most of it.
    sourcemap: true,
    sourcesContent: false,
    define: { __DRIVERLOG_BUILD__: JSON.stringify(sourceHash()) },
    logLevel: 'error',
  });
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(temp, outDir);
  } catch (error) {
    // Another process renamed its fresh build into place first: use that one.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    rmSync(temp, { recursive: true, force: true });
  }
}

const sources = Math.max(
  newestSource(join(root, 'backend')),
  newestSource(join(root, 'schema')),
  statSync(join(root, 'package.json')).mtimeMs,
);
if (!existsSync(entry) || statSync(entry).mtimeMs < sources) {
  mkdirSync(dirname(outDir), { recursive: true });
  await build();
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
