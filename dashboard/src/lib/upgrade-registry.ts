// The registry the upgrade verdicts read, taken from the site's model (which was built from the normalized
// registry with its runs joined), so the pages judge exactly what the rest of the site shows.
import type { Driver, Project, Registry, Release } from '../../../backend/model/types.ts';
import type { SiteModel } from './model.ts';

export function upgradeRegistry(model: SiteModel): Registry {
  const projects = model.projects.map((view): Project => {
    const project: Project = { id: view.id, name: view.name, features: view.features };
    if (view.upstream) project.upstream = view.upstream;
    return project;
  });
  const releases = model.releases.map((view): Release => {
    const release: Release = { id: view.id, wiki: view.wiki ?? '', start: view.start };
    if (view.active) release.active = true;
    return release;
  });
  const drivers = model.drivers.map((view): Driver => {
    const driver: Driver = {
      project_id: view.projectId,
      vendor: view.vendor,
      name: view.name,
      releases: view.claims,
      verification: Object.fromEntries(view.records.map(({ release, record }) => [release, record])),
    };
    if (view.ci) {
      driver.ci = {
        ...(view.ci.id !== undefined ? { id: view.ci.id } : {}),
        ...(view.ci.wikiName !== undefined ? { wiki_name: view.ci.wikiName } : {}),
      };
    }
    if (view.upstreamId) driver.upstream_id = view.upstreamId;
    if (view.upstream) driver.upstream = view.upstream;
    return driver;
  });
  return { projects, releases, drivers };
}
