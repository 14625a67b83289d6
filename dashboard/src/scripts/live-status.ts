// Re-evaluates what a page says as of the day it is read, not the day it was built: status cells
// (staleness, relative ages), recent-run summaries, and badge snippets' absolute URLs.
import { badgeSnippets } from '../lib/badge.ts';
import { decodeLiveStatus, liveView } from '../lib/live-status.ts';
import { recentSummary } from '../../../backend/ci/run-words.ts';
import { decodeRuns } from '../lib/run-strip.ts';
import { renderStatus } from './status-dom.ts';

const now = Date.now();
for (const cell of document.querySelectorAll<HTMLElement>('[data-live]')) {
  renderStatus(cell, liveView(decodeLiveStatus(cell.dataset.live!), now), now);
}
for (const summary of document.querySelectorAll<HTMLElement>('[data-runs]')) {
  summary.textContent = recentSummary(decodeRuns(summary.dataset.runs!), now);
}
// Built without the site's public URL, snippets name paths only; the reader's address completes them.
for (const snippet of document.querySelectorAll<HTMLElement>('[data-badge]')) {
  const { badge, page, alt, format } = snippet.dataset as Record<string, string>;
  const texts = badgeSnippets(new URL(badge!, location.href).href, new URL(page!, location.href).href, alt!);
  snippet.textContent = format === 'html' ? texts.html : texts.markdown;
}
