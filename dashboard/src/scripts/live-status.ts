// Re-evaluates the build-time status cells of driver and vendor pages at view time: relative ages,
// and staleness measured from today rather than from the day of the build.
import { decodeLiveStatus, liveView } from '../lib/live-status.ts';
import { renderStatus } from './status-dom.ts';

const now = Date.now();
for (const cell of document.querySelectorAll<HTMLElement>('[data-live]')) {
  renderStatus(cell, liveView(decodeLiveStatus(cell.dataset.live!), now), now);
}
