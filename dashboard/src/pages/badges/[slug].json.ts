import type { APIRoute } from 'astro';
import { jsonResponse, newestBadgePaths, type BadgeProps } from '../../site/badges.ts';

export const getStaticPaths = newestBadgePaths;

// The same as [slug].svg, in the shields.io endpoint format.
export const GET: APIRoute = ({ props }) => {
  const { driver, release } = props as BadgeProps;
  return jsonResponse(driver, release);
};
