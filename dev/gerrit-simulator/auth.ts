import type { SimAccount } from './types.ts';

/** The active account whose username and HTTP password match a Basic Authorization header. */
export function authenticate(
  header: string | undefined,
  accounts: readonly SimAccount[],
): SimAccount | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return accounts.find(
    (account) =>
      account.username === username &&
      !account.inactive &&
      account.http_password !== undefined &&
      account.http_password === password,
  );
}
