import { UsageError } from '../common/errors.ts';
import type { Release } from '../model/types.ts';
import { closest } from '../common/closest.ts';

/** An upgrade from one release to a later one, and every release it passes through. */
export interface UpgradePath {
  from: string;
  to: string;
  /** The releases after `from` up to and including `to`, oldest first: skipped releases are walked too. */
  walked: string[];
}

/**
 * The path from `from` to `to` in the registry's release order (oldest first, as the schema keeps it). Release
 * names compare case-insensitively and come back as the registry spells them.
 */
export function upgradePath(releases: readonly Pick<Release, 'id'>[], from: string, to: string): UpgradePath {
  const ids = releases.map((release) => release.id);
  const at = (option: string, name: string): number => {
    const index = ids.findIndex((id) => id.toLowerCase() === name.toLowerCase());
    if (index !== -1) return index;
    const guess = closest(name, ids);
    throw new UsageError(
      `${option} ${JSON.stringify(name)} is not a release of the registry${guess ? ` (did you mean ${guess}?)` : ''}; releases: ${ids.join(', ')}`,
    );
  };
  const start = at('--from', from);
  const end = at('--to', to);
  if (end <= start) {
    throw new UsageError(
      `--to ${ids[end]} is ${end === start ? 'the same release as' : 'before'} --from ${ids[start]}: name the release you upgrade to, after the one you run`,
    );
  }
  return { from: ids[start]!, to: ids[end]!, walked: ids.slice(start + 1, end + 1) };
}
