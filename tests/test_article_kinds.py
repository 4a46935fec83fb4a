"""One kind of Article: an article read from its file has its body; the build's articles,
once rendered, are ArticleInfo, a type without one, so that near-duplicates cannot be sought
in them (there is no text to find them in) without the type checker saying so."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import FIXTURE_ARCHIVE, REPO

from generator.derive.duplicates import near_duplicates
from generator.model import Article, ArticleInfo
from generator.publish.pipeline import load
from generator.read.load import load_archive


def test_read_articles_have_their_body():
    archive = load_archive(FIXTURE_ARCHIVE)
    assert all(isinstance(article, Article) and article.body for article in archive.articles)
    assert near_duplicates(archive)  # the fixture holds a dispatch run twice


def test_rendered_articles_are_another_type():
    archive, results = load(FIXTURE_ARCHIVE, render=True)
    assert archive.articles
    for article in archive.articles:
        assert type(article) is ArticleInfo and not hasattr(article, "body")
        assert results[article.id].content  # the body is in the rendered page
    read = {article.id: article for article in load_archive(FIXTURE_ARCHIVE).articles}
    assert [read[article.id].info() for article in archive.articles] == list(archive.articles)


@pytest.mark.build
def test_near_duplicates_of_rendered_articles_is_a_type_error(tmp_path):
    program = tmp_path / "program.py"
    program.write_text("from pathlib import Path\n"
               "from generator.derive.duplicates import near_duplicates\n"
               "from generator.publish.pipeline import load\n"
               "near_duplicates(load(Path('briefings'), render=True)[0])\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", str(program)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'incompatible type "Archive[ArticleInfo]"; expected "Archive[Article]"' in result.stdout
