import type { APIRoute, GetStaticPaths } from 'astro';
import { badgeRelease } from '../../lib/badge.ts';
import type { DriverView } from '../../lib/model.ts';
import { jsonResponse } from '../../site/badges.ts';
import { site } from '../../site/load.ts';

export const getStaticPaths = (() =>
  site().model.drivers.map((driver) => ({
    params: { slug: driver.slug },
    props: { driver },
  }))) satisfies GetStaticPaths;

// The same as [slug].svg, in the shields.io endpoint format.
export const GET: APIRoute = ({ props }) => {
  const { driver } = props as { driver: DriverView };
  return jsonResponse(driver, badgeRelease(driver.records));
};
