import { splitRuns } from '../model/runs-file.ts';
import type { Registry, RunsFile } from '../model/types.ts';
import { canonicalize, formatRegistry, formatRuns } from './canonical.ts';

/**
 * The canonical texts of a registry's two files: the registry without runs, and the runs file (which the runs of
 * a canonical registry give in its order).
 */
export function formatFiles(registry: Registry): { text: string; runsText: string; runs: RunsFile } {
  const { stored, runs } = splitRuns(canonicalize(registry) as Registry);
  return { text: formatRegistry(stored), runsText: formatRuns(runs), runs };
}
