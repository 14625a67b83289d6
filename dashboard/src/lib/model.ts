// Everything the pages render, from one registry: drivers in the registry's own order (its comparators, so
// "Vendor 9" comes before "Vendor 10" here as in the file), and the releases, projects and vendors around them.
import { compareDrivers } from '../../../backend/model/key-order.ts';
import type { Registry } from '../../../backend/model/types.ts';
import { driverView, type DriverView, type ScanView } from './driver-view.ts';
import { projectViews, type ProjectView } from './project-views.ts';
import { releaseOrder, releaseRoles, type ReleaseRoles, type ReleaseView } from './release-views.ts';
import { driverSlugs } from './slugs.ts';
import { vendorViews, type VendorView } from './vendor-views.ts';

export interface SiteModel {
  releases: ReleaseView[];
  /** The newest maintained release and the release in development, as of the build. */
  roles: ReleaseRoles;
  /** Listed projects and any a driver names, by name. */
  projects: ProjectView[];
  /** By name. */
  vendors: VendorView[];
  /** Vendor pages' former slugs (from vendors' former names) → the vendor's id: they redirect. */
  formerVendorSlugs: Map<string, string>;
  drivers: DriverView[];
  /** The update job's scans, per Gerrit project it scanned. */
  scans: Map<string, ScanView>;
}

/** The scan state's projects: each scanned one, with when, where the job recorded it. */
function scanViews(registry: Registry): Map<string, ScanView> {
  const scans = new Map<string, ScanView>();
  for (const [project, state] of Object.entries(registry.scan_state?.projects ?? {})) {
    const at = state.scanned === undefined ? Number.NaN : Date.parse(state.scanned);
    scans.set(project, Number.isNaN(at) ? {} : { at });
  }
  return scans;
}

export function buildModel(registry: Registry, now: number): SiteModel {
  const releases = releaseOrder(registry);
  const position = new Map(releases.map((r, i) => [r.id, i]));
  const drivers = [...registry.drivers].sort(compareDrivers);
  const projects = projectViews(registry, drivers, releases);
  const byProject = new Map(projects.map((p) => [p.id, p]));
  const vendors = vendorViews(registry);
  const slugs = driverSlugs(drivers);
  const scans = scanViews(registry);
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  return {
    releases,
    roles: releaseRoles(registry, releases, now),
    projects,
    vendors: vendors.list,
    formerVendorSlugs: vendors.formerSlugs,
    drivers: drivers.map((d, i) =>
      driverView(d, {
        slug: slugs[i]!,
        vendor: vendors.of(d.vendor),
        project: byProject.get(d.project_id)!,
        byPosition,
        scans,
        ...(registry.scan_state ? { scanState: registry.scan_state } : {}),
      }),
    ),
    scans,
  };
}
