import type { Driver } from './types.ts';

/** The identity of a driver in the registry: unique per (project_id, vendor, name). */
export function driverKey(driver: Pick<Driver, 'project_id' | 'vendor' | 'name'>): string {
  return `${driver.project_id}:${driver.vendor}:${driver.name}`;
}

/** The Gerrit project a driver's CI comments on: its own repo when it has one. */
export function gerritProject(driver: Pick<Driver, 'project_id' | 'repo'>): string {
  return driver.repo ?? driver.project_id;
}
