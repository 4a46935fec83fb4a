"""French typography on what is shown (issue #22, point 5): no-break spaces before « : ; ! ? »,
inside « », in numbers and between a number and its unit; one apostrophe in the site's own
text; an article's text as its source wrote it, spaces aside; quotes still checked against
the source as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import FIXTURE_ARCHIVE, soup

from generator.render.typography import NBSP, NNBSP, french_html


@pytest.mark.parametrize("before, after", [
    ("Mis à jour : mars", f"Mis à jour{NBSP}: mars"),
    ("Il l'a dit « hier » !", f"Il l’a dit «{NNBSP}hier{NNBSP}»{NNBSP}!"),
    ("«Une quantité importante»", f"«{NNBSP}Une quantité importante{NNBSP}»"),
    ("jusqu'à 8 000 soldats ; 1 100 pertes", f"jusqu’à 8{NNBSP}000{NBSP}soldats{NNBSP}; 1{NNBSP}100{NBSP}pertes"),
    ("en 2024 500 soldats", f"en 2024 500{NBSP}soldats"),  # not a number's groups
])
def test_french_spaces_and_apostrophes(before, after):
    assert french_html(before) == after
    assert french_html(after) == after  # idempotent: MkDocs may apply it again


def test_markup_code_and_addresses_are_left_alone():
    html = ('<a href="http://x.org/?q=a : b" title="l\'adresse">l\'adresse : ici</a> '
            '<code>a : b</code> à 10:30')
    assert french_html(html) == ('<a href="http://x.org/?q=a : b" title="l\'adresse">'
                                 f'l’adresse{NBSP}: ici</a> <code>a : b</code> à 10:30')


def test_an_articles_text_keeps_its_apostrophes():
    html = '<div class="ba-body"><p>l\'armée : 3 000 soldats</p></div><p>l\'archive</p>'
    assert french_html(html) == (f'<div class="ba-body"><p>l\'armée{NBSP}: 3{NNBSP}000{NBSP}'
                                 'soldats</p></div><p>l’archive</p>')


def _shown_text(path: Path) -> tuple[str, str]:
    """The page's visible text outside and inside its article text (no code or scripts)."""
    page = soup(path)
    for hidden in page(["script", "style", "code", "pre", "head"]):
        hidden.decompose()
    body = page.select_one(".ba-body")
    inside = body.extract().get_text() if body else ""
    return page.get_text(), inside


def test_no_ordinary_space_where_french_wants_a_no_break_one(fixture_site):
    for path in fixture_site.rglob("*.html"):
        own, article = _shown_text(path)
        for text in (own, article):
            assert not re.search(r" [:;!?»]|« |\d \d{3}\b", text), (
                path, re.findall(r".{20}(?: [:;!?»]|« |\d \d{3}\b).{5}", text)[:3])
        assert not re.search(r"\w'\w", own), (path, re.findall(r".{20}\w'\w.{5}", own)[:3])


def test_an_articles_text_is_its_sources_spaces_aside(fixture_site):
    source = FIXTURE_ARCHIVE / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.md"
    body = source.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    _, shown = _shown_text(fixture_site / "articles" / f"{source.stem}.html")
    # Every word of the source, apostrophes and quotation marks as written, is shown.
    written = {word.strip("«»,.()*_#") for word in body.split()} - {""}
    drawn = {word.strip("«»,.()") for word in shown.split()}
    assert {w for w in written if "'" in w or "’" in w} <= drawn
    assert len(written - drawn) <= len(written) // 20  # Markdown marks aside


QUOTED = re.compile(r"«[^«»]*»")  # the innermost quotes: what the sources wrote
# A number grouped otherwise than by narrow no-break spaces (ordinary spaces: above), and a
# date written the ISO way (not inside a name: article ids and file names start with one).
OTHER_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[.\u00a0]\d{3})+(?!\d)")
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")


def _own_words(path: Path) -> str:
    """The site's own text on a page: not the article's text, not its headings repeated in
    the table of contents, not what stands between « » (quotes keep their source's writing)."""
    page = soup(path)
    for hidden in page(["script", "style", "code", "pre", "head"]):
        hidden.decompose()
    for source in page.select(".ba-body, nav.md-nav--secondary"):
        source.decompose()
    return QUOTED.sub("", page.get_text())


def _assert_one_number_format_and_french_dates(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert any(path.name == "methode.html" for path in pages)
    for path in pages:
        own = _own_words(path)
        for pattern in (OTHER_NUMBER, ISO_DATE):
            assert not pattern.search(own), (path, [own[max(0, m.start() - 30):m.end() + 10]
                                                    for m in pattern.finditer(own)][:3])


def test_one_number_format_and_french_dates_in_the_sites_own_text(fixture_site):
    _assert_one_number_format_and_french_dates(fixture_site)


def test_the_real_sites_own_text_too(built_site):
    _assert_one_number_format_and_french_dates(built_site)
