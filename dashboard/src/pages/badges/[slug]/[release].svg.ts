import type { APIRoute, GetStaticPaths } from 'astro';
import type { DriverView } from '../../../lib/model.ts';
import { releaseSlug } from '../../../lib/slugs.ts';
import { badgeReleases, svgResponse } from '../../../site/badges.ts';
import { site } from '../../../site/load.ts';

export const getStaticPaths = (() =>
  site().model.drivers.flatMap((driver) =>
    badgeReleases(driver).map((release) => ({
      params: { slug: driver.slug, release: releaseSlug(release) },
      props: { driver, release },
    })),
  )) satisfies GetStaticPaths;

// The CI status on one release.
export const GET: APIRoute = ({ props }) => {
  const { driver, release } = props as { driver: DriverView; release: string };
  return svgResponse(driver, release);
};
