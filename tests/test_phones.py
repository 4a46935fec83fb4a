"""Every page on a 360 px phone and on a desktop, in real Chromium: no page wider than the
phone, the ledger as a list of cards there, words wrapped at spaces (never "Trou pes"),
and on a desktop tables as wide as the page's content, with no empty column beside them."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# What the site's folders hold: a page of each must be among those measured.
FAMILIES = {"index.html": "home", "sujets": "topics, topic articles and ledgers",
            "articles": "articles", "acteurs": "actors", "sources": "outlets",
            "archives": "archives"}

# The generated tables (ledger, current picture, chart data, actors).
TABLES = '.md-content table[class^="ba-"]'
# Words (hyphen-free runs of letters) of generated tables' cells drawn on two lines although
# they would fit on one line of the page's content.
BROKEN_WORDS = """tables => [...document.querySelectorAll(`${tables} td`)].flatMap(root => {
  const width = root.closest('.md-content__inner').getBoundingClientRect().width, broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const word of node.data.matchAll(/[^\\s\\-\\u2010\\u2011\\/]+/gu)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const rects = [...range.getClientRects()].filter(rect => rect.width > 0);
      const drawn = rects.reduce((sum, rect) => sum + rect.width, 0);
      if (new Set(rects.map(rect => Math.round(rect.top))).size > 1 && drawn < width)
        broken.push(word[0]);
    }
  }
  return broken;
})"""

# Each ledger row as the reader sees it: its visible cells, top to bottom, with their labels.
CARDS = """table => [...table.tBodies[0].rows].map(row => {
  const box = row.getBoundingClientRect();
  return {id: row.id, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
    cells: [...row.cells].filter(cell => cell.getClientRects().length).map(cell => {
      const rect = cell.getBoundingClientRect();
      const label = getComputedStyle(cell, '::before').content.match(/^"([^"]*)"/);
      return {column: cell.dataset.label || null, text: cell.innerText.trim(),
              label: label && label[1], left: rect.left,
              right: rect.right, top: rect.top, bottom: rect.bottom};
    })};
})"""


def pages(site: Path) -> list[str]:
    """Every page of ``site`` a reader can land on (not the redirects of moved pages)."""
    found = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                   if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"))
    covered = {path.split("/")[0] for path in found}
    assert set(FAMILIES) <= covered, set(FAMILIES) - covered
    return found


@pytest.fixture
def open_at(shared_page, screenshot_on_failure, request):
    """The browser page (conftest.py's ``shared_page``) at a given size, reset after the test."""
    with contextlib.ExitStack() as uses:
        def open_page(base: str, viewport: dict):
            return uses.enter_context(shared_page.use(viewport=viewport))

        yield open_page
        screenshot_on_failure(request.node, shared_page.page)


def card_problems(cards: list[dict]) -> list[str]:
    """What keeps each ledger row from reading as a card: its cells side by side instead of
    stacked, or one of its date, actor and quote missing."""
    problems = []
    for card in cards:
        cells = card["cells"]
        for above, below in zip(cells, cells[1:]):
            if below["top"] < above["bottom"] - 1:
                problems.append(f"{card['id']}: {below['column']} beside {above['column']}")
        if any(cell["left"] < card["left"] or cell["right"] > card["right"] + 1 for cell in cells):
            problems.append(f"{card['id']}: a cell sticks out of its card")
        columns = [cell["column"] for cell in cells]
        if not (cells and cells[0]["text"] and "Acteur" in columns and columns[-1] == "Citation"):
            problems.append(f"{card['id']}: shows {columns}")
    return problems


# Every page of the site with a contributor's article: the real site's pages and that
# article's, outlet's and actor's. Layout is the same from disk and served: HTTP once.
EXTENDED_SITE = pytest.mark.parametrize("project", ["with-new-article"], indirect=True)


# Each generated table's width beside its content's, and what stands to its right.
TABLE_WIDTHS = """tables => [...document.querySelectorAll(tables)].map(table => {
  const content = document.querySelector('.md-content__inner').getBoundingClientRect();
  const grid = document.querySelector('.md-main__inner').getBoundingClientRect();
  const toc = document.querySelector('.md-sidebar--secondary');
  const box = table.getBoundingClientRect();
  return {table: box.width, content: content.width, gap: grid.right - box.right,
          toc: !!toc && toc.getClientRects().length > 0 && !!toc.querySelector('.md-nav__link'),
          scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
          rem: parseFloat(getComputedStyle(document.documentElement).fontSize)};
})"""


@EXTENDED_SITE
def test_every_page_on_a_phone_then_on_a_desktop(open_at, built_site, http_site):
    """Each page loaded once, on a phone: no page wider than the phone, ledgers as cards, words
    whole; then made desktop-sized: generated tables span the page's content with no empty
    column beside them, words whole. One load serves both sizes (a load costs Chromium far
    more than a resize): made desktop-sized, a page loaded on a phone gives the measures of a
    page loaded at the desktop's size (compared on every page, docs-dev/TESTING.md)."""
    page = open_at(http_site, PHONE)
    too_wide, not_cards, broken_on_phone, ledgers = {}, {}, {}, 0
    narrow, broken_on_desktop, tables = {}, {}, 0
    for path in pages(built_site):
        page.set_viewport_size(PHONE)
        page.goto(http_site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
        for cards in page.evaluate(f"() => [...document.querySelectorAll('table.ba-ledger')]"
                                   f".map({CARDS})"):
            ledgers += 1
            if card_problems(cards):
                not_cards[path] = card_problems(cards)
        if words := page.evaluate(BROKEN_WORDS, TABLES):
            broken_on_phone[path] = words

        page.set_viewport_size(DESKTOP)
        for measure in page.evaluate(TABLE_WIDTHS, TABLES):
            tables += 1
            # As wide as the content, and no empty column beside it: the table reaches the
            # page's edge (less the content's margin) or a table of contents stands there.
            if (abs(measure["table"] - measure["content"]) > 2 or measure["scrolls"]
                    or not (measure["toc"] or measure["gap"] <= 2 * measure["rem"])):
                narrow[path] = measure
        if words := page.evaluate(BROKEN_WORDS, TABLES):
            broken_on_desktop[path] = words
    assert ledgers > 0
    assert too_wide == {}
    assert not_cards == {}
    assert broken_on_phone == {}
    assert tables > 0
    assert broken_on_desktop == {}
    assert narrow == {}


PERTES = "sujets/pertes-registre.html"
CARD_1100 = "2024-12-23-bfmtv-pertes-nord-coreennes--pertes-environ-1100"
EVENT = "2024-12-23-bfmtv-pertes-nord-coreennes--heavy_losses-ukrainian_army-2024-12-17"


def test_a_ledger_card_shows_date_figure_actor_and_quote(open_at, fixture_http_site):
    page = open_at(fixture_http_site, PHONE)
    page.goto(fixture_http_site + PERTES)
    cards = {card["id"]: card for card in page.locator("table.ba-ledger").evaluate(CARDS)}
    assert len(cards) == 8
    card = cards[CARD_1100]
    assert [(cell["label"], cell["text"][:24]) for cell in card["cells"]] == [
        (None, "23 décembre 2024"),
        ("Sujet\u00a0: ", "Pertes"),
        ("Affirmation\u00a0: ", "Tués ou blessés"),
        ("Chiffre\u00a0: ", "environ 1\u202f100"),
        ("Acteur\u00a0: ", "Comité des chefs d’état-"),
        ("Sources\u00a0: ", "BFMTV, 23 décembre 2024"),
        ("Citation\u00a0: ", "«\u202f“… ont subi environ 1."),  # its cut-off “ restored, marked as a cut
    ]
    assert card_problems([card]) == []
    # The cards follow one another down the page, each as wide as the column.
    ordered = list(cards.values())
    assert all(above["bottom"] <= below["top"] for above, below in zip(ordered, ordered[1:]))
    content = page.locator(".md-content__inner").bounding_box()
    assert all(card["right"] - card["left"] > content["width"] - 2 for card in ordered)
    # An event has no figure: its card has no empty "Chiffre" line.
    assert "Chiffre" not in [cell["column"] for cell in cards[EVENT]["cells"]]


def test_the_ledger_on_a_phone_is_still_a_table_to_screen_readers_and_printers(
        open_at, fixture_http_site):
    page = open_at(fixture_http_site, PHONE)
    page.goto(fixture_http_site + PERTES)
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in nodes
             if not node.get("ignored") and "role" in node]
    assert roles.count("table") == 1
    assert roles.count("row") == 1 + 8
    assert roles.count("columnheader") == 7
    headers = [node["name"]["value"] for node in nodes if node.get("role", {}).get("value")
               == "columnheader"]
    assert headers == ["Date visée", "Sujet", "Affirmation", "Chiffre", "Acteur", "Sources",
                       "Citation"]
    page.emulate_media(media="print")
    row = page.locator(f"tr[id='{CARD_1100}']")
    assert row.evaluate("row => getComputedStyle(row).display") == "table-row"
