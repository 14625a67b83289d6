import type { UpgradeReport } from './verdict-types.ts';

/** The report for tools: `{ from, to, drivers: [{ project_id, vendor, name, verdict, reasons, gained }] }`. */
export function upgradeJson(report: UpgradeReport): string {
  const value = {
    from: report.from,
    to: report.to,
    drivers: report.drivers.map((driver) => ({
      project_id: driver.project_id,
      vendor: driver.vendor,
      name: driver.name,
      verdict: driver.verdict,
      reasons: driver.reasons.map((reason) => ({
        kind: reason.kind,
        ...(reason.release !== undefined ? { release: reason.release } : {}),
        ...(reason.feature !== undefined ? { feature: reason.feature } : {}),
        source: reason.source,
        ...(reason.url !== undefined ? { url: reason.url } : {}),
      })),
      gained: driver.gained,
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
