// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';

const here = dirname(fileURLToPath(import.meta.url));

// Pages read the registry through process.env at build time; default to the repository's file here,
// where the path is known, rather than guessing from inside bundled page code.
process.env.DRIVERLOG_DATA ||= resolve(here, '..', 'default_data.json');

const base = (process.env.DRIVERLOG_BASE || '/').replace(/\/?$/, '/');

/**
 * Writes the badges and feeds (src/site/static-files.ts) once the pages are built. The pages' bundle hands over
 * the producer under a global symbol, as it and this file are separate module graphs in the one build process.
 * @returns {import('astro').AstroIntegration}
 */
function staticFiles() {
  return {
    name: 'driverlog-static-files',
    hooks: {
      'astro:build:done': ({ dir }) => {
        /** @type {unknown} */
        const produce = /** @type {Record<symbol, unknown>} */ (globalThis)[
          Symbol.for('driverlog.static-files')
        ];
        if (typeof produce !== 'function') {
          throw new Error('the home page did not hand over the badges and feeds (offerStaticFiles)');
        }
        const root = fileURLToPath(dir);
        const made = new Set();
        for (const file of /** @type {Iterable<{ path: string; body: string }>} */ (produce())) {
          const path = join(root, file.path);
          const folder = dirname(path);
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          writeFileSync(path, file.body);
        }
      },
    },
  };
}

/**
 * The schema's generated validators stay outside the pages' bundle, imported from where they are: they are large
 * generated CommonJS that bundling parses and rewrites on every build, for a server that only loads them once.
 * @returns {import('vite').Plugin}
 */
function generatedValidatorsExternal() {
  return {
    name: 'driverlog-generated-validators-external',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer, options) {
      if (!options?.ssr || !importer || !/\.generated\.cjs$/.test(source)) return null;
      // A file URL, which the bundler keeps as written (a path it would rewrite relative to the output).
      return { id: pathToFileURL(resolve(dirname(importer), source)).href, external: true };
    },
  };
}

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'ignore',
  // Tests and benchmarks build into their own folders so they never touch dist/.
  outDir: process.env.DRIVERLOG_OUT_DIR || './dist',
  ...(process.env.DRIVERLOG_CACHE_DIR ? { cacheDir: process.env.DRIVERLOG_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
  integrations: [staticFiles()],
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline style or script: everything ships as files.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [generatedValidatorsExternal()],
  },
});
