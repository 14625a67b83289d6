import { describe, expect, it } from 'vitest';
import { vendorKey } from '../../../backend/model/vendor-key.ts';
import { buildClientIndex } from '../../../dashboard/src/lib/client-index.ts';
import { tableData } from '../../../dashboard/src/lib/table-data.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const now = Date.UTC(2024, 4, 31);
const model = fixtureModel(now);
const data = tableData(buildClientIndex(model, now, 30));
const row = (name: string) => model.drivers.findIndex((d) => d.name === name);

describe('the home table’s data', () => {
  it('finds a vendor by its id, its name or any former name', () => {
    expect(
      ['dell', 'Dell', 'Dell EMC', 'dell-emc', 'EMC'].map((name) => data.vendorIds.get(vendorKey(name))),
    ).toEqual(['dell', 'dell', 'dell', 'dell', 'dell']);
    expect(data.searchFields[row('Dell PowerMax')]![0]).toBe('Dell Dell EMC EMC');
  });

  it('keeps a driver for the releases it is claimed for or in the tree of, and knows when it left', () => {
    expect([...data.facts[row('Dell PowerMax')]!.releases].sort()).toEqual(['queens', 'rocky', 'stein']);
    expect(data.facts[row('Acme-FC')]).toMatchObject({
      removedAt: model.releases.findIndex((r) => r.id === 'Rocky'),
    });
    expect(data.facts[row('Fuel plugin')]!.retired).toBe(true);
  });
});
