"""The tests' in-process build (helpers.mkdocs_build) keeps the theme's compiled templates from
one build to the next (helpers.CompiledTemplates): the site it builds must be the one a build
without them gives, and a template edited between two builds must be compiled again."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import COMPILED_TEMPLATES, build_files, make_project

pytestmark = pytest.mark.build  # every test here builds a site


def files_without_kept_templates(project: Path, site: Path) -> dict[str, bytes]:
    """``project`` built in this process with nothing kept: each template compiled afresh."""
    kept = dict(COMPILED_TEMPLATES.code)
    COMPILED_TEMPLATES.code.clear()
    try:
        files, _ = build_files(project, site)
    finally:
        COMPILED_TEMPLATES.code.update(kept)
    return files


def test_kept_templates_build_the_same_bytes_and_an_edited_one_is_compiled_again(tmp_path):
    project = make_project(tmp_path)
    fresh = files_without_kept_templates(project, tmp_path / "fresh")
    kept = dict(COMPILED_TEMPLATES.code)
    assert kept  # the build compiled the theme's templates and kept them
    again, _ = build_files(project, tmp_path / "again")
    # Each read back, none compiled again (a compiled template is stored anew).
    assert all(COMPILED_TEMPLATES.code[key] is code for key, code in kept.items())
    assert sorted(again) == sorted(fresh)
    assert [name for name in sorted(again) if again[name] != fresh[name]] == []

    override = project / "docs" / "overrides" / "main.html"
    text = override.read_text(encoding="utf-8")
    override.write_text(text.replace("{% endblock %}", "<!-- édité -->{% endblock %}", 1),
                        encoding="utf-8")
    edited, _ = build_files(project, tmp_path / "edited")
    assert "<!-- édité -->" in edited["index.html"].decode()
