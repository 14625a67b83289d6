#!/usr/bin/env node
// The CLI is TypeScript. Compiling it on every start (tsx) costs more than validating a whole registry, so
// it runs from a bundle that esbuild rebuilds whenever one of the files it was built from is newer or gone. Files the modules need (the schema,
// its validator, package.json) are imported, so they are in the bundle wherever it lives.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.driverlog-cli');
const entry = join(outDir, 'main.js');
// The files the bundle was built from (esbuild's metafile), relative to the root: a file no module imports
// cannot change the bundle, so these are all that a start has to look at.
const inputsFile = join(outDir, 'inputs.json');

/** Whether the bundle is missing, or older than a file it was built from, or one of those is gone. */
function stale() {
  const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT' || error instanceof SyntaxError) return true;
    throw error;
  }
  return inputs.some(
    (input) => !((statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= built),
  );
}

// What the bundle is built from, by content: sync keys the readings it keeps by it, so that a changed reader
// never answers from an older one's cache. Only a build needs node:crypto, which costs every start to load.
async function sourceHash() {
  const { createHash } = await import('node:crypto');
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
  const { metafile } = buildSync({
    entryPoints: [join(root, 'backend/cli/main.ts')],
    outdir: temp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Mapped stack traces for bugs (mappedStack below), without the sources themselves, which would be most of
    // the maps.
    sourcemap: true,
    sourcesContent: false,
    define: { __DRIVERLOG_BUILD__: JSON.stringify(await sourceHash()) },
    logLevel: 'error',
    metafile: true,
    absWorkingDir: root,
  });
  writeFileSync(join(temp, 'inputs.json'), JSON.stringify(Object.keys(metafile.inputs)));
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(temp, outDir);
  } catch (error) {
    // Another process renamed its fresh build into place first: use that one.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    rmSync(temp, { recursive: true, force: true });
  }
}

if (stale()) {
  mkdirSync(dirname(outDir), { recursive: true });
  await build();
}
const { main } = await import(pathToFileURL(entry).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // main returns every expected failure: this is a bug, and its trace names the TypeScript sources.
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if (typeof cause.stack === 'string') cause.stack = mappedStack(cause.stack);
  throw error;
}

// The maps are read for a bug's trace only. Node maps the traces of the modules it loaded with source maps
// enabled, and reading every module's map cost each start more time than a registry's links take to check.
function mappedStack(stack) {
  const maps = new Map();
  return stack.replace(/(file:\/\/[^\s()]+?\.js):(\d+):(\d+)/g, (frame, url, line, column) => {
    const path = fileURLToPath(url);
    if (!path.startsWith(outDir + sep)) return frame;
    if (!maps.has(path)) maps.set(path, readMap(`${path}.map`));
    const found = maps.get(path)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!found?.originalSource) return frame;
    const source = found.originalSource.startsWith('file:')
      ? fileURLToPath(found.originalSource)
      : resolve(dirname(path), found.originalSource);
    return `${source}:${found.originalLine + 1}:${found.originalColumn + 1}`;
  });
}

/** The source map at `path`, or undefined when there is none that parses: the frame then stays as it is. */
function readMap(path) {
  try {
    return new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    if (error.code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
