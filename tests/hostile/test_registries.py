"""A broken registry, or two entries wanting one address, gives one located error from
every command, and nothing is built or written (issue 21, point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    briefing,
    make_project,
    make_site_project,
    mkdocs_build,
    run,
)

pytestmark = pytest.mark.build  # every test here starts a build or a command

REGISTRIES = ("topics.yml", "actors.yml", "outlets.yml", "publication.yml")


def yaml_error(path: Path) -> str:
    path.write_text(path.read_text(encoding="utf-8").replace(":", ": [", 2), encoding="utf-8")
    return "invalid YAML"


def missing(path: Path) -> str:
    path.unlink()
    return "file is missing"


def bad_utf8(path: Path) -> str:
    path.write_bytes(path.read_bytes() + b"\nx: \"\xe9\"\n")
    return "not valid UTF-8"


def symlink(path: Path) -> str:
    target = path.parent.parent / f"elsewhere-{path.name}"
    path.rename(target)
    path.symlink_to(target)
    return "symbolic links are not allowed"


FAULTS = {"yaml-error": yaml_error, "missing": missing, "bad-utf8": bad_utf8, "symlink": symlink}


def broken_project(tmp_path: Path, name: str, fault: str) -> tuple[Path, str]:
    project = make_project(tmp_path)
    message = FAULTS[fault](project / "briefings" / name)
    return project, message


def the_error(stderr: str, name: str, message: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith(f"briefings/{name}")]
    assert len(lines) == 1 and message in lines[0], stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS)
def test_every_command_stops_on_a_broken_registry_with_its_located_error(tmp_path, fault):
    for name in REGISTRIES:
        if (name, fault) == ("publication.yml", "missing"):
            continue  # optional: then no licence is shown
        folder = tmp_path / name
        folder.mkdir()
        project, message = broken_project(folder, name, fault)
        result = briefing(["check"], project)
        assert result.returncode == 1, name
        expected = the_error(result.stderr, name, message)
        for command in (["export", str(folder / "data")], ["pages", str(folder / "pages")]):
            result = briefing(command, project)
            assert result.returncode == 1, (name, command)
            assert the_error(result.stderr, name, message) == expected, (name, command)
        assert not (folder / "data").exists() and not (folder / "pages").exists()
        result = mkdocs_build(project, folder / "site")
        assert result.returncode == 1, name
        assert the_error(result.stderr, name, message) == expected, name
        assert not (folder / "site").exists(), name


def collide(project: Path, name: str, old: str, new: str) -> None:
    path = project / "briefings" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_TOPICS = """
a:
  title: "A"
  description: "A"
  metrics:
    b-c: {label: "B", unit: "soldats", kind: total, scope: "B"}
a-b:
  title: "AB"
  description: "AB"
  metrics:
    c: {label: "C", unit: "soldats", kind: total, scope: "C"}
"""
NARROW_TOPIC = """
a:
  title: "A"
  description: "A"
  metrics:
    b: {label: "B", unit: "soldats", kind: total, scope: "B"}
    b-etroit: {label: "C", unit: "soldats", kind: total, scope: "C"}
"""
COLLISIONS = {
    "topic-slug-is-another-topic-id": (
        "topics.yml", 'slug: "pertes"', 'slug: "troops"',
        "briefings/topics.yml:36:9: casualties.slug: 'troops' takes the address 'troops' of 'troops'"),
    "topic-slug-is-another-topic-list": (
        "topics.yml", 'slug: "pertes"', 'slug: "troupes-articles"',
        "briefings/topics.yml:36:9: casualties.slug: 'troupes-articles' takes the address "
        "'troupes-articles' of 'troops'"),
    "topic-slug-index": (
        "topics.yml", 'slug: "troupes"', 'slug: "index"',
        "briefings/topics.yml:4:9: troops.slug: 'index' would replace the folder's index page"),
    "outlet-index": (
        "outlets.yml", "bfmtv:", "index:\n  name: \"Index\"\nbfmtv:",
        "briefings/outlets.yml:2:1: index: 'index' would replace the folder's index page"),
    "actor-slug-taken": (
        "actors.yml", 'slug: "maison-blanche"', 'slug: "armee-ukrainienne"',
        "briefings/actors.yml:39:9: white_house.slug: 'armee-ukrainienne' takes the address "
        "'armee-ukrainienne' of 'ukrainian_army'"),
    "actor-slug-is-another-actor-id": (
        "actors.yml", 'slug: "maison-blanche"', 'slug: "kremlin"',
        "briefings/actors.yml:39:9: white_house.slug: 'kremlin' takes the address 'kremlin'"),
    "narrow-chart-address": (
        "topics.yml", "troops:", NARROW_TOPIC.lstrip() + "troops:",
        "briefings/topics.yml:7:5: a.metrics.b-etroit: its chart would have the address of "
        "'a.metrics.b' ('a-b-etroit')"),
    "chart-address": (
        "topics.yml", "troops:", NEW_TOPICS.lstrip() + "troops:",
        "briefings/topics.yml:11:5: a-b.metrics.c: its chart would have the address of "
        "'a.metrics.b-c' ('a-b-c')"),
}


@pytest.mark.parametrize("name, old, new, expected", COLLISIONS.values(), ids=COLLISIONS.keys())
def test_check_finds_every_address_collision_with_file_and_line(tmp_path, name, old, new, expected):
    project = make_project(tmp_path)
    collide(project, name, old, new)
    result = briefing(["check"], project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(expected), result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("case", ["topic-slug-is-another-topic-id", "outlet-index"])
def test_the_build_stops_on_the_same_collision_line(tmp_path, case):
    name, old, new, expected = COLLISIONS[case]
    project = make_project(tmp_path)
    collide(project, name, old, new)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_make_site_stops_on_a_broken_registry_and_keeps_the_previous_site(tmp_path):
    project = make_site_project(tmp_path)
    assert run(["make", "site"], project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    message = yaml_error(project / "briefings" / "actors.yml")
    result = run(["make", "site"], project)
    assert result.returncode != 0
    expected = the_error(briefing(["check"], project).stderr, "actors.yml", message)
    assert the_error(result.stderr, "actors.yml", message) == expected
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before
