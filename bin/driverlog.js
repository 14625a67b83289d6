#!/usr/bin/env node
// The CLI is TypeScript. Compiling it on every start (tsx) costs more than validating a whole registry, so
// it runs from a bundle that esbuild rebuilds whenever one of the files it was built from is newer or gone.
// Files the modules need (the schema, its validator, package.json) are imported, so they are in the bundle
// wherever it lives.
//
// This file and the bundle are CommonJS (bin/package.json): a start through Node's ES module loader, one module
// at a time, cost validate about 25 ms, more than its whole schema check, and V8's code cache can be handed
// only to a script.
'use strict';
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const root = join(__dirname, '..');
const outDir = join(root, 'node_modules', '.driverlog-cli');
const entry = join(outDir, 'main.cjs');
// The files the bundle was built from (esbuild's metafile), relative to the root: a file no module imports
// cannot change the bundle, so these are all that a start has to look at.
const inputsFile = join(outDir, 'inputs.json');

/** Whether the bundle is missing, or older than a file it was built from, or one of those is gone. */
function stale() {
  const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return true;
  const inputs = readJsonIfPresent(inputsFile);
  if (inputs === undefined) return true;
  // esbuild names inputs relative to the root with forward slashes; path.join of each cost more than the stats.
  return inputs.some(
    (input) => !((statSync(`${root}/${input}`, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= built),
  );
}

// What the bundle is built from, by content: sync keys the readings it keeps by it, so that a changed reader
// never answers from an older one's cache. Only a build needs node:crypto, which costs every start to load.
function sourceHash() {
  const { createHash } = require('node:crypto');
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

/** The packages the bundle leaves to Node: every one package.json names, except Ajv. */
function bundledAside() {
  const {
    dependencies = {},
    devDependencies = {},
    optionalDependencies = {},
  } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...dependencies, ...devDependencies, ...optionalDependencies }).filter(
    (name) => name !== 'ajv',
  );
}

function build() {
  const { buildSync } = require('esbuild');
  // Build beside the final folder and rename it into place, so concurrent first runs never see half a bundle.
  const temp = `${outDir}-${process.pid}`;
  const { metafile } = buildSync({
    entryPoints: [join(root, 'backend/cli/main.ts')],
    outfile: join(temp, 'main.cjs'),
    bundle: true,
    // One file: the commands' modules are evaluated only when imported (esbuild wraps them), and one script is
    // one code cache.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Packages stay outside, loaded by Node when a command needs one, except Ajv: the generated validator
    // imports its deep-equal helper on every validate, and resolving and compiling that outside the bundle
    // (and its code cache) cost a millisecond or two of each start.
    external: bundledAside(),
    // Mapped stack traces for bugs (mappedStack below), without the sources themselves, which would be most of
    // the maps.
    sourcemap: true,
    sourcesContent: false,
    define: { __DRIVERLOG_BUILD__: JSON.stringify(sourceHash()), 'import.meta.url': '__driverlogModuleUrl' },
    // A module that resolves packages from its own URL (createRequire) does so from the bundle's.
    banner: { js: "const __driverlogModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
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

// V8's code cache, one per command: each runs different code, and the cache holds what a run compiled. V8
// refuses a cache made from other source or by another Node.js (cachedDataRejected), which is then remade.
// Everything else (--help, --version) shares one; a word that names no command gets none.

/** The bundle's `main`, and a function that saves the code cache when it had none that V8 took. */
function load(argv) {
  const { Script, constants } = require('node:vm');
  const { createRequire, wrap } = require('node:module');
  const word = /^[a-z][a-z-]{0,30}$/.test(argv[0] ?? '') ? argv[0] : undefined;
  const cache = join(outDir, `main.${word ?? 'default'}.cache`);
  const cachedData = readIfPresent(cache);
  const script = new Script(wrap(readFileSync(entry, 'utf8')), {
    filename: entry,
    cachedData,
    // The bundle's import() of a package (one that is only ES modules) goes to Node's loader.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(entry), bundle, entry, outDir);
  const { main, commandNames } = bundle.exports;
  const fresh = cachedData === undefined || script.cachedDataRejected;
  const kept = word === undefined || commandNames.includes(word);
  return { main, saveCache: () => fresh && kept && writeCache(cache, script.createCachedData()) };
}

/** The file's bytes, or undefined when there is none. */
function readIfPresent(path) {
  try {
    return readFileSync(path);
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The file's JSON, or undefined when there is none or it does not parse (a build cut short). */
function readJsonIfPresent(path) {
  const bytes = readIfPresent(path);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Writes the cache beside the bundle, whole or not at all; a folder the user cannot write only runs slower. */
function writeCache(path, data) {
  const temp = `${path}-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes(error.code)) throw error;
    rmSync(temp, { force: true });
  }
}

async function run() {
  if (stale()) {
    mkdirSync(dirname(outDir), { recursive: true });
    build();
  }
  const argv = process.argv.slice(2);
  const { main, saveCache } = load(argv);
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    // main returns every expected failure: this is a bug, and its trace names the TypeScript sources.
    for (let cause = error; cause instanceof Error; cause = cause.cause)
      if (typeof cause.stack === 'string') cause.stack = mappedStack(cause.stack);
    throw error;
  }
  saveCache();
}

// Thrown outside the promise, so that Node reports it as the crash it is (trace, exit status 1).
run().catch((error) =>
  process.nextTick(() => {
    throw error;
  }),
);

// The maps are read for a bug's trace only. Node maps the traces of the modules it loaded with source maps
// enabled, and reading every module's map cost each start more time than a registry's links take to check.
function mappedStack(stack) {
  // The bundle's map, read once; without one that parses, the frames stay as they are.
  let map;
  return stack.replace(/([^\s()]+?\.cjs):(\d+):(\d+)/g, (frame, path, line, column) => {
    if (path !== entry) return frame;
    if (map === undefined) {
      const { SourceMap } = require('node:module');
      const raw = readJsonIfPresent(`${entry}.map`);
      map = raw === undefined ? null : new SourceMap(raw);
    }
    const found = map?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!found?.originalSource) return frame;
    const source = found.originalSource.startsWith('file:')
      ? require('node:url').fileURLToPath(found.originalSource)
      : resolve(outDir, found.originalSource);
    return `${source}:${found.originalLine + 1}:${found.originalColumn + 1}`;
  });
}
