"""The unclaimed-figure check of `briefing check` (generator/draft/unclaimed.py).

A figure next to a known metric's words that no claim records is a warning, an error with
--strict, unless the frontmatter lists it under ``left_out`` with a reason.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, briefing, make_project

from generator.draft.claims import Vocabulary
from generator.draft.unclaimed import WarningCache, unclaimed_in, unclaimed_warnings
from generator.read.load import load_archive
from generator.read.sources import article_lines

DRAFTS = FIXTURES / "drafts"
FINISHED = sorted(DRAFTS.glob("*/expected.md"))


@pytest.fixture(scope="module")
def finished_archive(tmp_path_factory):
    """Every finished fixture article (development and held-out: this checks the check, not
    the drafter) with the fixtures' registries."""
    root = tmp_path_factory.mktemp("finished")
    content = root / "briefings"
    shutil.copytree(DRAFTS / "registry", content)
    for path in FINISHED:
        article_id = re.search(r"^id: (\S+)", path.read_text("utf-8"), re.M)[1]
        shutil.copy(path, content / "articles" / f"{article_id}.md")
    return root, load_archive(content, root)


def _unclaimed(article, root: Path, vocabulary: Vocabulary) -> list[str]:
    lines, end = article_lines(root / article.source)
    return [w.message for w in unclaimed_in(article, lines[end + 1:], end + 2, vocabulary, root)]


def test_finished_articles_have_no_unclaimed_figure(finished_archive):
    root, archive = finished_archive
    vocabulary = Vocabulary.from_registries(archive.topics, {})
    assert len(archive.articles) == len(FINISHED)
    for article in archive.articles:
        assert _unclaimed(article, root, vocabulary) == [], article.id


@pytest.mark.build
def test_every_finished_article_passes_the_strict_check(finished_archive):
    """What the drafting bench compares drafts with is a finished article by the current rules."""
    root, _ = finished_archive
    result = briefing(["check", "--strict"], root)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("finished", FINISHED, ids=lambda path: path.parent.name)
def test_each_figure_claim_removed_from_a_finished_article_is_flagged(finished, tmp_path):
    """Every finished fixture article (the issue's done-when), each of its figure claims removed
    in turn: the check names that figure (its number as printed, its topic)."""
    content = tmp_path / "briefings"
    shutil.copytree(DRAFTS / "registry", content)
    article_id = re.search(r"^id: (\S+)", finished.read_text("utf-8"), re.M)[1]
    shutil.copy(finished, content / "articles" / f"{article_id}.md")
    archive = load_archive(content, tmp_path)
    [article] = archive.articles
    vocabulary = Vocabulary.from_registries(archive.topics, {})
    removed = 0
    for index, claim in enumerate(article.claims):
        others = article.claims[:index] + article.claims[index + 1:]
        if claim.metric is None or set(claim.numbers) <= {n for c in others for n in c.numbers}:
            continue  # an event, or the same numbers claimed again (another actor, another date)
        found = _unclaimed(article.model_copy(update={"claims": others}), tmp_path, vocabulary)
        named = [(int(re.sub(r"\D", "", number[0])), figure[2]) for message in found
                 if (figure := re.search(r"figure « (.*?) » \((\w+)\.", message))
                 and (number := re.search(r"\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+", figure[1]))]
        assert any(number in claim.numbers and topic == claim.topic for number, topic in named), (
            claim.metric, claim.numbers, found)
        removed += 1
    assert removed >= 1


@pytest.mark.build
def test_check_reports_the_figure_with_its_line_and_strict_fails(tmp_path):
    text = (DRAFTS / "lemonde" / "expected.md").read_text("utf-8")
    claims = text.split("claims:\n", 1)[1].split("---\n", 1)[0]
    last = "  - topic:" + claims.split("  - topic:")[-1]
    article_id = re.search(r"^id: (\S+)", text, re.M)[1]
    project = make_project(tmp_path, {f"{article_id}.md": text.replace(last, "")},
                           keep_articles=False, content=DRAFTS / "registry")
    plain = briefing(["check"], project)
    assert plain.returncode == 0
    line = next(i for i, l in enumerate(text.replace(last, "").splitlines(), 1) if "plus de 200 pièces" in l)
    assert re.search(rf"{article_id}\.md:{line}:\d+: warning: claims: figure « plus de 200 » "
                     r"\(weapons\.long_range_artillery", plain.stderr), plain.stderr
    strict = briefing(["check", "--strict"], project)
    assert strict.returncode == 1
    assert "figure « plus de 200 »" in strict.stderr

    explained = text.replace(last, "").replace("\n---\n", (
        "\nleft_out:\n  - quote: \"plus de 200 pièces d’artillerie\"\n"
        "    reason: \"Chiffre laissé de côté pour ce test.\"\n---\n"), 1)
    (project / "briefings" / "articles" / f"{article_id}.md").write_text(explained, "utf-8")
    assert briefing(["check", "--strict"], project).returncode == 0


@pytest.mark.build
def test_a_left_out_quote_missing_from_the_text_is_reported(tmp_path):
    text = (DRAFTS / "lemonde" / "expected.md").read_text("utf-8").replace("\n---\n", (
        "\nleft_out:\n  - quote: \"400 canons\"\n    reason: \"Absent du texte.\"\n---\n"), 1)
    article_id = re.search(r"^id: (\S+)", text, re.M)[1]
    project = make_project(tmp_path, {f"{article_id}.md": text}, keep_articles=False,
                           content=DRAFTS / "registry")
    result = briefing(["check", "--strict"], project)
    assert result.returncode == 1
    assert "left_out[0].quote: this quote is not in the text" in result.stderr


def _without_last_claims(root: Path, count: int) -> None:
    """Remove the last figure claim (one with a metric, not an event) of the first ``count``
    finished articles (each then has a figure nobody claims)."""
    for path in sorted((root / "briefings" / "articles").glob("*.md"))[:count]:
        text = path.read_text("utf-8")
        front, body = text.split("\n---\n", 1)
        claims = front.split("\nclaims:\n", 1)[1].split("\nleft_out:")[0] + "\n"
        blocks = re.findall(r"^  - .*\n(?:    .*\n)*", claims, re.M)
        last = [block for block in blocks if re.search(r"^(?:  -|   ) metric: ", block, re.M)][-1]
        path.write_text(front.replace("\n" + last.rstrip("\n"), "", 1) + "\n---\n" + body, "utf-8")


def test_cached_warnings_are_the_warnings_and_follow_every_change(tmp_path):
    root = tmp_path
    shutil.copytree(DRAFTS / "registry", root / "briefings")
    for path in FINISHED:
        article_id = re.search(r"^id: (\S+)", path.read_text("utf-8"), re.M)[1]
        shutil.copy(path, root / "briefings" / "articles" / f"{article_id}.md")
    _without_last_claims(root, 12)
    file = root / ".cache" / "unclaimed.sealed"

    def warnings(cache: WarningCache | None) -> list[str]:
        archive = load_archive(root / "briefings", root)
        return [w.format() for w in unclaimed_warnings(archive.articles, archive.topics, root, cache)]

    fresh = warnings(None)
    assert len(fresh) >= 8
    assert warnings(WarningCache(file, "code")) == fresh      # cold: computed, then kept
    assert file.exists()
    kept = file.read_bytes()
    assert warnings(WarningCache(file, "code")) == fresh      # warm: read back
    assert file.read_bytes() == kept                          # nothing new: not written again
    _without_last_claims(root, 2)                             # two articles change
    changed = warnings(None)
    assert changed != fresh
    assert warnings(WarningCache(file, "code")) == changed
    assert warnings(WarningCache(file, "other code")) == changed  # another fingerprint: all again
    file.write_bytes(file.read_bytes().replace(b"claimed by no claim", b"claimed by a claim!!"))
    assert warnings(WarningCache(file, "other code")) == changed  # a changed record is a miss


@pytest.mark.build
def test_check_gives_the_same_lines_with_its_cache(tmp_path):
    project = make_project(tmp_path, keep_articles=False, content=DRAFTS / "registry")
    for path in FINISHED:
        article_id = re.search(r"^id: (\S+)", path.read_text("utf-8"), re.M)[1]
        shutil.copy(path, project / "briefings" / "articles" / f"{article_id}.md")
    _without_last_claims(project, 5)
    cold = briefing(["check"], project)
    assert (project / ".cache" / "briefing" / "unclaimed.sealed").exists()
    warm = briefing(["check"], project)
    assert cold.returncode == warm.returncode == 0
    assert "is claimed by no claim" in cold.stderr
    assert (warm.stdout, warm.stderr) == (cold.stdout, cold.stderr)
