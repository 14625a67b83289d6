import { describe, expect, it } from 'vitest';
import { readDesignateIni } from '../../backend/sync/designate-ini.ts';
import { gradesIni } from './helpers/designate-grades.ts';
import { matrixError, treeWith } from './helpers/tree.ts';

const PATH = 'doc/source/admin/support-matrix.ini';

// A backend matrix of our own in designate's format, with every rule of its doc extension in play.
const MATRIX = `# Written for the tests.
[DEFAULT]
repository=Designate Repository
maintainers=Designate Team
notes=None
type=xfr
in-tree=True

[backends]
backend-impl-bind9=Bind9
backend-impl-acme-xfr=Acme DNS (XFR)
backend-impl-zeta=Zeta DNS
backend-impl-ghost=Ghost DNS
backend-impl-knot2-agent=Knot2 (Agent)
backend-impl-gone=Gone DNS
not-a-backend=Ignored: only backend-impl- options declare backends

[backends.backend-impl-bind9]

[backends.backend-impl-acme-xfr]
status=release-compatible
maintainers=Acme DNS Team <dns-team@acme.example>

[backends.backend-impl-zeta]

[backends.backend-impl-ghost]

[backends.backend-impl-knot2-agent]
type=agent

[backends.backend-impl-gone]
in-tree=False
status=end-of-life

${gradesIni(['integrated', 'release-compatible', 'untested', 'failing', 'end-of-life'])}`;

const SETUP_CFG = `[metadata]
name = designate

[entry_points]
designate.backend =
    bind9 = designate.backend.impl_bind9:Bind9Backend
    zeta = designate.backend.impl_zeta:ZetaBackend
`;

const BASE = `class Backend(DriverPlugin):
    __plugin_type__ = 'backend'
    __backend_status__ = 'untested'
`;
const BIND9 = `from designate.backend import base


class Bind9Backend(base.Backend):
    __plugin_name__ = 'bind9'

    __backend_status__ = 'integrated'
`;
// Zeta sets no status of its own: the base class's is the one Python finds.
const ZETA = `from designate.backend.base import Backend


class ZetaBackend(Backend):
    __plugin_name__ = 'zeta'
`;

const FILES = {
  [PATH]: MATRIX,
  'setup.cfg': SETUP_CFG,
  'designate/backend/base.py': BASE,
  'designate/backend/impl_bind9.py': BIND9,
  'designate/backend/impl_zeta.py': ZETA,
};

const read = async (files: Record<string, string> = FILES) => readDesignateIni(PATH, await treeWith(files));

describe('readDesignateIni', () => {
  it('reads [backends] as designate’s renderer does: keys, titles, grades, with [DEFAULT] as the fallback', async () => {
    const matrix = (await read())!;
    expect(matrix.drivers.map((d) => [d.id, d.title, d.status])).toEqual([
      ['bind9', 'Bind9', 'integrated'],
      ['acme-xfr', 'Acme DNS (XFR)', 'release-compatible'],
      ['zeta', 'Zeta DNS', 'untested'],
      ['ghost', 'Ghost DNS', 'untested'],
      ['knot2-agent', 'Knot2 (Agent)', 'untested'],
    ]);
    expect(matrix.features).toEqual([]);
  });

  it('lists the grades in valid-grades order, with titles, notes and whether each means supported', async () => {
    const matrix = (await read())!;
    expect(matrix.statuses).toEqual([
      { id: 'integrated', title: 'Integrated', notes: 'Tested on every commit', supported: true },
      {
        id: 'release-compatible',
        title: 'Release Compatible',
        notes: 'Has a maintainer for each release',
        supported: true,
      },
      { id: 'untested', title: 'Untested', notes: 'All other backends', supported: true },
      { id: 'failing', title: 'Failing', notes: 'Tests fail on a regular basis', supported: false },
      { id: 'end-of-life', title: 'End of Life', notes: 'Removed from the code', supported: false },
    ]);
  });

  it('takes a status-less xfr backend’s grade from its class, through the class’s bases', async () => {
    const matrix = (await read())!;
    // bind9's own __backend_status__; zeta's from base.Backend, imported by name.
    expect(matrix.drivers.find((d) => d.id === 'bind9')!.status).toBe('integrated');
    expect(matrix.drivers.find((d) => d.id === 'zeta')!.status).toBe('untested');
  });

  it('grades untested, with a warning, a status-less xfr backend without a class; an agent backend is not looked up', async () => {
    const matrix = (await read())!;
    expect(matrix.drivers.find((d) => d.id === 'ghost')!.status).toBe('untested');
    expect(matrix.warnings).toEqual([
      expect.stringMatching(
        /^stable\/2025\.1:doc\/source\/admin\/support-matrix\.ini:26: \[backends\.backend-impl-ghost\] has no status and no designate\.backend class "ghost"/,
      ),
    ]);
  });

  it('leaves out a backend marked in-tree = False: the project says it is not in its tree', async () => {
    expect((await read())!.drivers.map((d) => d.id)).not.toContain('gone');
  });

  it('keeps maintainers’ names and never their e-mail addresses', async () => {
    const matrix = (await read())!;
    expect(matrix.drivers.find((d) => d.id === 'acme-xfr')!.maintainers).toEqual([{ name: 'Acme DNS Team' }]);
    expect(matrix.drivers.find((d) => d.id === 'bind9')!.maintainers).toEqual([{ name: 'Designate Team' }]);
    expect(JSON.stringify(matrix)).not.toContain('@');
  });

  it('reads the entry points from pyproject.toml on newer refs', async () => {
    const { 'setup.cfg': _cfg, ...rest } = FILES;
    const matrix = (await read({
      ...rest,
      'pyproject.toml': `[project.entry-points."designate.backend"]\nbind9 = "designate.backend.impl_bind9:Bind9Backend"\n`,
    }))!;
    expect(matrix.drivers.find((d) => d.id === 'bind9')!.status).toBe('integrated');
  });

  it('says the ref has no matrix when the file is absent', async () => {
    expect(await readDesignateIni('doc/source/support-matrix.ini', await treeWith(FILES))).toBeUndefined();
  });

  it.each([
    [
      MATRIX.replace('status=release-compatible', 'status=compatible'),
      21,
      /acme-xfr's status "compatible" is not one of valid-grades/,
    ],
    [MATRIX.replace('[backends.backend-impl-zeta]\n', ''), 12, /no \[backends\.backend-impl-zeta\] section/],
    [
      MATRIX.replace('backend-impl-zeta=Zeta DNS', 'backend-impl-zeta-x-y=Zeta DNS'),
      12,
      /"backend-impl-zeta-x-y" is not backend-impl-NAME/,
    ],
    [MATRIX.replace('in-tree=False', 'in-tree=perhaps'), 32, /in-tree = "perhaps" is not a boolean/],
    [
      MATRIX.replace('[grades.failing]\ntitle=Failing\n', '[grades.failing]\n'),
      50,
      /\[grades\.failing\] has no title/,
    ],
    [MATRIX.replace(/\[grades\][^]*$/, ''), 1, /no \[grades\] section/],
    [MATRIX.replace('notes=None', 'notes=100%'), 5, /"%" must be followed by "%" or "\(name\)s"/],
  ])('refuses a malformed matrix at REF:PATH:LINE (%#)', async (text, line, problem) => {
    const error = await matrixError(() => read({ ...FILES, [PATH]: text }));
    expect(error.where).toBe(`stable/2025.1:${PATH}:${line}`);
    expect(error.problem).toMatch(problem);
  });

  it('refuses a class grade that is not a valid grade, at the class’s own line', async () => {
    const error = await matrixError(() =>
      read({ ...FILES, 'designate/backend/impl_bind9.py': BIND9.replace("'integrated'", "'gold'") }),
    );
    expect(error.where).toBe('stable/2025.1:designate/backend/impl_bind9.py:7');
    expect(error.problem).toMatch(/bind9's status "gold" is not one of valid-grades/);
  });
});
