import type { Driver, Registry } from '../../../backend/registry/types.ts';
import { validRegistry } from '../../helpers/registry-fixture.ts';

/**
 * One input that breaks one rule: the check must report it once, at `pointer`. Checks added later keep their
 * cases in `cases/<check id>.ts`, exporting `failingCases` (and optionally `passingCases`); the suite loads
 * every such file, and fails when a check has no failing case anywhere.
 */
export interface FailingCase {
  check: string;
  severity?: 'error' | 'warning';
  /** The registry to validate (serialised canonically), or `text` for inputs JSON cannot express. */
  registry?: () => unknown;
  text?: () => string;
  pointer: string;
  message: RegExp;
  hint?: RegExp;
}

/** A valid registry with one change applied. */
export const edit = (change: (r: Registry) => void): Registry => {
  const registry = validRegistry();
  change(registry);
  return registry;
};
export const acme = (r: Registry): Driver => r.drivers[0]!;
export const ci = (r: Registry) => acme(r).ci!;
