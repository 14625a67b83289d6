import { describe, expect, it } from 'vitest';
import { buildClientIndex, decodeDriver } from '../../../dashboard/src/lib/client-index.ts';
import { rowSignals, rowSignalsHtml } from '../../../dashboard/src/lib/row-signals.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const now = Date.UTC(2024, 4, 31);
const model = fixtureModel(now);
const index = buildClientIndex(model, now, 30);
const driver = (name: string) =>
  decodeDriver(index.drivers[model.drivers.findIndex((d) => d.name === name)]!, index);
const signals = (name: string, release: string) =>
  rowSignals(driver(name), release, index.releases, model.roles);

describe('a row’s signals', () => {
  it('speak of the newest maintained release without a selection, with no reason to match', () => {
    expect(signals('Acme FC', '')).toEqual({ release: 'Stein', claimed: false, tree: 'unsupported' });
  });

  it('say why a row matches the selected release: claimed, in the tree, or both', () => {
    expect(signals('Acme FC', 'rocky')).toMatchObject({
      release: 'Rocky',
      matches: 'claimed and in the tree',
    });
    expect(signals('Acme FC', 'stein')).toMatchObject({ matches: 'in the tree' });
    expect(signals('Acme-FC', 'stein')).toMatchObject({ tree: 'out', matches: 'claimed' });
    expect(signals('Switch 2', 'stein')?.matches).toBeUndefined();
  });

  it('take the newest release of a list that the row matches', () => {
    expect(signals('Acme-FC', 'queens,rocky')).toMatchObject({ release: 'Queens', matches: 'in the tree' });
  });

  it('are words, and leave out the tree of a project without tree data', () => {
    expect(rowSignalsHtml(signals('Acme FC', 'stein'))).toBe(
      '<span class="row-release">Stein:</span> not claimed · in the tree, unsupported by the project <span class="why">matches: in the tree</span>',
    );
    expect(rowSignalsHtml(signals('Zeta compute', ''))).toBe(
      '<span class="row-release">Stein:</span> claimed',
    );
  });
});
