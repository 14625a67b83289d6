// The browser's twin of components/Status.astro: same markup, relative ages seen from `now`.
import { relativeAge, type StatusView } from '../lib/status.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

function timeEl(at: number, now: number): HTMLTimeElement {
  const iso = new Date(at).toISOString().replace('.000Z', 'Z');
  const time = el('time', relativeAge(at, now));
  time.dateTime = iso;
  time.title = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return time;
}

/** Replaces the cell's content; every string goes in as text, never as markup. */
export function renderStatus(cell: HTMLElement, view: StatusView, now: number): void {
  const icon = el('span', view.icon);
  icon.setAttribute('aria-hidden', 'true');
  const label = el('b', icon, ` ${view.label}`);
  label.className = `status-${view.kind}`;
  const parts: Array<Node | string> = [label];
  if (view.release || view.details.length > 0) {
    const details = el('span');
    details.className = 'status-detail';
    if (view.release) details.append(`${view.release}: `);
    for (const d of view.details) {
      details.append(d.lead);
      if (d.at === undefined) {
        details.append(d.text);
      } else if (d.href) {
        const link = el('a', `${d.text} `, timeEl(d.at, now));
        link.href = d.href;
        details.append(link);
      } else {
        details.append(`${d.text} `, timeEl(d.at, now));
      }
    }
    parts.push(' ', details);
  }
  cell.replaceChildren(...parts);
}
