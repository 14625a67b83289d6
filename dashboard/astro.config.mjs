// @ts-check
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';

const here = dirname(fileURLToPath(import.meta.url));

// Pages read the registry through process.env at build time; default to the repository's file here,
// where the path is known, rather than guessing from inside bundled page code.
process.env.DRIVERLOG_DATA ||= resolve(here, '..', 'default_data.json');

const base = process.env.DRIVERLOG_BASE || '/';
const backend = resolve(here, '..', 'backend') + '/';

/**
 * The pages read the registry with the CLI's own reader (backend/), which finds files beside its sources
 * through `import.meta.url` (the schema's generated validator). Bundled into a page chunk, that URL would
 * name the chunk instead: keep each backend module's own URL, since the site is built where the sources are.
 */
const backendFileUrls = {
  name: 'driverlog-backend-file-urls',
  transform(code, id) {
    if (!id.startsWith(backend) || !code.includes('import.meta.url')) return null;
    return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)), map: null };
  },
};

export default defineConfig({
  output: 'static',
  base: base.endsWith('/') ? base : `${base}/`,
  trailingSlash: 'ignore',
  // Tests and benchmarks build into their own folders so they never touch dist/.
  outDir: process.env.DRIVERLOG_OUT_DIR || './dist',
  ...(process.env.DRIVERLOG_CACHE_DIR ? { cacheDir: process.env.DRIVERLOG_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline style or script: everything ships as files.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [backendFileUrls],
  },
});
