import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SILENT_DAYS, parseAsOf, parseSilentDays } from '../../audit/audit-options.ts';
import { parseFailOn, parseUpgradeFormat } from '../../upgrade/upgrade-options.ts';
import { runUpgrade } from '../../upgrade/run-upgrade.ts';

export const command: Command = {
  name: 'upgrade',
  summary: 'Say what an upgrade from one release to another does to your drivers (no network)',
  help: `Usage: driverlog upgrade --from RELEASE --to RELEASE [--config FILE]... [--driver KEY]...
                        [--project ID]... [--data FILE] [--format text|markdown|json]
                        [--fail-on blocked|attention] [--as-of DATE] [--silent-days N]

Walks every release from --from to --to and gives each driver a verdict, every reason naming its
source (the vendor's claim, the project's matrix or code at a ref, a CI record), and the features
it gains:
  blocked    not in the tree at --to (and the release that removed it), unsupported by the project
             at --to, or its project retired by then
  attention  unsupported at a release on the way, a feature complete or partial at --from and
             missing or unknown at --to, no CI evidence for --to, CI failing or silent (the audit's
             rules), claimed for --from but not for --to
  ok         none of these

Drivers: those the config files enable, and those named with --driver; without either, every
driver in the tree or claimed at --from. Config files are the deployment's own (oslo.config INI);
only these keys are read, never a password or any other value:
  cinder.conf     [DEFAULT] enabled_backends, and each back end's volume_driver
  manila.conf     [DEFAULT] enabled_share_backends, and each back end's share_driver
  nova.conf       [DEFAULT] compute_driver (libvirt.LibvirtDriver is nova.virt.libvirt.LibvirtDriver)
  ml2_conf.ini    [ml2] mechanism_drivers (entry point names)
  ironic.conf     [DEFAULT] enabled_hardware_types (entry point names)
A value that is no driver of the registry is reported on stderr at FILE:LINE with the closest known.

Options:
  --from RELEASE       the release you run
  --to RELEASE         the release you upgrade to
  --config FILE        a config file of the deployment (repeatable)
  --driver KEY         a driver, as project_id:vendor:name (repeatable)
  --project ID         only drivers of this project (repeatable)
  --data FILE          registry (default: default_data.json)
  --format F           text (default), markdown (for a change ticket or an issue) or json
  --fail-on V          exit 1 when a driver is blocked (blocked), or blocked or needs attention
                       (attention)
  --as-of DATE         "now" for the silent rule: YYYY-MM-DD or an ISO 8601 UTC time (default: the clock)
  --silent-days N      days without a counting comment before a CI is silent (default ${DEFAULT_SILENT_DAYS})
  -h, --help           show this help

Exit status: 0 done, 1 a driver met --fail-on or the registry has problems, 2 usage or I/O error (an
unknown release, --to not after --from, a config file that cannot be read, or config files none of
whose drivers the registry knows).

Examples:
  driverlog upgrade --from Epoxy --to Hibiscus --project openstack/cinder
  driverlog upgrade --from Epoxy --to Gazpacho --config /etc/cinder/cinder.conf --format markdown
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        config: { type: 'string', multiple: true },
        driver: { type: 'string', multiple: true },
        project: { type: 'string', multiple: true },
        data: { type: 'string', default: 'default_data.json' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        'as-of': { type: 'string' },
        'silent-days': { type: 'string' },
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values.from === undefined || values.to === undefined) {
      throw new UsageError('name both releases: --from RELEASE (the one you run) and --to RELEASE');
    }
    const outcome = runUpgrade({
      cwd: io.cwd,
      dataFile: values.data,
      from: values.from,
      to: values.to,
      configs: values.config ?? [],
      drivers: values.driver ?? [],
      projects: values.project ?? [],
      asOf: values['as-of'] === undefined ? Date.now() : parseAsOf(values['as-of']),
      silentDays:
        values['silent-days'] === undefined ? DEFAULT_SILENT_DAYS : parseSilentDays(values['silent-days']),
      format: parseUpgradeFormat(values.format),
      failOn: parseFailOn(values['fail-on']),
    });
    io.stdout(outcome.output);
    for (const warning of outcome.warnings) io.stderr(`driverlog upgrade: ${warning}\n`);
    return outcome.exitCode;
  },
};
