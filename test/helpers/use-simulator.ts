import { afterAll, afterEach } from 'vitest';
import {
  startGerritSimulator,
  type GerritSimulator,
  type SimChange,
  type SimDataset,
  type SimulatorOptions,
} from '../../dev/gerrit-simulator/index.ts';
import { ACCOUNTS } from './update-fixtures.ts';

export interface SimulatorSlot {
  /** Starts the simulator on `changes` by the update fixtures' accounts, or on a dataset of its own. */
  start(
    data: SimChange[] | SimDataset,
    options?: Omit<SimulatorOptions, 'dataset'>,
  ): Promise<GerritSimulator>;
  /** The simulator started last; a test that uses it before starting one has a bug. */
  readonly current: GerritSimulator;
}

/**
 * A Gerrit simulator that is closed after each test (or, with 'all', after the file's tests), so that a
 * failing test cannot leave a server listening and keep the run from ending.
 */
export function useSimulator(scope: 'each' | 'all' = 'each'): SimulatorSlot {
  let sim: GerritSimulator | undefined;
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await sim?.close();
    sim = undefined;
  });
  return {
    async start(data, options = {}) {
      const dataset = Array.isArray(data) ? { accounts: ACCOUNTS, changes: data } : data;
      sim = await startGerritSimulator({ ...options, dataset });
      return sim;
    },
    get current() {
      if (sim === undefined) throw new Error('no Gerrit simulator has been started');
      return sim;
    },
  };
}
