"""The built wheel, installed alone in a fresh virtualenv, builds the site.

The wheel is built from a copy of the sources (sdist, then the wheel from the sdist, as
``python -m build`` does) and installed with its dependencies into a new virtualenv, from a
folder of wheels made of this environment's installed (locked) packages, by uv (pip where
uv is missing): no network, no access to this environment's site-packages, no editable
checkout on the path. The site is
then built from a temporary folder by that virtualenv's ``mkdocs`` only.
"""

from __future__ import annotations

import base64
import email
import hashlib
import re
import shutil
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from helpers import BIN, REPO, REPRODUCIBLE, build_files, make_project, run
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name

pytestmark = [pytest.mark.slow, pytest.mark.build]

# What a wheel's dist-info holds that the installer writes, not the package.
INSTALLER_FILES = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
# The virtualenv's runs write their modules' bytecode (Python's default; the install is
# --no-compile) even where the environment turns it off: its later builds then reuse it
# instead of compiling MkDocs, Material and their dependencies again each time.
VENV_ENV = {"PYTHONDONTWRITEBYTECODE": ""}


def package_files() -> set[str]:
    """Every file of generator/ a run can read: all but Python's bytecode."""
    package = REPO / "generator"
    return {path.relative_to(REPO).as_posix() for path in package.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}


def runtime_closure(wheel: Path) -> list[metadata.Distribution]:
    """The installed distributions the wheel needs to run (its dependencies, without the
    test extra), found by walking their requirements from the wheel's own."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        declared = email.message_from_bytes(archive.read(name)).get_all("Requires-Dist") or []
    found: dict[str, metadata.Distribution] = {}
    walked: set[tuple[str, str]] = set()  # a distribution, with one of its extras or none
    pending = [(line, "") for line in declared]  # a requirement, the extra it is read under
    while pending:
        line, extra = pending.pop()
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        found.setdefault(name, metadata.distribution(name))
        for wanted in ("", *requirement.extras):
            if (name, wanted) not in walked:
                walked.add((name, wanted))
                pending.extend((child, wanted) for child in found[name].requires or [])
    return list(found.values())


def repack(distribution: metadata.Distribution, folder: Path) -> Path:
    """A wheel of an installed distribution: its files as installed in site-packages (scripts
    are made again by the installer from its entry points)."""
    files = [file for file in distribution.files or ()
             if file.parts[0] != ".." and "__pycache__" not in file.parts
             and file.name not in INSTALLER_FILES]
    info = next(file.parent for file in files if file.name == "METADATA")
    supported = {str(tag) for tag in sys_tags()}
    tag = next(tag for tag in re.findall(r"^Tag: (\S+)$", distribution.read_text("WHEEL") or "", re.M)
               if tag in supported)
    name = re.sub(r"[-_.]+", "_", distribution.metadata["Name"])
    wheel = folder / f"{name}-{distribution.version}-{tag}.whl"
    record = []
    with zipfile.ZipFile(wheel, "w") as archive:
        for file in files:
            data = Path(str(distribution.locate_file(file))).read_bytes()
            archive.writestr(file.as_posix(), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            record.append(f"{file.as_posix()},sha256={digest.decode()},{len(data)}")
        record.append(f"{info.as_posix()}/RECORD,,")
        archive.writestr(f"{info.as_posix()}/RECORD", "\n".join(record) + "\n")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """The wheel built from a copy of the sources, a fresh virtualenv with it installed, and
    the install's duration in seconds."""
    root = tmp_path_factory.mktemp("wheel")
    sources = root / "sources"
    sources.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, sources / name)
    shutil.copytree(REPO / "generator", sources / "generator",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = run([str(BIN / "python"), "-m", "build", "--no-isolation", "--outdir", str(root / "dist"),
                 str(sources)], root)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((root / "dist").glob("*.whl"))

    wheelhouse = root / "wheelhouse"
    wheelhouse.mkdir()
    for distribution in runtime_closure(wheel):
        repack(distribution, wheelhouse)
    venv = root / "venv"
    started = time.perf_counter()
    created = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], root)
    assert created.returncode == 0, created.stderr
    # uv (which `make setup` installs) takes 2 CPU-seconds where pip takes 9; pip otherwise.
    target = str(venv / "bin" / "python")
    installer = ([str(BIN / "uv"), "pip", "install", "--python", target, "--offline", "--no-cache"]
                 if (BIN / "uv").exists()
                 else [str(BIN / "python"), "-m", "pip", "--python", target, "install", "--no-compile"])
    install = run([*installer, "--quiet", "--no-index", "--find-links", str(wheelhouse), str(wheel)],
                  root)
    assert install.returncode == 0, install.stdout + install.stderr
    return wheel, venv, time.perf_counter() - started


def test_the_wheel_holds_every_file_of_the_package(installed):
    wheel, _, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert sorted(package_files() - names) == []


def test_the_installed_wheel_alone_builds_the_same_site(installed, tmp_path):
    _, venv, seconds = installed
    print(f"wheel and its dependencies installed into a fresh virtualenv in {seconds:.1f} s")
    project = make_project(tmp_path)
    # The virtualenv's own package, not this checkout (the build runs from the project folder).
    where = run([str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"],
                project, VENV_ENV)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv)
    assert run([str(venv / "bin" / "python"), "-c", "import pytest"], project, VENV_ENV).returncode != 0

    site = tmp_path / "site"
    build = run([str(venv / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site)], project,
                {**REPRODUCIBLE, **VENV_ENV})
    assert build.returncode == 0, build.stderr
    built = {path.relative_to(site).as_posix(): path.read_bytes()
             for path in site.rglob("*") if path.is_file()}
    assert "data/LISEZMOI.txt" in built and "sujets/pertes.html" in built
    (tmp_path / "editable").mkdir()  # the same project built by this checkout
    expected, _ = build_files(make_project(tmp_path / "editable"), tmp_path / "editable-site")
    assert sorted(built) == sorted(expected)
    assert [name for name in sorted(built) if built[name] != expected[name]] == []


def test_an_edited_text_template_changes_the_next_warm_build(installed, tmp_path):
    """The cache fingerprint covers every file of the package, not only .py and .html."""
    _, venv, _ = installed
    project = make_project(tmp_path)
    mkdocs = [str(venv / "bin" / "mkdocs"), "build", "--strict"]
    first = run(mkdocs, project, {**REPRODUCIBLE, **VENV_ENV})
    assert first.returncode == 0, first.stderr
    readme = project / "site" / "data" / "LISEZMOI.txt"
    assert "Note ajoutée au modèle" not in readme.read_text(encoding="utf-8")

    template = next(venv.glob("lib/python*/site-packages/generator/render/templates/data_readme.txt"))
    original = template.read_text(encoding="utf-8")
    template.write_text(original + "\nNote ajoutée au modèle.\n", encoding="utf-8")
    try:
        second = run(mkdocs, project, {**REPRODUCIBLE, **VENV_ENV})
    finally:
        template.write_text(original, encoding="utf-8")  # the virtualenv is shared by the module
    assert second.returncode == 0, second.stderr
    assert readme.read_text(encoding="utf-8").rstrip().endswith("Note ajoutée au modèle.")
