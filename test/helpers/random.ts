import { Prng } from '../../dev/gerrit-simulator/prng.ts';

/** A seeded uniform [0, 1) source for generated test inputs: a failure names a seed that reproduces it. */
export function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}
