import type { APIRoute, GetStaticPaths } from 'astro';
import { badgeRelease } from '../../lib/badge.ts';
import type { DriverView } from '../../lib/model.ts';
import { svgResponse } from '../../site/badges.ts';
import { site } from '../../site/load.ts';

export const getStaticPaths = (() =>
  site().model.drivers.map((driver) => ({
    params: { slug: driver.slug },
    props: { driver },
  }))) satisfies GetStaticPaths;

// The CI status on the driver's newest release with evidence.
export const GET: APIRoute = ({ props }) => {
  const { driver } = props as { driver: DriverView };
  return svgResponse(driver, badgeRelease(driver.records));
};
