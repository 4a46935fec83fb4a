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


# --- Unknown ids: the file to edit and the closest known id -----------------------------

def test_unknown_ids_name_the_file_to_edit_and_the_closest_known_id(tmp_path):
    claim = CLAIM.replace("attributed_to: jcs", "attributed_to: jsc").replace(
        "metric: reinforcements", "metric: reinforcement")
    text = valid("a", claim).replace("topics: [troops]", "topics: [troops, casualty]")
    code, lines = check(make_project(tmp_path, {"a.md": text}))
    assert code == 1
    assert lines == [
        "briefings/articles/a.md:7:18: topics[1]: unknown topic 'casualty' (hint: the closest "
        "known topic is 'casualties'; a new topic is defined in briefings/topics.yml)",
        "briefings/articles/a.md:11:13: claims[0].metric: unknown metric 'reinforcement' for "
        "topic 'troops' (hint: the closest known metric is 'reinforcements'; a new metric is "
        "defined in briefings/topics.yml, under 'troops: metrics:')",
        "briefings/articles/a.md:15:20: claims[0].attributed_to: unknown actor 'jsc' (hint: the "
        "closest known actor is 'jcs'; a new actor is defined in briefings/actors.yml)",
        "3 errors",
    ]


# --- A broken metadata file: its own error, and no cascade --------------------------------

def test_a_metadata_file_that_fails_to_load_reports_only_its_own_error(tmp_path):
    project = make_project(tmp_path)
    actors = project / "briefings" / "actors.yml"
    actors.write_text(actors.read_text("utf-8") + "jcs:\n  name: \"Doublon\"\n", "utf-8")
    code, lines = check(project)
    assert code == 1
    assert len(lines) == 2 and lines[1] == "1 error", lines
    assert re.fullmatch(r"briefings/actors\.yml:\d+:1: duplicate key 'jcs' \(first defined on "
                        r"line 2\) .*", lines[0])


def test_an_invalid_metadata_entry_reports_only_its_own_error(tmp_path):
    project = make_project(tmp_path)
    topics = project / "briefings" / "topics.yml"
    # The topic `troops`, which every article uses, loses its required title.
    topics.write_text(topics.read_text("utf-8").replace('  title: "Troupes"\n', "", 1), "utf-8")
    actors = project / "briefings" / "actors.yml"
    # And so does the actor `jcs`, which most claims are attributed to.
    actors.write_text(re.sub(r"(?m)^  name: .*\(JCS\)\"\n", "", actors.read_text("utf-8"), count=1),
                      "utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "briefings/actors.yml:3:3: jcs.name: required field is missing (hint: add it)",
        "briefings/topics.yml:3:3: troops.title: required field is missing (hint: add it)",
        "2 errors",
    ]


# --- Every file under briefings/articles/ is read, or refused with an error ----------------

def test_an_article_in_a_subfolder_is_read_and_gets_its_page(tmp_path):
    project = make_project(tmp_path)
    top_level = len(list((project / ARTICLES).glob("*.md")))
    (project / ARTICLES / "2025" / "janvier").mkdir(parents=True)
    (project / ARTICLES / "2025" / "janvier" / "a.md").write_text(valid("a"), "utf-8")
    code, lines = check(project)
    assert code == 0, lines
    assert lines[-1].startswith(f"ok: {top_level + 1} articles, ")
    out = tmp_path / "pages"
    assert briefing(["pages", str(out)], project).returncode == 0
    assert "Un article de test" in (out / "articles" / "a.md").read_text("utf-8")


def test_an_error_in_a_subfolder_article_names_its_path(tmp_path):
    project = make_project(tmp_path)
    (project / ARTICLES / "brouillons").mkdir()
    (project / ARTICLES / "brouillons" / "a.md").write_text(valid("b"), "utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith("briefings/articles/brouillons/a.md:2:5: id: 'b' does not match")


def test_the_same_id_in_two_folders_is_an_error(tmp_path):
    project = make_project(tmp_path, {"a.md": valid("a")})
    (project / ARTICLES / "autre").mkdir()
    (project / ARTICLES / "autre" / "a.md").write_text(valid("a"), "utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "briefings/articles/autre/a.md:2:5: id: article id 'a' is also the id of "
        "briefings/articles/a.md (hint: ids are unique across all folders of articles: rename "
        "one of the two files and its id)",
        "1 error",
    ]


def test_a_file_that_is_not_an_article_is_refused_not_skipped(tmp_path):
    project = make_project(tmp_path)
    (project / ARTICLES / "sous-dossier").mkdir()
    (project / ARTICLES / "sous-dossier" / "b.MD").write_text(valid("b"), "utf-8")
    (project / ARTICLES / "raw.txt").write_text("texte brut", "utf-8")
    (project / ARTICLES / ".b.md.swp").write_text("", "utf-8")  # hidden: an editor's file
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "briefings/articles/raw.txt: not an article: an article's file name ends in '.md' "
        "(hint: give it a name ending in '.md' if it is an article, or move it out of "
        "briefings/articles/)",
        "briefings/articles/sous-dossier/b.MD: not an article: an article's file name ends in "
        "'.md' (hint: rename it to 'b.md', or move it out of briefings/articles/)",
        "2 errors",
    ]


def test_a_linked_folder_is_refused(tmp_path):
    project = make_project(tmp_path)
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "a.md").write_text(valid("a"), "utf-8")
    (project / ARTICLES / "lien").symlink_to(elsewhere, target_is_directory=True)
    code, lines = check(project)
    assert code == 1
    assert lines[0] == ("briefings/articles/lien: symbolic links are not allowed (hint: replace "
                        "the link with the folder or file itself)")
