"""Search finds every page by the words a reader sees on it, and leads only to pages that
exist (issue #22): over the fixture site built by the real MkDocs, each page's visible words
(its main content, read from the built HTML) are looked up through the index files the
browser reads, as briefing-search.js reads them; a sample is typed into the search box in
Chromium."""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from helpers import search_index
from test_browser import RESULTS, search
from test_search_index import decode

from generator.derive.search import key
from generator.derive.words import fold

# briefing-search.js's TOKEN (and derive/words.py's): letters, a number with thousands
# separators, a number with its decimals.
TOKEN = re.compile(r"[^\W\d_]+|(?<!\d)\d{1,3}(?:[ \u00a0\u202f\u2009.]\d{3})+(?!\d)|\d+(?:[.,]\d+)*")
# Elements that start a new line or cell: words never run across their edges.
BLOCKS = ["address", "article", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "li", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
          "th", "thead", "tr", "ul"]


def visible_text(element: Tag) -> str:
    """The text a reader sees in ``element``: no script, style or hidden element; a word
    runs across inline elements, never across blocks."""
    for unseen in element.select("script, style, template, [hidden], [aria-hidden=true]"):
        unseen.decompose()
    for block in element.find_all(BLOCKS):
        block.insert_before(NavigableString(" "))
        block.append(NavigableString(" "))
    return element.get_text("")


def is_redirect(page: BeautifulSoup) -> bool:
    return page.find("meta", attrs={"http-equiv": "refresh"}) is not None


def shown_words(path: Path) -> str | None:
    """A built page's visible words (its main content), or None for a redirect. An article
    page: its title, its details, its text and its claims table but the header row (not the
    fixed text every article page shows, such as « Comment citer » and the licence note, nor
    the other articles it links to, found on their own pages)."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    if is_redirect(page):
        return None
    main = page.select_one("article.md-content__inner")
    assert main is not None, f"{path}: no main content"
    body = main.select_one(".ba-body")
    if body is not None:
        for header in main.select("table.ba-ledger thead"):
            header.decompose()
        return " ".join(visible_text(part) for part in (
            main.h1, main.select_one("dl.ba-meta"), body, *main.select("table.ba-ledger")))
    return visible_text(main)


class Index:
    """The site's search index as the browser reads it, and its queries' results."""

    def __init__(self, site: Path):
        index = search_index(site)
        self.urls = [document[0] for document in index["docs"]]
        self.terms = index["terms"].split("\n")
        self.postings = index["postings"]
        self.spellings = {k: group.split(" ") for group in filter(None, index["spellings"].split("\n"))
                          for k in group.split(" ")}

    def found(self, word: str) -> set[str] | None:
        """The pages a one-word query finds (briefing-search.js queryWords, eachTerm, search):
        the documents of its key, of the keys it begins (a word typed as is, three letters
        or more) and of the other spellings of a name; None for a word search ignores (a
        stop word, a single character)."""
        token = word.lower()
        term = key(token)
        if not term:
            return None
        prefix = len(term) > 2 and term == fold(token)
        positions = []
        start = bisect_left(self.terms, term)
        for position in range(start, len(self.terms)):
            if not (self.terms[position] == term or prefix and self.terms[position].startswith(term)):
                break
            positions.append(position)
        for other in self.spellings.get(term, ()):
            position = bisect_left(self.terms, other)
            if position < len(self.terms) and self.terms[position] == other:
                positions.append(position)
        return {self.urls[n] for position in positions for n in decode(self.postings[position])}


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html")
                  if path.relative_to(site).parts[0] not in ("assets", "search", "telechargement")
                  and path.name != "404.html")


def test_every_word_a_page_shows_finds_that_page(fixture_site):
    index = Index(fixture_site)
    missed, pages = {}, 0
    for path in built_pages(fixture_site):
        text = shown_words(path)
        if text is None:
            continue
        pages += 1
        url = path.relative_to(fixture_site).as_posix()
        lost = sorted({word for word in TOKEN.findall(text)
                       if (found := index.found(word)) is not None and url not in found})
        if lost:
            missed[url] = lost
    assert pages > 40  # every kind: articles, topics and their lists, actors, months, log, home…
    assert missed == {}


def test_every_page_search_leads_to_is_a_page_that_exists(fixture_site):
    urls = Index(fixture_site).urls
    assert len(urls) == len(set(urls))
    for url in urls:
        path = fixture_site / url
        assert path.is_file(), f"search leads to {url}, which is not in the site"
        assert not is_redirect(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")), url
    expected = {"sujets/troupes.html", "sujets/troupes-registre.html", "acteurs/hur.html",
                "journal/index.html", "archives/2025-03.html", "archives/index.html", "index.html",
                "donnees.html", "methode.html", "sources/excelsior.html"}
    assert expected <= set(urls)


# Pages of each kind, and words they show that the issue found search missed (figures in a
# topic's tables, a name in an actor's statements), each typed as a reader would.
TYPED = {
    "sujets/troupes.html": ["12 000", "11000", "HUR", "Koursk"],
    "acteurs/hur.html": ["Budanov", "8 000"],
    "journal/index.html": ["auparavant"],
    "archives/2025-02.html": ["Excélsior"],
    "index.html": ["francophones"],
    "donnees.html": ["licence"],
    "methode.html": ["méthode"],
}


def rare_words(index: Index, site: Path, url: str, count: int = 3) -> list[str]:
    """``count`` words ``url`` shows that find few pages (so that it is among the first
    twenty results): the rarest first."""
    found = {}
    for word in TOKEN.findall(shown_words(site / url)):
        pages = index.found(word)
        if pages is not None and len(pages) <= 20:
            found.setdefault(word, len(pages))
    return sorted(found, key=lambda word: (found[word], fold(word)))[:count]


@pytest.mark.parametrize("url", TYPED)
def test_typed_words_find_the_page_that_shows_them(fixture_visit, fixture_site, url):
    index = Index(fixture_site)
    shown = {key(word.lower()) for word in TOKEN.findall(shown_words(fixture_site / url))}
    for word in TYPED[url]:  # as the page shows it, or as a reader types it (« 11000 »)
        assert {key(token.lower()) for token in TOKEN.findall(word)} <= shown, f"{url}: {word}"
    fixture_visit.open(url)
    for query in [*TYPED[url], *rare_words(index, fixture_site, url)]:
        found = search(fixture_visit, query)
        assert url in {href.removeprefix(fixture_visit.base).split("#")[0]
                       for href in found}, f"{query!r} does not find {url}: {found}"
        # Its excerpt is cut around the words, marked.
        page = fixture_visit.page
        page.locator(f'#ba-search-results[data-excerpts="{query}"]').wait_for(state="attached")
        result = page.locator(RESULTS).nth(found.index(fixture_visit.base + url))
        assert result.locator(".ba-search-excerpt mark").count() > 0, (query, url)
        for href in found:  # every result is a page of the site
            assert href.startswith(fixture_visit.base), href
            assert (fixture_site / href.removeprefix(fixture_visit.base).split("#")[0]).is_file(), href
    fixture_visit.assert_clean()


@pytest.mark.parametrize("named", [set(), {"abord"}, {"zygote", "aaa", "milieu"}, {"soldat"}])
def test_a_hub_document_holds_its_page_keys_and_what_names_it_sorted_and_distinct(named):
    """A hub page's keys are its text's (sorted, distinct) and its names', sorted and
    distinct as the index reads them."""
    from generator.derive.search import page_text
    from generator.publish.search_pages import hub_document
    from generator.render.pages import Planned

    text = page_text("<h1>Soldats déployés</h1><p>Au milieu des soldats, d'abord</p>")
    planned = Planned("sujets/troupes.md", "Troupes", lambda: "")
    document = hub_document(planned, text, {"sujets/troupes.html": named})
    assert document.terms == " ".join(sorted(named | set(text[0].split())))
    assert hub_document(planned, None, {"sujets/troupes.html": named}).terms == \
        " ".join(sorted(named))
