import { text, type Reply } from './routes.ts';
import type { SimAccount, SimChange } from './types.ts';

/** The web UI's address of a change, `/c/<project>/+/<number>`: the review links DriverLog records. */
export const CHANGE_PAGE = /^\/c\/(.+)\/\+\/(\d+)\/?$/;

/**
 * A plain HTML page for a change, standing in for Gerrit's web UI so the demo's evidence links lead to the
 * comments they cite. Every string is escaped: message text comes from the (generated) history.
 */
export function changePage(change: SimChange | undefined, project: string, accounts: SimAccount[]): Reply {
  if (!change || change.project !== project) return text(404, 'Not Found');
  const names = new Map(accounts.map((account) => [account._account_id, account.username]));
  const messages = change.messages
    .map((message) => {
      const author =
        message.author === undefined ? 'Gerrit' : (names.get(message.author) ?? `#${message.author}`);
      return `<article><h2>${escape(author)} · ${escape(message.date.slice(0, 19))} UTC · patch set ${message._revision_number}</h2><pre>${escape(message.message)}</pre></article>`;
    })
    .join('\n');
  const title = `${change._number}: ${change.subject}`;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>
<p>${escape(change.project)} · ${escape(change.branch)} · ${change.status} · final patch set ${change.current_revision_number}</p>
${messages}
</body></html>`;
  return { status: 200, body, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
