import type { Project, ProjectUpstream, Release } from '../model/types.ts';
import { openReadCache } from './read-cache.ts';
import { readProject } from './read-project.ts';
import { openRepo, type OpenOptions, type UpstreamRepo } from './repo.ts';

type Upstreamed = Project & { upstream: ProjectUpstream };

export type ProjectReading =
  | { ok: true; repo: UpstreamRepo; read: Awaited<ReturnType<typeof readProject>>; location: string }
  | { ok: false; error: unknown };

/**
 * Every project's repository opened and its matrices read, all at once (most of a read is waiting on git),
 * as outcomes to take in order: a failure, where its location cannot even be named too, is thrown where its
 * project's turn comes. Projects sharing a repository take turns, since a clone in the cache is one folder.
 * Each repository read stays open for its caller to close.
 */
export function readProjects(
  projects: readonly Upstreamed[],
  releases: readonly Release[],
  locationOf: (project: Upstreamed) => string,
  options: OpenOptions,
): Array<Promise<ProjectReading>> {
  const last = new Map<string, Promise<unknown>>();
  return projects.map((project) => {
    let location: string;
    try {
      location = locationOf(project);
    } catch (error) {
      return Promise.resolve({ ok: false, error });
    }
    const read = async (): Promise<ProjectReading> => {
      const repo = await openRepo(location, options);
      try {
        const cache = openReadCache(options.cacheDir, project.id);
        const read = await readProject(project, releases, repo, cache);
        cache.save();
        return { ok: true, repo, read, location };
      } catch (error) {
        repo.close();
        throw error;
      }
    };
    const outcome = (last.get(location) ?? Promise.resolve()).then(read).then(
      (reading) => reading,
      (error: unknown): ProjectReading => ({ ok: false, error }),
    );
    last.set(location, outcome);
    return outcome;
  });
}
