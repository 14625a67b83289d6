// The markup of a status, the one renderer the server (components/Status.astro) and the browser
// (scripts/status-dom.ts) share: the word and its symbol linking to the page that says what counts, then the
// explanation with its times. Every value is escaped here.
import { ageWords } from '../../../backend/ci/run-words.ts';
import { absoluteDate, type StatusView } from './status.ts';
import { xmlText } from './xml.ts';

export interface StatusHtmlOptions {
  /** The page that explains the statuses (routes.evidence under the base path); each kind has its anchor. */
  evidenceHref: string;
  /** In the browser: ages are worded as seen from `now` ("3 days ago"). On the server: absolute dates. */
  now?: number;
}

const iso = (at: number) => new Date(at).toISOString().replace('.000Z', 'Z');

function timeHtml(at: number, now: number | undefined): string {
  const stamp = iso(at);
  if (now === undefined) return `<time datetime="${stamp}">${absoluteDate(at)}</time>`;
  const title = `${stamp.slice(0, 10)} ${stamp.slice(11, 16)} UTC`;
  return `<time datetime="${stamp}" title="${title}">${xmlText(ageWords(at, now))}</time>`;
}

export function statusHtml(view: StatusView, options: StatusHtmlOptions): string {
  const label = view.release ? `${view.label} · ${view.release}` : view.label;
  const word =
    `<b class="status-${view.kind}"><a href="${xmlText(`${options.evidenceHref}#${view.kind}`)}">` +
    `<span aria-hidden="true">${view.icon}</span> ${xmlText(label)}</a></b>`;
  if (view.details.length === 0) return word;
  const details = view.details.map((d) => {
    if (d.at === undefined) return `${d.lead}${xmlText(d.text)}`;
    const phrase = `${xmlText(d.text)} ${timeHtml(d.at, options.now)}`;
    return `${d.lead}${d.href ? `<a href="${xmlText(d.href)}">${phrase}</a>` : phrase}`;
  });
  return `${word} <span class="status-detail">${details.join('')}</span>`;
}
