// Badge endpoints' responses: the status is computed once, at build time.
import type { GetStaticPaths } from 'astro';
import { badgeFor, badgeRelease, badgeSvg, shieldsJson } from '../lib/badge.ts';
import type { DriverView } from '../lib/model.ts';
import { ciStatus } from '../lib/status.ts';
import { site } from './load.ts';

export function badgeOf(driver: DriverView, release: string) {
  const { settings } = site();
  return badgeFor(ciStatus(driver.status, release, settings.now, settings.staleDays));
}

export const svgResponse = (driver: DriverView, release: string) =>
  new Response(badgeSvg(badgeOf(driver, release)), { headers: { 'Content-Type': 'image/svg+xml' } });

export const jsonResponse = (driver: DriverView, release: string) =>
  Response.json(shieldsJson(badgeOf(driver, release)));

/** The releases a driver has a badge of its own for: those it claims or has evidence for. */
export function badgeReleases(driver: DriverView): string[] {
  return [...new Set([...driver.claims, ...driver.records.map((r) => r.release)])];
}

/** What a badge endpoint is built from: a driver and the release its badge speaks for. */
export interface BadgeProps {
  driver: DriverView;
  release: string;
}

/** One badge per driver, of its newest release with evidence ([slug]/[release].svg has one per release). */
export const newestBadgePaths = (() =>
  site().model.drivers.map((driver) => ({
    params: { slug: driver.slug },
    props: { driver, release: badgeRelease(driver.records) } satisfies BadgeProps,
  }))) satisfies GetStaticPaths;
