import { describe, expect, it } from 'vitest';
import { IRONIC_STATUSES, readIronicEntryPoints } from '../../backend/sync/ironic-entry-points.ts';
import { matrixError, treeWith } from './helpers/tree.ts';

// Hardware types of our own, with ironic's ways of inheriting `supported`: a module imported from its
// package, a class imported by name, a relative import, an aliased module, a decorated base class.
const SETUP_CFG = `[metadata]
name = ironic

[entry_points]
ironic.hardware.types =
    acme = ironic.drivers.acme:AcmeHardware
    fake-hardware = ironic.drivers.fake_hardware:FakeHardware
    ipmi = ironic.drivers.ipmi:IPMIHardware
    old = ironic.drivers.old:OldHardware
    zeta = ironic.drivers.zeta:ZetaHardware
`;

const PYPROJECT = `[project]
name = "ironic"

[project.entry-points."ironic.hardware.types"]
acme = "ironic.drivers.acme:AcmeHardware"
fake-hardware = "ironic.drivers.fake_hardware:FakeHardware"
ipmi = "ironic.drivers.ipmi:IPMIHardware"
old = "ironic.drivers.old:OldHardware"
zeta = "ironic.drivers.zeta:ZetaHardware"
`;

const MODULES = {
  'ironic/__init__.py': '',
  'ironic/drivers/__init__.py': '',
  'ironic/drivers/hardware_type.py': `import abc

import six


@six.add_metaclass(abc.ABCMeta)
class AbstractHardwareType(object):
    """Abstract base class for all hardware types."""

    supported = True
`,
  'ironic/drivers/generic.py': `from ironic.drivers import hardware_type


class GenericHardware(hardware_type.AbstractHardwareType):
    """Generic hardware type."""
`,
  'ironic/drivers/ipmi.py': `from ironic.drivers import generic


class IPMIHardware(generic.GenericHardware):
    """IPMI hardware type.

    Uses ipmitool.
    """
`,
  'ironic/drivers/acme.py': `from ironic.drivers.ipmi import IPMIHardware as Base


class AcmeHardware(Base):
    """Acme Remote Controller hardware type."""
`,
  'ironic/drivers/old.py': `from . import generic as g


class OldHardware(g.GenericHardware):
    """Old hardware type."""

    # Nobody tests it any more.
    supported = False
`,
  'ironic/drivers/zeta.py': `import ironic.drivers.old as legacy


class ZetaHardware(legacy.OldHardware):
    """Zeta hardware type."""
`,
  'ironic/drivers/fake_hardware.py': `from ironic.drivers import generic


class FakeHardware(generic.GenericHardware):
    """Fake hardware type."""
`,
};

const read = async (files: Record<string, string>) =>
  readIronicEntryPoints('setup.cfg', await treeWith(files));

describe('readIronicEntryPoints', () => {
  it('lists the ironic.hardware.types entry points of setup.cfg, with each class’s `supported` as status', async () => {
    const matrix = (await read({ 'setup.cfg': SETUP_CFG, ...MODULES }))!;
    expect(matrix.drivers.map((d) => [d.id, d.title, d.status])).toEqual([
      ['acme', 'Acme Remote Controller hardware type', 'supported'],
      ['fake-hardware', 'Fake hardware type', 'supported'],
      ['ipmi', 'IPMI hardware type', 'supported'],
      ['old', 'Old hardware type', 'unsupported'],
      // Inherited from OldHardware through an aliased module import.
      ['zeta', 'Zeta hardware type', 'unsupported'],
    ]);
    expect(matrix.statuses).toEqual(IRONIC_STATUSES);
    expect(matrix.warnings).toEqual([]);
  });

  it('reads pyproject.toml when setup.cfg has no entry points, and agrees with setup.cfg when both have them', async () => {
    const cfg = '[metadata]\nname = ironic\n';
    const fromToml = (await read({ 'setup.cfg': cfg, 'pyproject.toml': PYPROJECT, ...MODULES }))!;
    const both = (await read({ 'setup.cfg': SETUP_CFG, 'pyproject.toml': PYPROJECT, ...MODULES }))!;
    expect(fromToml.drivers.map((d) => [d.id, d.status])).toEqual(both.drivers.map((d) => [d.id, d.status]));
    expect(both.warnings).toEqual([]);
  });

  it('warns when setup.cfg and pyproject.toml disagree, and reads pyproject.toml', async () => {
    const matrix = (await read({
      'setup.cfg': SETUP_CFG.replace('    zeta = ironic.drivers.zeta:ZetaHardware\n', ''),
      'pyproject.toml': PYPROJECT,
      ...MODULES,
    }))!;
    expect(matrix.drivers.map((d) => d.id)).toContain('zeta');
    expect(matrix.warnings).toEqual([
      expect.stringMatching(
        /^stable\/2025\.1:setup\.cfg and stable\/2025\.1:pyproject\.toml declare different ironic\.hardware\.types entry points .*; pyproject\.toml is read$/,
      ),
    ]);
  });

  it('marks fake-hardware and manual-management as test and utility types, not vendors’ drivers', async () => {
    const matrix = (await read({ 'setup.cfg': SETUP_CFG, ...MODULES }))!;
    expect(matrix.drivers.find((d) => d.id === 'fake-hardware')!.utility).toMatch(/test hardware type/);
    expect(matrix.drivers.find((d) => d.id === 'acme')!.utility).toBeUndefined();
  });

  it('warns, naming the entry point’s line, when a class cannot be found or sets `supported` to no boolean', async () => {
    const matrix = (await read({
      'setup.cfg': SETUP_CFG,
      ...MODULES,
      'ironic/drivers/acme.py': 'class Other:\n    pass\n',
      'ironic/drivers/old.py':
        'from . import generic\n\nclass OldHardware(generic.GenericHardware):\n    supported = compute()\n',
    }))!;
    expect(matrix.drivers.find((d) => d.id === 'acme')!.status).toBeUndefined();
    expect(matrix.warnings).toEqual([
      "stable/2025.1:setup.cfg:6: acme's class ironic.drivers.acme:AcmeHardware is not in the tree; its status is unknown",
      expect.stringMatching(
        /^stable\/2025\.1:setup\.cfg:9: old's `supported` cannot be read \(ironic\.drivers\.old\.OldHardware sets it to compute\(\) at stable\/2025\.1:ironic\/drivers\/old\.py:4\)/,
      ),
      expect.stringMatching(/^stable\/2025\.1:setup\.cfg:10: zeta's `supported` cannot be read/),
    ]);
  });

  it('gives no hardware types for a ref before them, and nothing for a ref without setup.cfg', async () => {
    expect(await read({ 'setup.cfg': '[metadata]\nname = ironic\n' })).toEqual({
      features: [],
      drivers: [],
      warnings: [],
    });
    expect(await read({ 'README.rst': 'Bare metal.\n' })).toBeUndefined();
  });

  it.each([
    [
      { 'setup.cfg': SETUP_CFG.replace('acme = ironic.drivers.acme:AcmeHardware', 'acme = not a target!') },
      'setup.cfg:6',
      /"acme = not a target!" is not an entry point/,
    ],
    [
      { 'setup.cfg': SETUP_CFG.replace('    old =', '    acme = ironic.drivers.acme:Again\n    old =') },
      'setup.cfg:9',
      /"acme" repeats the entry point at line 6/,
    ],
    [
      { 'setup.cfg': SETUP_CFG.replace('[metadata]', 'metadata]') },
      'setup.cfg:1',
      /an option before any \[section\]/,
    ],
    [
      { 'setup.cfg': '[metadata]\n', 'pyproject.toml': PYPROJECT.replace('old = "', 'old = "\n') },
      'pyproject.toml:8',
      /Invalid TOML document/,
    ],
    [
      {
        'setup.cfg': '[metadata]\n',
        'pyproject.toml': PYPROJECT.replace('"ironic.drivers.old:OldHardware"', '3'),
      },
      'pyproject.toml:8',
      /old is not a string/,
    ],
  ])('refuses malformed packaging at REF:PATH:LINE (%#)', async (files, where, problem) => {
    const error = await matrixError(() => read({ ...MODULES, ...files }));
    expect(error.where).toBe(`stable/2025.1:${where}`);
    expect(error.problem).toMatch(problem);
  });
});
