import { findEmailAddress } from '../common/email-address.ts';
import { LIMITS, type UpstreamMaintainer } from './matrix.ts';

// Projects name their drivers' maintainers with e-mail addresses beside the names ("Infoblox OpenStack Team
// <openstack-maintainer@infoblox.com>"). The registry publishes every field, so an address is never kept:
// names stay, and an IRC nick is the contact.

const NOBODY = /^(n\/?a|none|-|)$/i;

/** A maintainer's name without any e-mail address in it; undefined when nothing is left or it says nobody. */
export function maintainerName(text: string): string | undefined {
  let rest = text;
  for (let address = findEmailAddress(rest); address !== undefined; address = findEmailAddress(rest)) {
    rest = rest.replace(address, '');
  }
  const name = rest
    .replace(/<\s*>|\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return NOBODY.test(name) ? undefined : name.slice(0, LIMITS.maintainer);
}

/** "Ada Lovelace <ada@example.org>, Grace Hopper": one maintainer per name. */
export function maintainersOf(text: string | undefined): UpstreamMaintainer[] {
  return (text ?? '').split(',').flatMap((part) => {
    const name = maintainerName(part);
    return name === undefined ? [] : [{ name }];
  });
}

/** An IRC nick as the registry keeps one (no spaces), or undefined. */
export function ircNick(text: string): string | undefined {
  const nick = text.trim();
  return NOBODY.test(nick) || /\s/.test(nick) || findEmailAddress(nick) !== undefined
    ? undefined
    : nick.slice(0, LIMITS.maintainer);
}
