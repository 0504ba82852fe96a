"""The rules of the package's shape, read from the source with ``ast``:

- no module imports a private name (``_name``) of another module, nor reaches one as an attribute
  of something it imported (``module._name``, ``Imported._name``);
- no import circle between modules, counting imports inside functions (an import moved into a
  function still ties the two modules together; it only hides the circle);
- no module over 400 lines;
- the analysis's layers import one way (primitives ← findings ← report): a primitive imports no
  finding and not the report, a finding does not import the report.

Each module is its own test case, so a failure names the module that breaks the rule.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "src" / "summitry"
MAX_LINES = 400


@dataclass
class Module:
    """One source module: its dotted name, file and what it imports."""

    name: str
    path: Path
    is_package: bool
    imports: set[str] = field(default_factory=set)  # summitry modules it imports, anywhere
    private: list[str] = field(default_factory=list)  # private names it takes from elsewhere


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path) -> tuple[str, bool]:
    parts = ("summitry", *path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.name.split(".")
    base = base if module.is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _read(names: set[str], module: Module) -> None:
    """Fill in the module's imports and private reaches."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))
    imported: dict[str, str] = {}  # local name -> what it is, for `name._private`
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in names:
                    module.imports.add(alias.name)
                if any(_is_private(part) for part in alias.name.split(".")):
                    module.private.append(f"import {alias.name}")
                imported[alias.asname or alias.name.split(".")[0]] = alias.asname and alias.name or alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            for alias in node.names:
                target = f"{source}.{alias.name}"
                if target in names:
                    module.imports.add(target)
                elif source in names:
                    module.imports.add(source)
                if _is_private(alias.name) and source != module.name:
                    module.private.append(f"from {source} import {alias.name}")
                imported[alias.asname or alias.name] = target
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _is_private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
        ):
            module.private.append(f"{imported[node.value.id]}.{node.attr} (line {node.lineno})")


def _modules() -> dict[str, Module]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        name, is_package = _module_name(path)
        found[name] = Module(name, path, is_package)
    for module in found.values():
        _read(set(found), module)
    return found


def _circles(modules: dict[str, Module]) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in sorted(modules[name].imports - {name}):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return out


MODULES = _modules()
CIRCLES = _circles(MODULES)
IDS = [str(m.path.relative_to(ROOT)) for m in MODULES.values()]


# the one adapter around llama-cpp-python's internals, and the package whose internals it holds
FOREIGN_INTERNALS = {"summitry.backends.llama_adapter": "llama_cpp"}


@pytest.mark.parametrize("module", MODULES.values(), ids=IDS)
def test_takes_no_private_name_from_another_module(module: Module) -> None:
    allowed = FOREIGN_INTERNALS.get(module.name)
    private = [p for p in module.private if not (allowed and p.split()[1].split(".")[0] == allowed)]
    assert not private, f"{module.name} reaches private names: {'; '.join(private)}"


@pytest.mark.parametrize("module", MODULES.values(), ids=IDS)
def test_is_in_no_import_circle(module: Module) -> None:
    circle = next((c for c in CIRCLES if module.name in c), None)
    assert circle is None, f"{module.name} is in an import circle: {' <-> '.join(circle or [])}"


@pytest.mark.parametrize("module", MODULES.values(), ids=IDS)
def test_is_at_most_400_lines(module: Module) -> None:
    lines = len(module.path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module.name} has {lines} lines; split it (at most {MAX_LINES})"


# each analysis layer, and the layers above it that it must not import
ANALYSIS = "summitry.analysis"
LAYERS_ABOVE = {
    f"{ANALYSIS}.primitives": (f"{ANALYSIS}.findings", f"{ANALYSIS}.report"),
    f"{ANALYSIS}.findings": (f"{ANALYSIS}.report",),
}


def _layer_breaches(module: Module) -> list[str]:
    """The imports by which ``module`` reaches up to an analysis layer above its own."""
    above = next((up for layer, up in LAYERS_ABOVE.items() if _within(module.name, layer)), ())
    return sorted(target for target in module.imports if any(_within(target, up) for up in above))


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("module", MODULES.values(), ids=IDS)
def test_imports_no_analysis_layer_above_its_own(module: Module) -> None:
    breaches = _layer_breaches(module)
    assert not breaches, (
        f"{module.name} imports {', '.join(breaches)}, a layer above its own; move the shared code "
        "down (primitives ← findings ← report) instead"
    )


def test_the_analysis_has_its_three_layers() -> None:
    """The layer rule has something to check: each layer is a package with modules in it."""
    for layer in ("primitives", "findings", "report"):
        package = f"{ANALYSIS}.{layer}"
        assert MODULES[package].is_package, f"{package} should be a package"
        assert any(name.startswith(package + ".") for name in MODULES), f"{package} holds no module"


def test_a_primitive_importing_a_finding_breaks_the_layer_rule() -> None:
    primitive = Module(f"{ANALYSIS}.primitives.words", Path("w"), False)
    primitive.imports = {f"{ANALYSIS}.findings.stance", f"{ANALYSIS}.schema", "summitry.text.words"}
    finding = Module(f"{ANALYSIS}.findings.stance", Path("s"), False)
    finding.imports = {f"{ANALYSIS}.report.build", f"{ANALYSIS}.primitives.corpus"}
    report = Module(f"{ANALYSIS}.report.build", Path("b"), False)
    report.imports = {f"{ANALYSIS}.findings.stance", f"{ANALYSIS}.primitives.corpus"}
    assert _layer_breaches(primitive) == [f"{ANALYSIS}.findings.stance"]
    assert _layer_breaches(finding) == [f"{ANALYSIS}.report.build"]
    assert _layer_breaches(report) == []


def _module(source: str, tmp_path: Path, name: str = "pkg/mod.py") -> Module:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return Module("summitry.pkg.mod", path, False)


def test_the_reader_sees_private_reaches_and_imports_inside_functions(tmp_path: Path) -> None:
    """The rules above can fail: a private import, a private attribute of an imported module and
    an import inside a function are all seen."""
    source = (
        "from summitry.other import _helper, public\n"
        "import summitry.third as third\n"
        "def f():\n"
        "    from summitry.late import thing\n"
        "    return third._hidden + thing.__name__\n"
    )
    module = _module(source, tmp_path)
    _read({"summitry.other", "summitry.third", "summitry.late"}, module)
    assert module.imports == {"summitry.other", "summitry.third", "summitry.late"}
    assert module.private == ["from summitry.other import _helper", "summitry.third._hidden (line 5)"]


def test_circles_are_found_through_any_import() -> None:
    a, b, c = (Module(f"summitry.{n}", Path(n), False) for n in "abc")
    a.imports, b.imports, c.imports = {"summitry.b"}, {"summitry.a"}, {"summitry.a"}
    assert _circles({m.name: m for m in (a, b, c)}) == [["summitry.a", "summitry.b"]]
