import { describe, expect, it } from 'vitest';
import { PythonTree, splitTarget } from '../../backend/sync/python-classes.ts';
import { readPythonModule } from '../../backend/sync/python-module.ts';

// Modules of our own: a base re-exported by a package, an aliased module import, a relative import, a
// decorated class, a loop, a base from outside the tree.
const FILES: Record<string, string> = {
  'acme/__init__.py': 'from acme.core import Base\n',
  'acme/core.py':
    'import abc\n\n\n@six.add_metaclass(abc.ABCMeta)\nclass Base(abc.ABC):\n    """The base.\n\n    More."""\n    level = 1\n    name = "base"\n',
  'acme/mid.py': 'import acme\n\nclass Mid(acme.Base):\n    level = 2\n',
  'acme/drivers/__init__.py': '',
  'acme/drivers/top.py':
    'from .. import mid as m\nimport acme.drivers.other as other\n\nclass Top(m.Mid, Unknown):\n    pass\n\nclass Side(other.Other):\n    flag = compute()\n\nclass Loop(Loop):\n    pass\n',
  'acme/drivers/other.py': 'class Other:\n    flag = True\n',
  'acme/broken.py': 'class Broken(:\n    x = 1\n',
};

const tree = () => {
  const reads: string[] = [];
  const python = new PythonTree(async (path) => {
    reads.push(path);
    return FILES[path];
  }, 'stable/2025.1');
  return { python, reads };
};

describe('PythonTree', () => {
  it('finds an attribute on the class, else on its bases, reading only the modules the bases need', async () => {
    const { python, reads } = tree();
    const top = (await python.findClass('acme.drivers.top', 'Top'))!;
    expect(top.path).toBe('acme.drivers.top.Top');
    expect((await python.attribute(top, 'level'))!.value).toEqual({ kind: 'literal', value: 2 });
    const name = (await python.attribute(top, 'name'))!;
    expect([name.value, name.owner, name.path, name.line]).toEqual([
      { kind: 'literal', value: 'base' },
      'acme.core.Base',
      'acme/core.py',
      10,
    ]);
    expect(await python.attribute(top, 'missing')).toBeUndefined();
    expect(reads).not.toContain('acme/broken.py');
  });

  it('gives a class’s docstring summary, and an assignment it cannot evaluate as unknown', async () => {
    const { python } = tree();
    expect((await python.findClass('acme.core', 'Base'))!.summary).toBe('The base.');
    const side = (await python.findClass('acme.drivers.top', 'Side'))!;
    expect((await python.attribute(side, 'flag'))!.value).toEqual({ kind: 'unknown', text: 'compute()' });
  });

  it('finds a class a package re-exports, and ends at loops and at modules the tree does not have', async () => {
    const { python } = tree();
    expect((await python.findClass('acme', 'Base'))!.path).toBe('acme.core.Base');
    const loop = (await python.findClass('acme.drivers.top', 'Loop'))!;
    expect(await python.attribute(loop, 'level')).toBeUndefined();
    expect(await python.findClass('acme.nowhere', 'X')).toBeUndefined();
  });

  it('says where a module cannot be parsed', async () => {
    const { python } = tree();
    expect(await python.findClass('acme.broken', 'Broken')).toBeUndefined();
    expect(python.warnings).toEqual([
      'stable/2025.1:acme/broken.py:1: not valid Python: the parser cannot read this line',
    ]);
  });

  it('splits entry point targets', () => {
    expect(splitTarget(' acme.top : Top ')).toEqual({ module: 'acme.top', name: 'Top' });
    expect(splitTarget('acme.top')).toBeUndefined();
  });
});

describe('readPythonModule', () => {
  it('keeps the first line of a class’s docstring', () => {
    const read = readPythonModule(
      'm.py',
      'class A:\n    """  First line.\n\n    More.\n    """\n\nclass B:\n    x = "not a docstring"\n',
    );
    expect(read.ok && read.module.classes.map((c) => c.summary)).toEqual(['First line.', undefined]);
  });
});
