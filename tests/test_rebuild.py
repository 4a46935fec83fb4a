"""Two builds in one process, as under `mkdocs serve`: the second sees only its own content,
and nothing of the first outlives it (no module keeps a build's state)."""

from __future__ import annotations

import gc
import importlib
import pkgutil
import shutil
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import REPRODUCIBLE, build_files, make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

import generator
from generator.model import Archive

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line

NEW_TITLE = "Troupes sur le front (titre modifié)"


def build_in_process(project: Path, site: Path) -> dict[str, bytes]:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` starts with
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def held_by_modules(kind: type) -> list[str]:
    """The generator's module globals from which an instance of ``kind`` can be reached
    (through containers and objects, not through functions, classes or other modules)."""
    gc.collect()
    held = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("generator"):
            continue
        for attribute, value in vars(module).items():
            if not isinstance(value, (types.ModuleType, type, Callable)) and _reaches(value, kind):
                held.append(f"{name}.{attribute}")
    return held


def _reaches(start: object, kind: type) -> bool:
    seen, todo = set(), [start]
    while todo:
        item = todo.pop()
        if id(item) in seen or isinstance(item, (types.ModuleType, type, types.FunctionType,
                                                 types.BuiltinFunctionType)):
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return True
        todo.extend(gc.get_referents(item))
    return False


def module_containers() -> dict[str, int]:
    """The size of every dict, set and list held by a module global of the generator."""
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        if not module.name.startswith("generator.draft"):  # a tool, not part of a build
            importlib.import_module(module.name)
    return {f"{name}.{attribute}": len(value) for name, module in list(sys.modules.items())
            if name.startswith("generator") for attribute, value in vars(module).items()
            if isinstance(value, (dict, set, list))}


def test_a_rebuild_in_the_same_process_equals_a_fresh_build(tmp_path, monkeypatch):
    before = module_containers()
    project = make_project(tmp_path)
    for name, value in REPRODUCIBLE.items():
        monkeypatch.setenv(name, value)
    site = tmp_path / "site"
    build_in_process(project, site)
    topics = project / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace('title: "Troupes"',
                                                                  f'title: "{NEW_TITLE}"', 1),
                      encoding="utf-8")
    rebuilt = build_in_process(project, site)
    assert any(NEW_TITLE.encode() in data for data in rebuilt.values())

    fresh_project = tmp_path / "fresh"
    shutil.copytree(project, fresh_project, ignore=shutil.ignore_patterns(".cache", "site"))
    fresh, _ = build_files(fresh_project, tmp_path / "fresh-site")
    assert rebuilt.keys() == fresh.keys()
    assert [path for path in rebuilt if rebuilt[path] != fresh[path]] == []

    # Nothing of either build survives it: no module global holds the archive, a renderer
    # made from it, or a job.
    assert held_by_modules(Archive) == []
    after = module_containers()
    assert [name for name in after if after[name] != before.get(name)] == []
