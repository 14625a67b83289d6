// Applies dev/registry-edits/vendor-facts.ts to a registry (default: default_data.json): the vendors list, one
// name per company, the merged duplicate drivers and retired projects. Prints what it changed; running it
// again changes nothing.
import { DriverlogError } from '../backend/common/errors.ts';
import { openRegistry, requireValidRegistry } from '../backend/store/open-registry.ts';
import { saveRegistry } from '../backend/store/save-registry.ts';
import { applyVendorFacts } from '../dev/registry-edits/apply-vendor-facts.ts';
import { describeVendorFacts } from '../dev/registry-edits/describe-vendor-facts.ts';

const file = process.argv[2] ?? 'default_data.json';
try {
  const opened = openRegistry(file, { cwd: process.cwd() });
  const { registry, log } = applyVendorFacts(requireValidRegistry(opened));
  // Written as sync writes: the runs file stays as it was read.
  const saved = saveRegistry(opened, registry, { job: 'sync' });
  process.stdout.write(describeVendorFacts(log, file, saved.written));
} catch (error) {
  if (!(error instanceof DriverlogError)) throw error;
  process.stderr.write(`apply-vendor-facts: ${error.message}\n`);
  process.exitCode = error.exit === 'problems' ? 1 : 2;
}
