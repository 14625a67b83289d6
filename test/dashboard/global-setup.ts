// One temporary folder per test run for built sites, shared by every worker and removed at the end.
// Nothing is built here: a site is built on first use (helpers/site.ts), so runs that do not touch
// the dashboard pay nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardSitesDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-sites-'));
  project.provide('dashboardSitesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
