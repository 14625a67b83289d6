// When the update job last read a Gerrit project's CI comments, in words: a page that shows no evidence says
// whether anyone looked.
import type { ScanView } from './driver-view.ts';

/** "CI last scanned on 2026-12-06", or "not yet scanned against Gerrit". */
export function scanPhrase(scan: ScanView | undefined): string {
  if (scan === undefined) return 'not yet scanned against Gerrit';
  if (scan.at === undefined) return 'CI scanned against Gerrit (the scan did not record when)';
  return `CI last scanned on ${new Date(scan.at).toISOString().slice(0, 10)}`;
}

/** The home page's sentence on scans: each scanned Gerrit project with its date, or that none was scanned. */
export function scansSentence(scans: ReadonlyMap<string, ScanView>): string {
  if (scans.size === 0)
    return 'No project has been scanned against Gerrit yet: no driver has CI evidence to show.';
  const dated = [...scans]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([project, scan]) =>
      scan.at === undefined
        ? `${project} (undated)`
        : `${project} on ${new Date(scan.at).toISOString().slice(0, 10)}`,
    );
  return `CI last scanned: ${dated.join(', ')}; other projects are not yet scanned against Gerrit.`;
}
