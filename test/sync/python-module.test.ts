import { describe, expect, it } from 'vitest';
import { PythonTree, splitTarget } from '../../backend/sync/python-classes.ts';
import { readPythonModule } from '../../backend/sync/python-module.ts';

const MODULE = `"""A module of our own."""
import abc
import os.path
import acme.drivers.base as base_mod
from acme.drivers import generic, ipmi as ip
from . import sibling
from ..common import Helper as H


@six.add_metaclass(abc.ABCMeta)
class Decorated(generic.GenericHardware, metaclass=abc.ABCMeta):
    '''Summary line.

    More text.
    '''

    supported = False
    supported = True
    status: str = 'integ' "rated"
    raw = r'\\d+'
    escaped = 'it\\'s'
    count = 1_000
    nothing = None
    computed = compute(3)
    a = b = 'both'

    class Inner:
        supported = False


if True:
    class NotTopLevel:
        pass
`;

describe('readPythonModule', () => {
  const module = readPythonModule(MODULE, 'acme.drivers.mod');

  it('reads what each import binds, relative imports resolved from the module’s package', () => {
    expect(Object.fromEntries(module.imports)).toEqual({
      abc: { module: 'abc' },
      os: { module: 'os' },
      base_mod: { module: 'acme.drivers.base' },
      generic: { module: 'acme.drivers', name: 'generic' },
      ip: { module: 'acme.drivers', name: 'ipmi' },
      sibling: { module: 'acme.drivers', name: 'sibling' },
      H: { module: 'acme.common', name: 'Helper' },
    });
  });

  it('reads top-level classes, decorated or not: bases without keywords, the docstring’s summary, literal attributes', () => {
    expect([...module.classes.keys()]).toEqual(['Decorated']);
    const found = module.classes.get('Decorated')!;
    expect(found.bases).toEqual(['generic.GenericHardware']);
    expect(found.summary).toBe('Summary line.');
    const values = Object.fromEntries([...found.attributes].map(([name, { value }]) => [name, value]));
    expect(values).toEqual({
      supported: { kind: 'bool', value: true },
      status: { kind: 'str', value: 'integrated' },
      raw: { kind: 'str', value: '\\d+' },
      escaped: { kind: 'str', value: "it's" },
      count: { kind: 'number', value: 1000 },
      nothing: { kind: 'none' },
      computed: { kind: 'expression', text: 'compute(3)' },
      a: { kind: 'str', value: 'both' },
      b: { kind: 'str', value: 'both' },
    });
    expect(found.attributes.get('supported')!.line).toBe(18);
  });

  it('keeps the lines it could not parse', () => {
    expect(module.errorLines).toEqual([]);
    expect(readPythonModule('class Broken(:\n    x = 1\n', 'm').errorLines).toEqual([1]);
  });

  it('reads a package’s relative imports from the package itself', () => {
    const init = readPythonModule('from . import base\n', 'acme.drivers', true);
    expect(init.imports.get('base')).toEqual({ module: 'acme.drivers', name: 'base' });
  });
});

describe('PythonTree', () => {
  const files: Record<string, string> = {
    'acme/__init__.py': 'from acme.core import Base\n',
    'acme/core.py': 'class Base:\n    level = 1\n    name = "base"\n',
    'acme/mid.py': 'import acme\n\nclass Mid(acme.Base):\n    level = 2\n',
    'acme/top.py':
      'from acme import mid\n\nclass Top(mid.Mid, Unknown):\n    pass\n\nclass Loop(Loop):\n    pass\n',
  };
  const tree = new PythonTree(async (path) => files[path]);

  it('finds an attribute on the class, else on its bases through imports and re-exports', async () => {
    const top = (await tree.findClass('acme.top', 'Top'))!;
    expect((await tree.attribute(top, 'level'))!.value).toEqual({ kind: 'number', value: 2 });
    const name = (await tree.attribute(top, 'name'))!;
    expect([name.value, name.owner, name.path, name.line]).toEqual([
      { kind: 'str', value: 'base' },
      'acme.core:Base',
      'acme/core.py',
      3,
    ]);
    expect(await tree.attribute(top, 'missing')).toBeUndefined();
  });

  it('ends the search at bases outside the tree and at loops', async () => {
    const loop = (await tree.findClass('acme.top', 'Loop'))!;
    expect(await tree.attribute(loop, 'level')).toBeUndefined();
    expect(await tree.findClass('acme.nowhere', 'X')).toBeUndefined();
  });

  it('splits entry point targets', () => {
    expect(splitTarget(' acme.top : Top ')).toEqual({ module: 'acme.top', name: 'Top' });
    expect(splitTarget('acme.top')).toBeUndefined();
  });
});
