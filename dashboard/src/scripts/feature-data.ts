// The feature filter's data for <driver-table>: fetched once, when a project or a feature is first chosen
// (it costs the home page nothing otherwise), and its hits kept per release and feature list.
import { DriverlogError } from '../../../backend/common/errors.ts';
import { featureHits, type FeatureIndex } from '../lib/feature-filter.ts';
import type { ViewState } from '../lib/view-state.ts';

export class IndexLoadError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'INDEX_LOAD', 'io', options);
  }
}

export class FeatureData {
  private index: FeatureIndex | undefined;
  private loading: Promise<void> | undefined;
  private key = '';
  private rows: Set<number> | undefined;

  constructor(private readonly url: string) {}

  get loaded(): boolean {
    return this.index !== undefined;
  }

  load(): Promise<void> {
    this.loading ??= (async () => {
      const response = await fetch(this.url);
      if (!response.ok) throw new IndexLoadError(`${this.url}: HTTP ${response.status}`);
      this.index = (await response.json()) as FeatureIndex;
    })();
    return this.loading;
  }

  /** Rows whose matrix supports every chosen feature; none until the data has arrived. */
  hits(state: ViewState): Set<number> | undefined {
    if (state.features.length === 0) return undefined;
    if (!this.index) return new Set();
    const key = `${state.release}\n${state.features.join('\n')}`;
    if (key !== this.key) {
      this.key = key;
      this.rows = featureHits(this.index, state.features, state.release);
    }
    return this.rows;
  }
}
