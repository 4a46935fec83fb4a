"""The generator's packages follow the pipeline: read, derive, render, publish, each importing
only the model and the stages before it (README, "How it fits together")."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "generator"
# Stage of each module, by name prefix; a module imports only modules of its stage or before.
STAGES = [("generator.model", 0), ("generator.read", 1), ("generator.derive", 2),
          ("generator.render", 3), ("generator.publish", 4), ("generator.cli", 5),
          ("generator.draft", 5), ("generator", 0)]


def stage(module: str) -> int:
    for prefix, rank in STAGES:
        if module == prefix or module.startswith(prefix + "."):
            return rank
    raise AssertionError(f"{module} belongs to no stage")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool) -> set[str]:
    """Every generator module ``source`` imports, anywhere in it (functions and
    TYPE_CHECKING blocks too): ``from . import x`` names x's module when x is one."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("generator"):
                continue
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names
                      if (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")).with_suffix(".py").exists()
                      or (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")).is_dir()}
    return found


def upward_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    return sorted(f"{module} imports {target}" for target in imported(source, module, is_package)
                  if stage(target) > stage(module))


def graph() -> dict[str, set[str]]:
    return {module_name(path): imported(path.read_text(encoding="utf-8"), module_name(path),
                                        path.name == "__init__.py")
            for path in sorted(PACKAGE.rglob("*.py"))}


def test_imports_point_down_the_pipeline():
    problems = [problem for path in sorted(PACKAGE.rglob("*.py"))
                for problem in upward_imports(path.read_text(encoding="utf-8"), module_name(path),
                                              path.name == "__init__.py")]
    assert problems == []


@pytest.mark.parametrize("source, module", [
    ("from ..render.pages import PageBuilder", "generator.read.load"),      # read before render
    ("def f():\n    from ..publish import pipeline", "generator.render.pages"),  # even lazily
    ("from .render import export", "generator.model"),
    ("from generator.publish.writer import write_file", "generator.derive.ledger"),
])
def test_an_import_up_the_pipeline_is_found(source, module):
    assert upward_imports(source, module)


def test_no_import_cycles():
    """Not even within a stage: every module can be read before the modules that use it."""
    edges = {module: {t for t in targets if t in graph_modules and t != module}
             for module, targets in GRAPH.items()}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path[path.index(module):], module))
        if module in done:
            return
        for target in sorted(edges[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(edges):
        visit(module, ())


GRAPH = graph()
graph_modules = set(GRAPH)


def test_stage_packages_hold_the_modules():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "model.py"]
    assert {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"} \
        == {"read", "derive", "render", "publish", "draft"}


PAGE_FAMILIES = {"articles", "topics", "archives", "actors", "home", "log"}


def test_one_module_per_page_family():
    pages = PACKAGE / "render" / "pages"
    modules = {path.stem for path in pages.glob("*.py")} - {"__init__"}
    assert modules == PAGE_FAMILIES | {"base", "builder"}
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines())
             for path in pages.glob("*.py")}
    assert max(sizes.values()) < 300, sizes  # one family per module keeps each one short


def test_pages_are_built_one_way():
    """Article contents come from one object (rendered by the pipeline, or from the bodies),
    not from optional callbacks that switch the builder between two modes."""
    import inspect

    from generator.render.pages import PageBuilder

    parameters = inspect.signature(PageBuilder).parameters
    assert [name for name, p in parameters.items() if "Callable" in str(p.annotation)] == []
    assert list(parameters) == ["archive", "articles", "copies", "analysis", "download",
                                "build_day"]
