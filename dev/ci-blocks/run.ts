// Gives the drivers whose code names their CI a ci block (propose-ci-blocks.ts), and says what it did:
//   node --import tsx dev/ci-blocks/run.ts --cinder-classes FILE --nova-git GIT_DIR [--data FILE] [--check]
// FILE: cinder's driver classes as JSON ({ classes: [{ fqn, ci_wiki_name, matrix_ids }] }); GIT_DIR: a clone of
// nova (its master's doc/source/user/feature-matrix-gp.ini is read).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { driverKey } from '../../backend/model/driver-key.ts';
import { openRegistry, requireValidRegistry } from '../../backend/store/open-registry.ts';
import { saveRegistry } from '../../backend/store/save-registry.ts';
import { proposeCiBlocks, type Outcome } from './propose-ci-blocks.ts';
import { cinderWikiNames, novaWikiNames, type DriverClass } from './wiki-names.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'default_data.json' },
    'cinder-classes': { type: 'string' },
    'nova-git': { type: 'string' },
    check: { type: 'boolean' },
  },
});
const file = values.data!;
const opened = openRegistry(file);
let registry = requireValidRegistry(opened);
const outcomes = new Map<string, Outcome>();
if (values['cinder-classes'] !== undefined) {
  const classes = (JSON.parse(readFileSync(values['cinder-classes'], 'utf8')) as { classes: DriverClass[] })
    .classes;
  const proposal = proposeCiBlocks(registry, 'openstack/cinder', cinderWikiNames(registry, classes));
  registry = proposal.registry;
  for (const [key, outcome] of proposal.outcomes) outcomes.set(key, outcome);
}
if (values['nova-git'] !== undefined) {
  const ini = execFileSync(
    'git',
    ['--git-dir', values['nova-git'], 'show', 'master:doc/source/user/feature-matrix-gp.ini'],
    {
      encoding: 'utf8',
    },
  );
  const names = novaWikiNames(registry, ini);
  // Only nova's drivers that the feature matrix names: the others' CIs are not in nova's tree.
  const proposal = proposeCiBlocks(
    registry,
    'openstack/nova',
    new Map([...names].filter(([, n]) => n.length > 0)),
  );
  registry = proposal.registry;
  for (const [key, outcome] of proposal.outcomes) if (names.get(key)?.length) outcomes.set(key, outcome);
}

const counts = new Map<string, number>();
for (const [key, outcome] of outcomes) {
  counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
  const ci = 'ci' in outcome ? ` ${JSON.stringify(outcome.ci)}` : '';
  console.log(`${outcome.kind.padEnd(8)} ${key}${ci} — ${outcome.why}`);
}
const withBlock = registry.drivers.filter((d) => outcomes.has(driverKey(d)) && d.ci !== undefined);
console.log(
  `\n${outcomes.size} drivers: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}; ${withBlock.length} have a ci block, ${withBlock.filter((d) => d.ci?.wiki_name !== undefined).length} with wiki_name`,
);
if (!values.check) {
  // Written as sync writes: the runs file stays as it was read.
  const saved = saveRegistry(opened, registry, { job: 'sync' });
  console.log(saved.written ? `${file} written` : `${file} unchanged`);
}
