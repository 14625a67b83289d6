import type { APIRoute } from 'astro';
import { svgResponse, newestBadgePaths, type BadgeProps } from '../../site/badges.ts';

export const getStaticPaths = newestBadgePaths;

// The CI status on the driver's newest release with evidence.
export const GET: APIRoute = ({ props }) => {
  const { driver, release } = props as BadgeProps;
  return svgResponse(driver, release);
};
