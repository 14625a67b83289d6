// The fixture registry as the site's model, read as a build reads it (validate/read-registry.ts).
import { splitRuns } from '../../../backend/model/runs-file.ts';
import { readRegistry } from '../../../backend/validate/read-registry.ts';
import { buildModel, type SiteModel } from '../../../dashboard/src/lib/model.ts';
import { fixtureRegistry } from './fixture.ts';

export function fixtureModel(now: number): SiteModel {
  const { stored, runs } = splitRuns(fixtureRegistry(now));
  const read = readRegistry({
    text: JSON.stringify(stored),
    runsText: JSON.stringify(runs),
    file: 'fixture.json',
    now,
  });
  if (read.registry === undefined)
    throw new Error(`the fixture is no registry: ${JSON.stringify(read.problems)}`);
  return buildModel(read.registry, now);
}
