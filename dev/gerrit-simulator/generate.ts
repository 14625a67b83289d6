import type { Registry } from '../../backend/model/types.ts';
import { branchPicker } from './branches.ts';
import { buildCast, type Cast } from './cast.ts';
import { Prng } from './prng.ts';
import { writeChange } from './write-change.ts';
import type { SimDataset } from './types.ts';

export interface GenerateOptions {
  registry: Registry;
  seed: number;
  changes: number;
  /** Average messages per change (default 12); each change varies around it. */
  messagesPerChange?: number;
  /** ms; changes are spread evenly between start and end, and no message is later than end. */
  start: number;
  end: number;
  /** Share of CI results that are failures (default 0.2). */
  failureRate?: number;
  /** CI usernames whose accounts are deactivated. */
  inactiveCis?: string[];
}

/** A deterministic Gerrit history for a registry: same options and seed, same dataset. */
export function generateHistory(options: GenerateOptions): SimDataset {
  const { registry, seed, changes, start, end } = options;
  if (!(end > start)) throw new RangeError('generateHistory: end must be after start');
  const rng = new Prng(seed);
  const cast = buildCast(registry, options.inactiveCis);
  const branches = branchPicker(registry.releases ?? []);
  const weights = cumulativeWeights(cast);
  const dataset: SimDataset = { accounts: cast.accounts, changes: [] };
  for (let i = 0; i < changes; i++) {
    const created = Math.floor(start + ((end - start) * (i + rng.next())) / changes);
    const project = cast.projects[pickWeighted(rng, weights)]!;
    dataset.changes.push(
      writeChange({
        rng,
        cast,
        number: 100_000 + i,
        project,
        branch: branches.pick(rng, created),
        created,
        end,
        messages: Math.max(4, Math.round((options.messagesPerChange ?? 12) * (0.6 + 0.8 * rng.next()))),
        failureRate: options.failureRate ?? 0.2,
      }),
    );
  }
  return dataset;
}

// Projects with more CI accounts see more changes, as busy projects do.
function cumulativeWeights(cast: Cast): number[] {
  let total = 0;
  return cast.projects.map((project) => (total += 1 + project.groups.length));
}

function pickWeighted(rng: Prng, cumulative: number[]): number {
  const target = rng.next() * cumulative.at(-1)!;
  const index = cumulative.findIndex((bound) => target < bound);
  return index < 0 ? cumulative.length - 1 : index;
}
