// What the upgrade pages show of a report: rows with their verdict in the site's status words and colours, each
// reason with a link to its evidence, and the pages' addresses.
import type { UpgradePair } from '../../../backend/upgrade/upgrade-pairs.ts';
import { reasonWords, VERDICT_WORDS } from '../../../backend/upgrade/reason-words.ts';
import type { Reason, UpgradeReport, Verdict } from '../../../backend/upgrade/verdict-types.ts';
import { driverKey } from '../../../backend/model/driver-key.ts';
import type { DriverView } from './driver-view.ts';
import type { SiteModel } from './model.ts';
import { routes } from './routes.ts';
import { releaseSlug } from './slugs.ts';
import { STATUS_ICON } from './status.ts';
import { formatViewState, EMPTY_VIEW } from './view-state.ts';
import { joinBase, safeHref, shortProjectName } from './text.ts';

/** A verdict in the colours of the CI statuses: blocked as failing, attention as stale, ok as passing. */
export const VERDICT_CLASS: Record<Verdict, string> = {
  blocked: 'status-failing',
  attention: 'status-stale',
  ok: 'status-passing',
};

export const VERDICT_ICON: Record<Verdict, string> = {
  blocked: STATUS_ICON.failing,
  attention: '⚠\uFE0E',
  ok: STATUS_ICON.passing,
};

export interface ReasonView {
  text: string;
  /** Where the evidence is shown: the project's matrix page for the release, the review, the driver page. */
  href: string;
  label: string;
}

export interface UpgradeRow {
  projectId: string;
  project: string;
  vendor: string;
  /** The vendor's id, which the vendor filter takes. */
  vendorId: string;
  vendorHref: string;
  name: string;
  driverHref: string;
  verdict: Verdict;
  reasons: ReasonView[];
  /** Titles of the features gained. */
  gained: string[];
}

/** An upgrade page's path segment: "epoxy-to-hibiscus". */
export function upgradePairSlug(pair: UpgradePair): string {
  return `${releaseSlug(pair.from)}-to-${releaseSlug(pair.to)}`;
}

/** The address of an upgrade page, under the base path. */
export function upgradePagePath(pair: UpgradePair): string {
  return routes.upgrade(pair.from, pair.to);
}

export function verdictWord(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

/** The report's drivers as table rows, in its order; drivers the model lacks are left out. */
export function upgradeRows(report: UpgradeReport, model: SiteModel, base: string): UpgradeRow[] {
  const views = new Map(model.drivers.map((view) => [view.key, view]));
  const projects = new Map(model.projects.map((project) => [project.id, project]));
  return report.drivers.flatMap((verdict): UpgradeRow[] => {
    const view = views.get(driverKey(verdict));
    if (view === undefined) return [];
    const project = projects.get(view.projectId);
    const titles = new Map((project?.features ?? []).map((feature) => [feature.id, feature.title]));
    const driverHref = joinBase(base, routes.driver(view.slug));
    const evidence = (reason: Reason): Omit<ReasonView, 'text'> => {
      const on = reason.on;
      if (on.type === 'project') {
        const page = project?.matrixReleases.includes(on.release)
          ? routes.project(view.projectSlug, on.release)
          : routes.project(view.projectSlug);
        return {
          href: joinBase(base, page),
          label: `${shortProjectName(view.projectName)} in ${on.release}`,
        };
      }
      if (on.type === 'ci') {
        const review = safeHref(on.review_url);
        return review
          ? { href: review, label: `the review (${on.release})` }
          : { href: driverHref, label: 'CI evidence' };
      }
      return { href: driverHref, label: 'the vendor’s claim' };
    };
    return [
      {
        projectId: view.projectId,
        project: shortProjectName(view.projectName),
        vendor: view.vendor,
        vendorId: view.vendorId,
        vendorHref: joinBase(base, routes.vendor(view.vendorId)),
        name: view.name,
        driverHref,
        verdict: verdict.verdict,
        reasons: verdict.reasons.map((reason) => ({
          text: reasonWords(reason, report),
          ...evidence(reason),
        })),
        gained: verdict.gained.map((feature) => titles.get(feature) ?? feature),
      },
    ];
  });
}

/**
 * The upgrade pages a driver page links to: those from the driver's newest claimed or in-tree release, each
 * filtered to the driver's project and vendor. Empty when that release has no upgrade pages.
 */
export function driverUpgradeLinks(
  driver: Pick<DriverView, 'projectId' | 'vendorId' | 'claims' | 'upstream'>,
  releaseOrder: readonly string[],
  pairs: readonly UpgradePair[],
  base: string,
): Array<{ from: string; to: string; href: string }> {
  const known = new Set([...driver.claims, ...(driver.upstream?.in_tree ?? [])]);
  const newest = [...releaseOrder].reverse().find((id) => known.has(id));
  const query = formatViewState({ ...EMPTY_VIEW, project: driver.projectId, vendor: driver.vendorId });
  return pairs
    .filter((pair) => pair.from === newest)
    .map((pair) => ({ ...pair, href: `${joinBase(base, upgradePagePath(pair))}${query}` }));
}
