"""The ``briefing`` command as a contributor runs it: output and exit status.

Here the installed command runs in its own process (``briefing_process``); elsewhere tests
run it in-process (``briefing``), which gives the same exit status and output."""

import re

import pytest
from helpers import (
    VALID_BODY,
    VALID_FRONT,
    article_text,
    briefing,
    briefing_process,
    make_project,
)

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line


def test_check_passes_on_the_real_content(project, archive):
    result = briefing_process(["check"], project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {len(archive.articles)} articles, ")


def test_check_lists_every_error_as_path_line_col_field_and_exits_1(tmp_path):
    bad = article_text(VALID_FRONT.format(id="wrong").replace("outlet: bfmtv", "outlet: lemonde"),
                       VALID_BODY)
    project = make_project(tmp_path, {"bad.md": bad})
    result = briefing(["check"], project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines == [
        "briefings/articles/bad.md:2:5: id: 'wrong' does not match the file name "
        "(hint: use 'bad' or rename the file to 'wrong.md')",
        "briefings/articles/bad.md:5:9: outlet: unknown outlet 'lemonde' "
        "(hint: the closest known outlet is 'excelsior'; a new outlet is defined in "
        "briefings/outlets.yml)",
        "2 errors",
    ]
    assert "Traceback" not in result.stderr


def test_pages_writes_markdown_any_builder_can_take(tmp_path):
    out = tmp_path / "pages"
    fixture = make_project(tmp_path)
    result = briefing_process(["pages", str(out)], fixture)
    assert result.returncode == 0, result.stderr
    article = (out / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.md").read_text()
    # In French typography, as the site shows it (render/typography.py).
    assert article.startswith('---\ntitle: "Plus de 1\u202f000\u00a0soldats')
    assert re.search(r"ont subi environ 1\.100\s+pertes", article)
    assert (out / "methode.md").exists() and (out / "sujets" / "troupes.md").exists()
    assert "Derniers articles" in (out / "index.md").read_text()
    # Refuses to mix its output with an earlier one.
    again = briefing(["pages", str(out)], fixture)
    assert again.returncode == 1 and "is not empty" in again.stderr


def test_check_says_what_an_article_brings(tmp_path):
    """A contributor sees which agreements and divergences their article makes, not only
    that the counts moved."""
    from test_scenarios import scenario

    scenario("ceiling-below", tmp_path)
    result = briefing(["check", "--article", "briefings/articles/2025-04-03-b-bien-moins.md"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == ("briefings/articles/2025-04-03-b-bien-moins.md: 1 statement "
                        "(0 also in other articles), 1 finding, 0 disputes")
    assert lines[2] == ("  divergence (effectifs.presents): beta presents about 3000 (as of 2025-03) "
                        "/ alpha presents at_most 6000 (as of 2025-03)")
    # By id as well; an unknown article is refused before anything is checked.
    assert briefing(["check", "--article", "2025-04-02-a-plafond"], tmp_path).stdout.splitlines()[1] \
        .startswith("briefings/articles/2025-04-02-a-plafond.md: 1 statement")
    unknown = briefing(["check", "--article", "2025-04-09-x"], tmp_path)
    assert unknown.returncode == 2 and "no article '2025-04-09-x'" in unknown.stderr
    assert not unknown.stdout


def test_check_names_an_articles_revisions_and_repeats(tmp_path):
    """An actor's later figure for the very same period, and a figure that only repeats an
    earlier one under another metric, change what the pages show first: the contributor
    reads both before the pages, with what each is set against."""
    from test_scenarios import scenario

    scenario("revised-same-period", tmp_path / "revised")
    lines = briefing(["check", "--article", "2025-11-05-b-releve"], tmp_path / "revised").stdout.splitlines()
    assert ("  replaces (effectifs.prevus): alpha prevus 180-200 (as of 2025), said 2025-11-04 / "
            "alpha prevus at_least 150 (as of 2025), said 2025-01 (the same period: a revision)") in lines, lines
    scenario("restated-elsewhere", tmp_path / "restated")
    lines = briefing(["check", "--article", "2025-11-05-b-rappel"], tmp_path / "restated").stdout.splitlines()
    assert ("  repeat (effectifs.envoi_initial): alpha envoi_initial exact 11000 (reported 2025-11-05) / "
            "alpha envoyes_depuis about 11000 (undated) (linked to it, neither charted nor counted "
            "again; if it is new, give it its own date or source)") in lines, lines
    assert not any(line.startswith("  replaces") for line in lines), lines
    # From the origin's side: another article's figure now only repeats one of its own
    # (review 17, N2: a dated recall makes an earlier report its repeat).
    lines = briefing(["check", "--article", "date-inconnue-a-envoi"], tmp_path / "restated").stdout.splitlines()
    assert ("  repeated (effectifs.envoi_initial): alpha envoi_initial exact 11000 (reported 2025-11-05), "
            "in 2025-11-05-b-rappel.md, now repeats alpha envoyes_depuis about 11000 (undated) (if they "
            "are not one statement, check both claims' metric and date)") in lines, lines


def test_check_counts_a_copy_the_briefing_merges_as_also_in_the_other_article(tmp_path):
    """« en mars » in one article and « le 13 mars » in another are one statement on the pages
    (the sharper date kept): `check --article` says so too (review 16, friction 11)."""
    from test_scenarios import scenario

    scenario("sharper-copy", tmp_path)
    lines = briefing(["check", "--article", "2025-03-14-a-pertes"], tmp_path).stdout.splitlines()
    assert lines[1:3] == ["briefings/articles/2025-03-14-a-pertes.md: 1 statement (1 also in other "
                          "articles), 0 findings, 0 disputes",
                          "  also in 1 other article: alpha pertes exact 4000 (as of 2025-03-13)"], lines
