import type { AccountInfo, ChangeInfo, ChangeMessageInfo } from '../../backend/gerrit/types.ts';
import type { SimAccount, SimChange } from './types.ts';

export interface SerializeOptions {
  messages: boolean;
  detailedAccounts: boolean;
  /** Older servers: send current_revision + revisions instead of current_revision_number. */
  currentRevision: boolean;
  /** Gerrit before 3.10 has no current_revision_number. */
  legacyRevisions?: boolean;
}

/** Gerrit's AccountInfo: only the id unless details were asked for. */
export function accountInfo(account: SimAccount | undefined, id: number, detailed: boolean): AccountInfo {
  if (!detailed || !account) return { _account_id: id };
  const info: AccountInfo = { _account_id: id, name: account.name, username: account.username };
  if (account.email !== undefined) info.email = account.email;
  if (account.inactive) info.inactive = true;
  return info;
}

/** A SimChange as Gerrit 3.10+ sends it for the given `o=` options. */
export function changeInfo(
  change: SimChange,
  accounts: ReadonlyMap<number, SimAccount>,
  options: SerializeOptions,
): ChangeInfo & Record<string, unknown> {
  const account = (id: number) => accountInfo(accounts.get(id), id, options.detailedAccounts);
  const project = encodeURIComponent(change.project);
  const info: ChangeInfo & Record<string, unknown> = {
    id: `${project}~${change._number}`,
    triplet_id: `${project}~${encodeURIComponent(change.branch)}~${change.change_id}`,
    project: change.project,
    branch: change.branch,
    change_id: change.change_id,
    subject: change.subject,
    status: change.status,
    created: change.created,
    updated: change.updated,
    _number: change._number,
    owner: account(change.owner),
    current_revision_number: change.current_revision_number,
  };
  if (options.legacyRevisions) delete info.current_revision_number;
  if (change.submitted !== undefined) info.submitted = change.submitted;
  if (options.currentRevision) {
    const sha = revisionSha(change._number, change.current_revision_number);
    info.current_revision = sha;
    info.revisions = { [sha]: { _number: change.current_revision_number } };
  }
  if (options.messages) {
    info.messages = change.messages.map((message) => {
      const out: ChangeMessageInfo = { id: message.id, date: message.date, message: message.message };
      if (message.author !== undefined) out.author = account(message.author);
      if (message.tag !== undefined) out.tag = message.tag;
      out._revision_number = message._revision_number;
      return out;
    });
  }
  return info;
}

function revisionSha(change: number, patchSet: number): string {
  return `${change.toString(16)}${patchSet.toString(16)}`.padStart(40, '0');
}
