"""An independent reading of the projects' driver facts, for the acceptance tests of sync's readers.

Reads with Python's own parsers what sync's readers read with theirs: configparser for the INI files (as
sphinx-feature-classification and designate's doc extension do), tomllib for pyproject.toml, ast for the
Python classes, docutils (when installed) for glance_store's list-table. Prints, per commit, the drivers
as {"id": ..., "status": ...}.

Usage: python3 independent_reading.py GIT_DIR FORMAT COMMIT[,COMMIT...] PATH[,PATH...]
"""

import ast
import configparser
import json
import re
import subprocess
import sys


class Batch:
    def __init__(self, git_dir):
        self.proc = subprocess.Popen(
            ["git", "-C", git_dir, "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def read(self, commit, path):
        content = self.read_bytes(commit, path)
        return None if content is None else content.decode("utf-8")

    def read_bytes(self, commit, path):
        self.proc.stdin.write(f"{commit}:{path}\n".encode())
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode().split()
        if header[-1] == "missing":
            return None
        size = int(header[2])
        content = self.proc.stdout.read(size)
        self.proc.stdout.read(1)
        return content if header[1] == "blob" else None


def ini_drivers(text):
    cfg = configparser.ConfigParser()
    cfg.read_string(text)
    return [{"id": s[len("driver."):]} for s in cfg.sections() if s.startswith("driver.")]


def entry_points(batch, commit, group):
    found = {}
    toml_text = batch.read(commit, "pyproject.toml")
    if toml_text is not None:
        import tomllib

        table = tomllib.loads(toml_text).get("project", {}).get("entry-points", {}).get(group)
        if table is not None:
            return {name: target.strip() for name, target in table.items()}
    cfg_text = batch.read(commit, "setup.cfg")
    if cfg_text is not None:
        cfg = configparser.RawConfigParser()
        cfg.read_string(cfg_text)
        if cfg.has_option("entry_points", group):
            for line in cfg.get("entry_points", group).splitlines():
                if "=" in line:
                    name, target = line.split("=", 1)
                    found[name.strip()] = target.strip()
    return found


def dotted(node):
    """`a` or `a.b.c` as written, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id] + parts)


class Classes:
    """Class attributes through inheritance, with imports followed to the repository's own modules."""

    def __init__(self, batch, commit):
        self.batch, self.commit, self.modules = batch, commit, {}

    def module(self, name):
        if name not in self.modules:
            self.modules[name] = None
            base = name.replace(".", "/")
            for path, package in ((base + ".py", False), (base + "/__init__.py", True)):
                text = self.batch.read(self.commit, path)
                if text is not None:
                    self.modules[name] = (ast.parse(text), package)
                    break
        return self.modules[name]

    def bindings(self, name):
        tree, package = self.module(name)
        parent = name if package else name.rpartition(".")[0]
        names = {}
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        names[alias.asname] = (alias.name, None)
                    else:
                        top = alias.name.split(".")[0]
                        names[top] = (top, None)
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:
                    parts = parent.split(".")
                    prefix = ".".join(parts[: len(parts) - (node.level - 1)])
                    module = ".".join(p for p in (prefix, module) if p)
                for alias in node.names:
                    names[alias.asname or alias.name] = (module, alias.name)
        return names

    def find(self, module, name, depth=0):
        loaded = self.module(module)
        if loaded is None or depth > 30:
            return None
        for node in loaded[0].body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                return (module, node)
        bound = self.bindings(module).get(name)
        if bound and bound[1] is not None:
            return self.find(bound[0], bound[1], depth + 1)
        return None

    def base(self, module, expr):
        text = dotted(expr)
        if text is None:
            return None
        head, *parts = text.split(".")
        if not parts:
            return self.find(module, head)
        bound = self.bindings(module).get(head)
        if bound is None:
            return None
        head = bound[0] if bound[1] is None else bound[0] + "." + bound[1]
        return self.find(".".join([head] + parts[:-1]), parts[-1])

    def attribute(self, found, attr, seen=None):
        seen = set() if seen is None else seen
        module, node = found
        if (module, node.name) in seen:
            return None
        seen.add((module, node.name))
        value = None
        for statement in node.body:
            targets = []
            if isinstance(statement, ast.Assign):
                targets = [t.id for t in statement.targets if isinstance(t, ast.Name)]
            elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                targets = [statement.target.id]
            if attr in targets and isinstance(statement.value, ast.Constant):
                value = ("found", statement.value.value)
        if value:
            return value[1]
        for base in node.bases:
            parent = self.base(module, base)
            if parent:
                result = self.attribute(parent, attr, seen)
                if result is not None:
                    return result
        return None


def target_class(classes, target):
    module, _, name = target.partition(":")
    return classes.find(module.strip(), name.strip())


def ironic(batch, commit):
    classes = Classes(batch, commit)
    drivers = []
    for name, target in entry_points(batch, commit, "ironic.hardware.types").items():
        found = target_class(classes, target)
        supported = classes.attribute(found, "supported") if found else None
        status = None if supported is None else ("supported" if supported else "unsupported")
        drivers.append({"id": name, "status": status})
    return drivers


def designate(batch, commit, text):
    cfg = configparser.ConfigParser()
    cfg.read_string(text)
    classes = Classes(batch, commit)
    targets = None
    drivers = []
    for item in cfg.options("backends"):
        if not item.startswith("backend-impl-"):
            continue
        key = item[13:]
        section = "backends." + item
        if not cfg.getboolean(section, "in-tree"):
            continue
        try:
            status = cfg.get(section, "status")
        except configparser.NoOptionError:
            status = None
            if cfg.get(section, "type") == "xfr":
                if targets is None:
                    targets = entry_points(batch, commit, "designate.backend")
                target = targets.get(key.split("-")[0])
                found = target_class(classes, target) if target else None
                status = classes.attribute(found, "__backend_status__") if found else None
            status = status or "untested"
        drivers.append({"id": key, "status": status})
    return drivers


def glance(text):
    try:
        from docutils.core import publish_doctree
        from docutils import nodes
    except ImportError:
        return "no docutils"
    doctree = publish_doctree(text, settings_overrides={"report_level": 5})
    for table in doctree.findall(nodes.table):
        rows = [
            [entry.astext().strip() for entry in row.findall(nodes.entry)]
            for row in table.findall(nodes.row)
        ]
        header = [cell.lower() for cell in rows[0]]
        if "driver" not in header or "status" not in header or not table.findall(nodes.thead):
            continue
        at, status = header.index("driver"), header.index("status")
        slug = lambda title: re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")
        return [{"id": slug(row[at]), "status": row[status].lower()} for row in rows[1:]]
    return []


def main():
    git_dir, fmt, commits, paths = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4].split(",")
    batch = Batch(git_dir)
    out = {}
    for commit in commits:
        if fmt == "ironic-entry-points":
            out[commit] = ironic(batch, commit)
            continue
        drivers = {}
        for path in paths:
            text = batch.read(commit, path)
            if text is None:
                continue
            if fmt == "ini":
                found = ini_drivers(text)
            elif fmt == "designate-ini":
                found = designate(batch, commit, text)
            else:
                found = glance(text)
                if found == "no docutils":
                    print(json.dumps("no docutils"))
                    return
            for driver in found:
                drivers.setdefault(driver["id"], driver)
        out[commit] = list(drivers.values())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
