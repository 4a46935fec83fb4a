"""`briefing check` as a contributor meets it: located errors with hints that say what to
edit, every article file read (or refused), and a draft told from a finished article.

Every case runs the real command on a copy of the frozen fixture archive and asserts on
its output lines and exit status."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import VALID_BODY, VALID_FRONT, article_text, briefing, make_project

ARTICLES = Path("briefings") / "articles"
CLAIM = """
claims:
  - topic: troops
    metric: reinforcements
    value: 3000
    qualifier: exact
    as_of: 2025-01
    attributed_to: jcs
    quote: "a déployé 3.000 soldats"
"""


def check(project: Path, *args: str) -> tuple[int, list[str]]:
    result = briefing(["check", *args], project)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr.splitlines() + result.stdout.splitlines()


def valid(article_id: str, extra: str = "", body: str = VALID_BODY) -> str:
    return article_text(VALID_FRONT.format(id=article_id) + extra, body)


# --- YAML indented with tabs ------------------------------------------------------------

def test_a_tab_indented_line_says_to_indent_with_spaces(tmp_path):
    text = valid("a", CLAIM.replace("    metric: reinforcements", "\tmetric: reinforcements"))
    code, lines = check(make_project(tmp_path, {"a.md": text}))
    assert code == 1
    assert lines[:2] == [
        "briefings/articles/a.md:11:1: invalid YAML: found a tab character that violates "
        "indentation (hint: indent with spaces, not tabs: YAML does not allow tabs in indentation)",
        "1 error",
    ]


def test_a_tab_in_a_metadata_file_says_it_too(tmp_path):
    project = make_project(tmp_path)
    actors = project / "briefings" / "actors.yml"
    actors.write_text(actors.read_text("utf-8").replace("\n  name:", "\n\tname:", 1), "utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith("briefings/actors.yml:3:1: invalid YAML: ")
    assert lines[0].endswith("(hint: indent with spaces, not tabs: YAML does not allow tabs "
                             "in indentation)")
