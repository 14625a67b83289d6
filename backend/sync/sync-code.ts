import type { Project, ProjectUpstream, Registry, Release } from '../model/types.ts';
import { mergeCode } from './code-merge.ts';
import { codeReport, type CodeReport } from './code-report.ts';
import { describeCodeChanges } from './describe-code-changes.ts';
import { moduleNameOf } from './python-module.ts';
import { readCode } from './read-code.ts';
import type { UpstreamRepo } from './repo.ts';

export interface CodeSync {
  registry: Registry;
  report: CodeReport;
  /** What changed, as clauses. */
  changes: string[];
}

/**
 * Sync's code facts for one project with upstream.code: its classes at every release's ref, merged into the
 * registry after its matrices (`registry` is the matrix merge's result).
 */
export async function syncCode(
  registry: Registry,
  project: Project & { upstream: ProjectUpstream & { code: NonNullable<ProjectUpstream['code']> } },
  releases: readonly Release[],
  repo: UpstreamRepo,
  options: { cacheDir: string; addNew: boolean; before: Registry },
): Promise<CodeSync> {
  const read = await readCode(project, releases, repo, { cacheDir: options.cacheDir });
  const roots = project.upstream.code.paths.map((path) => moduleNameOf(path).name);
  const merge = mergeCode(registry, project, read.classes, { addNew: options.addNew, roots });
  return {
    registry: merge.registry,
    report: codeReport(project.upstream.code, read, merge),
    changes: describeCodeChanges(options.before, merge.registry, project.id),
  };
}
