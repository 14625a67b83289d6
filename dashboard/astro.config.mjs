// @ts-check
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

const here = dirname(fileURLToPath(import.meta.url));

// Pages read the registry through process.env at build time; default to the repository's file here,
// where the path is known, rather than guessing from inside bundled page code.
process.env.DRIVERLOG_DATA ||= resolve(here, '..', 'default_data.json');

const base = process.env.DRIVERLOG_BASE || '/';
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
  },
});
