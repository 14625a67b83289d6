"""An independent reading of a project's driver classes, for the acceptance test of sync's code facts.

Reads with Python's own ast what sync reads with @lezer/python: at each commit, every .py file under the
paths (a file Python cannot parse is skipped), and each module-level class decorated with the marker, with
its CI_WIKI_NAME, SUPPORTED and VERSION as Python's class attribute lookup would find them. The method
resolution order is Python's own: the classes of the tree are built with type(), so C3 is the interpreter's.
Names are bound as the interpreter binds them, statement by statement; a value is what ast.literal_eval
reads, or a name followed to its binding; anything else is unknown. Then each driver's facts, release by
release, from the classes linked to it.

Usage: python3 independent_code_reading.py GIT_DIR MARKER PATH[,PATH...] INPUT_JSON
INPUT_JSON: {"releases": [[release, commit], ...], "drivers": {key: [class path, ...]}}
Prints {"classes": {commit: [...]}, "skipped": {commit: [{path, names_marker}, ...]}, "drivers": {key: facts}}.
"""

import ast
import json
import subprocess
import sys

from independent_reading import Batch, dotted

UNKNOWN = ("unknown",)
COMPOUND = (ast.If, ast.Try, ast.With, ast.For, ast.While)
if hasattr(ast, "TryStar"):
    COMPOUND = COMPOUND + (ast.TryStar,)


def statements(body, conditional=False):
    """Each statement that binds in this scope, with whether it may not run (inside an if, try, for...)."""
    for node in body:
        if isinstance(node, COMPOUND):
            for field in ("body", "orelse", "finalbody"):
                yield from statements(getattr(node, field, []), True)
            for handler in getattr(node, "handlers", []):
                yield from statements(handler.body, True)
        else:
            yield node, conditional


def literal(node):
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return UNKNOWN
    def plain(v):
        if v is None or isinstance(v, (str, bool, int, float)):
            return True
        return isinstance(v, (list, tuple)) and all(plain(item) for item in v)
    return ("literal", list(value) if isinstance(value, tuple) else value) if plain(value) else UNKNOWN


def value_of(node):
    found = literal(node)
    if found is not UNKNOWN:
        return found
    name = dotted(node)
    return ("name", name) if name else UNKNOWN


def bindings(body):
    """(line, name, binding) in statement order; a binding is ("import", module), ("from", level, module,
    name), ("class", node), ("value", value-or-name) or UNKNOWN."""
    out = []
    for node, conditional in statements(body):
        line = node.lineno
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    out.append((line, alias.asname, ("import", alias.name)))
                else:
                    top = alias.name.split(".")[0]
                    out.append((line, top, ("import", top)))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    out.append((line, "*", ("star", node.level, node.module or "")))
                else:
                    out.append((line, alias.asname or alias.name, ("from", node.level, node.module or "", alias.name)))
        elif isinstance(node, ast.ClassDef):
            out.append((line, node.name, ("class", node)))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append((line, node.name, UNKNOWN))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            value = getattr(node, "value", None)
            if isinstance(node, ast.AnnAssign) and value is None:
                continue
            known = isinstance(node, (ast.Assign, ast.AnnAssign)) and not conditional
            for target in targets:
                single = isinstance(target, ast.Name)
                unpacked = isinstance(target, (ast.Tuple, ast.List, ast.Starred))
                names = [n.id for n in ast.walk(target) if isinstance(n, ast.Name)] if single or unpacked else []
                for name in names:
                    out.append((line, name, ("value", value_of(value)) if known and single else UNKNOWN))
    return out


class Tree:
    def __init__(self, modules):
        self.modules = modules  # name -> (path, is_package, ast.Module)
        self.binds = {name: bindings(tree.body) for name, (_, _, tree) in modules.items()}
        self.types = {}
        self.building = set()
        self.bodies = {}

    def body_binds(self, node):
        if id(node) not in self.bodies:
            self.bodies[id(node)] = bindings(node.body)
        return self.bodies[id(node)]

    def source(self, module, level, name):
        if level == 0:
            return name
        path, package, _ = self.modules[module]
        parts = module.split(".") if package else module.split(".")[:-1]
        base = parts[: len(parts) - (level - 1)]
        return ".".join(base + ([name] if name else []))

    def bound(self, module, name, before, classes_only, depth=0):
        """What `name` is in `module` just before line `before`: ("module", m), ("class", m, node),
        ("value", m, value, class-node-or-None) or None."""
        if depth > 50 or module not in self.modules:
            return None
        found = None
        for line, bound_name, binding in self.binds[module]:
            if line >= before:
                break
            if binding[0] == "star":
                star = self.source(module, binding[1], binding[2])
                if star in self.modules and not name.startswith("_"):
                    inner = self.bound(star, name, float("inf"), classes_only, depth + 1)
                    if inner is not None:
                        found = inner
                continue
            if bound_name != name:
                continue
            if binding is UNKNOWN or binding[0] == "value":
                if not classes_only:
                    found = None if binding is UNKNOWN else ("value", module, binding[1], None, line)
                continue
            if binding[0] == "import":
                found = ("module", binding[1])
            elif binding[0] == "class":
                found = ("class", module, binding[1])
            else:
                found = self.member(("module", self.source(module, binding[1], binding[2])), binding[3], classes_only, depth + 1)
        return found

    def member(self, target, name, classes_only, depth):
        if target is None or depth > 50:
            return None
        if target[0] == "module":
            inner = self.bound(target[1], name, float("inf"), classes_only, depth + 1)
            if inner is not None:
                return inner
            return ("module", target[1] + "." + name)
        if target[0] == "class" and not classes_only:
            return self.attribute(target, name, depth + 1)
        return None

    def lookup(self, module, text, before, classes_only):
        head, *rest = text.split(".")
        target = self.bound(module, head, before, classes_only)
        for part in rest:
            target = self.member(target, part, classes_only, 0)
        return target

    def python_type(self, found):
        """The class as a real Python type whose bases are its bases in the tree, so type() computes C3."""
        module, node = found[1], found[2]
        key = (module, node.lineno, node.name)
        if key in self.types:
            return self.types[key]
        if key in self.building:
            return None
        self.building.add(key)
        bases = []
        for base in node.bases:
            text = dotted(base)
            target = self.lookup(module, text, node.lineno, True) if text else None
            if target is not None and target[0] == "class":
                built = self.python_type(target)
                if built is not None:
                    bases.append(built)
        try:
            made = type(node.name, tuple(bases), {"_found": found})
        except TypeError:  # no consistent order: depth-first, left to right, each class once
            made = type(node.name, (), {"_found": found, "_order": depth_first(bases)})
        self.building.discard(key)
        self.types[key] = made
        return made

    def mro(self, found):
        made = self.python_type(found)
        order = made.__dict__.get("_order")
        return [found] + [k._found for k in order] if order is not None else [k._found for k in made.__mro__[:-1]]

    def attribute(self, found, name, depth=0):
        """("value", module, value, class, line) of the first class in the order that binds `name`."""
        for owner in self.mro(found):
            own = [b for b in self.body_binds(owner[2]) if b[1] == name]
            if own:
                line, _, binding = own[-1]
                known = binding is not UNKNOWN and binding[0] == "value"
                return ("value", owner[1], binding[1] if known else UNKNOWN, owner, line)
        return None

    def follow(self, found):
        """A ("value", module, value, owner, line) to its literal, or UNKNOWN: a name is looked up where the
        value is written (an earlier binding of the class body, else the module's)."""
        for _ in range(60):
            if found is None or found[0] != "value":
                return UNKNOWN
            _, module, value, owner, line = found
            if value is UNKNOWN or value[0] != "name":
                return value
            name = value[1]
            if owner is not None and "." not in name:
                earlier = [b for b in self.body_binds(owner[2]) if b[1] == name and b[0] < line]
                if earlier:
                    at, _, binding = earlier[-1]
                    known = binding is not UNKNOWN and binding[0] == "value"
                    found = ("value", module, binding[1], owner, at) if known else None
                    continue
            found = self.lookup(module, name, line, False)
        return UNKNOWN


def depth_first(bases):
    order = []
    for base in bases:
        chain = [base] + [k for k in (base.__dict__.get("_order") or base.__mro__[1:-1])]
        for k in chain:
            if k not in order:
                order.append(k)
    return order


def marker_of(decorator):
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    return dotted(node)


def read_tree(batch, parsed, git_dir, commit, paths, marker):
    listing = subprocess.run(
        ["git", "-C", git_dir, "ls-tree", "-r", commit, "--", *paths],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    modules, skipped = {}, []
    for line in listing:
        meta, path = line.split("\t", 1)
        blob = meta.split()[2]
        if not path.endswith(".py") or meta.split()[1] != "blob":
            continue
        if blob not in parsed:
            # Bytes, as the interpreter reads a file: a UTF-8 BOM or a coding line is honoured.
            source = batch.read_bytes(commit, path)
            try:
                parsed[blob] = ast.parse(source)
            except SyntaxError:
                parsed[blob] = None
        if parsed[blob] is None:
            names_marker = marker.rpartition(".")[2].encode() in batch.read_bytes(commit, path)
            skipped.append({"path": path, "names_marker": names_marker})
            continue
        name = path[: -len(".py")].replace("/", ".")
        package = name.endswith(".__init__")
        if package:
            name = name[: -len(".__init__")]
        modules[name] = (path, package, parsed[blob])
    tree = Tree(modules)
    classes = []
    for name, (path, _, module) in modules.items():
        for node, _ in statements(module.body):
            if not isinstance(node, ast.ClassDef) or marker not in [marker_of(d) for d in node.decorator_list]:
                continue
            found = ("class", name, node)
            def value(attribute):
                at = tree.attribute(found, attribute)
                return UNKNOWN if at is None else tree.follow(at)
            wiki, supported, version = value("CI_WIKI_NAME"), value("SUPPORTED"), value("VERSION")
            names = []
            if wiki is not UNKNOWN:
                items = wiki[1] if isinstance(wiki[1], list) else [wiki[1]]
                if all(isinstance(item, str) for item in items):
                    names = [item for i, item in enumerate(items) if item and item not in items[:i]]
            version = version[1] if version is not UNKNOWN else None
            classes.append({
                "class": name + "." + node.name,
                "file": path,
                "line": node.lineno,
                "ci_wiki_names": names,
                "supported": supported is UNKNOWN or bool(supported[1]),
                "version": version if isinstance(version, (str, int, float)) and not isinstance(version, bool) else None,
            })
    return sorted(classes, key=lambda c: c["class"]), sorted(skipped, key=lambda s: s["path"])


def driver_facts(releases, linked, classes_at):
    in_tree, names, supported = [], [], []
    for release, commit in releases:
        present = [c for c in classes_at[commit] if c["class"] in linked]
        if not present:
            continue
        in_tree.append(release)
        wiki = sorted({n for c in present for n in c["ci_wiki_names"]})
        if not names or names[-1][1] != wiki:
            names.append([release, wiki])
        any_supported = any(c["supported"] for c in present)
        if not supported or supported[-1][1] != any_supported:
            supported.append([release, any_supported])
    if not in_tree:
        return None
    return {"code_in_tree": in_tree, "ci_wiki_name": names, "code_supported": supported}


def main():
    git_dir, marker, paths, input_file = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4]
    with open(input_file) as f:
        given = json.load(f)
    batch, parsed = Batch(git_dir), {}
    classes_at, skipped_at = {}, {}
    for _, commit in given["releases"]:
        if commit not in classes_at:
            classes_at[commit], skipped_at[commit] = read_tree(batch, parsed, git_dir, commit, paths, marker)
    drivers = {key: driver_facts(given["releases"], set(linked), classes_at) for key, linked in given["drivers"].items()}
    print(json.dumps({"classes": classes_at, "skipped": skipped_at, "drivers": drivers}))


main()
