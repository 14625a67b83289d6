// The browser's side of components/Status.astro: the same renderer (lib/status-html.ts), with ages worded as
// seen from `now`.
import { routes } from '../lib/routes.ts';
import type { StatusView } from '../lib/status.ts';
import { statusHtml } from '../lib/status-html.ts';
import { joinBase } from '../lib/text.ts';

/** The site's base path, which the layout writes on <html data-base>. */
export function basePath(): string {
  return document.documentElement.dataset.base ?? '/';
}

/** Replaces the cell's content; statusHtml escapes every value. */
export function renderStatus(cell: HTMLElement, view: StatusView, now: number): void {
  cell.innerHTML = statusHtml(view, { evidenceHref: joinBase(basePath(), routes.evidence), now });
}
