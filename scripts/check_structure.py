"""Count what makes sitrep hard to change, and fail when it grows past the agreed limits.

    python scripts/check_structure.py            # report and check
    python scripts/check_structure.py --top 30   # the 30 most complex functions

Three figures, over every module of ``src/sitrep``:

1. **cyclomatic complexity** of each function (McCabe: 1 + one per ``if``/``elif``, loop, ``except``,
   ``with``-free boolean operator operand beyond the first, conditional expression, comprehension
   ``if``/``for``, ``match`` case, ``assert``): at most ``MAX_OVER`` functions above ``OVER`` and none
   above ``CEILING``;
2. **import cycles** among sitrep's own modules, counting imports inside functions too (a deferred
   import hides a cycle, it does not remove it); function-level imports are counted as well;
3. **long functions**: more than ``LONG`` lines, listed for review (no limit enforced);
4. **old import paths**: no module of ``src/sitrep`` imports a shim kept for users (a module whose
   docstring starts "The old import path", or an old name of :data:`sitrep.moved.MOVED`).

Exit 1 when a limit is broken. CI runs it (``.ci/run``).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = "sitrep"
OVER, MAX_OVER, CEILING, LONG = 25, 12, 45, 60


class _Complexity(ast.NodeVisitor):
    def __init__(self) -> None:
        self.n = 1

    def generic_visit(self, node):
        if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler,
                             ast.Assert, ast.match_case)):
            self.n += 1
        elif isinstance(node, ast.BoolOp):
            self.n += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            self.n += 1 + len(node.ifs)
        super().generic_visit(node)

    def visit_FunctionDef(self, node):  # nested functions are counted on their own
        pass

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = generic_visit


def complexity(fn: ast.AST) -> int:
    v = _Complexity()
    for child in ast.iter_child_nodes(fn):
        v.visit(child)
    return v.n


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, node) of every function and method, nested ones included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield prefix + node.name, node
            yield from functions(node, prefix + node.name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from functions(node, prefix + node.name + ".")


def _resolve(mod: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(tree: ast.Module, mod: str, is_pkg: bool, known: set[str]):
    """(module-level sitrep imports, function-level sitrep imports) of one module."""
    top, inner = set(), set()

    def targets(node):
        out = set()
        if isinstance(node, ast.Import):
            out = {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(mod, is_pkg, node)
            out = {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
        return {t for t in out if t == PACKAGE or t.startswith(PACKAGE + ".")}

    def walk(node, in_function: bool, in_type_checking: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                if not in_type_checking:
                    (inner if in_function else top).update(targets(child))
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                walk(child, True, in_type_checking)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                walk(child, in_function, True)
            else:
                walk(child, in_function, in_type_checking)

    walk(tree, False, False)
    return top, inner


def old_paths(trees: dict) -> set[str]:
    """The module names kept only for users: re-exporting shims and the old names of moved modules."""
    out = {mod for mod, (_, tree) in trees.items()
           if (ast.get_docstring(tree) or "").startswith("The old import path")}
    moved = trees.get(f"{PACKAGE}.moved")
    if moved is not None:
        for node in ast.walk(moved[1]):
            if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "MOVED":
                out |= set(ast.literal_eval(node.value))
    return out


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def analyse():
    files = sorted((SRC / PACKAGE).rglob("*.py"))
    trees = {module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in files}
    known = set(trees)
    funcs, graph, inner_imports, shim_imports = [], {}, [], []
    shims = old_paths(trees)
    for mod, (path, tree) in trees.items():
        for name, fn in functions(tree):
            lines = (fn.end_lineno or fn.lineno) - fn.lineno + 1
            funcs.append((complexity(fn), lines, f"{mod}:{name}", str(path.relative_to(ROOT)), fn.lineno))
        top, inner = imports(tree, mod, path.name == "__init__.py", known)
        # importing a submodule also runs its package's __init__, but a package importing its own
        # submodules is not a cycle through the submodule's parent
        graph[mod] = {t for t in top | inner if t in known and t != mod}
        inner_imports += [(mod, t) for t in sorted(inner)]
        if mod not in shims:
            shim_imports += [(mod, t) for t in sorted((top | inner) & shims)]
    return funcs, graph, inner_imports, shim_imports


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=15, help="how many of the most complex functions to list")
    args = ap.parse_args(argv)
    funcs, graph, inner, shim_imports = analyse()
    funcs.sort(reverse=True)
    over = [f for f in funcs if f[0] > OVER]
    worst = funcs[0][0] if funcs else 0
    cycles = find_cycles(graph)
    long_fns = [f for f in funcs if f[1] > LONG]
    print(f"{len(funcs)} functions; {len(over)} over complexity {OVER} (limit {MAX_OVER}); "
          f"highest {worst} (ceiling {CEILING}); {len(long_fns)} over {LONG} lines; "
          f"{len(cycles)} import cycle(s); {len(inner)} function-level imports of sitrep modules; "
          f"{len(shim_imports)} import(s) of old paths")
    print("\nmost complex functions:")
    for c, lines, name, path, line in funcs[: args.top]:
        print(f"  {c:4d}  {lines:4d} lines  {name}  ({path}:{line})")
    for cyc in cycles:
        print("import cycle: " + " <-> ".join(cyc))
    for mod, target in shim_imports:
        print(f"old import path: {mod} imports {target} (import the module at its new path)")
    ok = len(over) <= MAX_OVER and worst <= CEILING and not cycles and not shim_imports
    print("\nstructure check " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
