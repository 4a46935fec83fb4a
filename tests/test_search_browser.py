"""Search with context in a real browser (see test_browser.py), from disk and over HTTP, on
the frozen fixture archive: excerpts with the query's words marked, French word forms and
numbers however written, articles before hub pages, actors and outlets found by name, and
a combobox that the keyboard drives."""

from __future__ import annotations

import re
from urllib.parse import unquote

from helpers import FIXTURE_ARCHIVE, Visit
from test_browser import RESULTS, heading, search

from generator.derive.search import terms
from generator.derive.words import words
from generator.read.load import load_archive

FIELD = "#ba-search-input"
TROOPS = "articles/2025-02-excelsior-troupes-supplementaires-koursk.html"
THREE_THOUSAND = "articles/2025-03-inconnu-3000-soldats-supplementaires.html"
FIXTURE = load_archive(FIXTURE_ARCHIVE, root=FIXTURE_ARCHIVE.parent)


def site_paths(urls: list[str]) -> list[str]:
    return [re.sub(r"^.*?/(?=(articles|sujets|acteurs|sources)/)", "", url) for url in urls]


def results(visit: Visit, query: str) -> list[str]:
    """The result pages, paths from the site root, once their excerpts are shown."""
    urls = search(visit, query)
    visit.page.locator(f"#ba-search-results[data-excerpts=\"{query}\"]").wait_for(state="attached")
    return site_paths(urls)


def marks(visit: Visit, selector: str) -> list[str]:
    return visit.page.locator(f"{selector} mark").all_inner_texts()


def test_results_show_an_excerpt_with_the_query_words_marked(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    found = results(visit, "deployes")
    option = f"#ba-search-results li:nth-child({found.index(TROOPS) + 1})"
    assert marks(visit, f"{option} .ba-search-title") == ["déploie"]  # « La Corée du Nord déploie… »
    excerpt = visit.page.locator(f"{option} .ba-search-excerpt")
    assert excerpt.inner_text().strip()
    every = marks(visit, "#ba-search-results .ba-search-excerpt")
    assert every and all(terms(word) == {"deploi"} for word in every), every
    assert len({word.lower() for word in every}) >= 3  # its forms: déployés, déploiement…
    visit.assert_clean()


KN_23 = "articles/date-inconnue-missiles-kn-23-budanov.html"


def excerpt_of(visit: Visit, found: list[str], path: str) -> tuple[str, list[str]]:
    """A result's excerpt as shown, and its marked words."""
    option = f"#ba-search-results li:nth-child({found.index(path) + 1}) .ba-search-excerpt"
    return visit.page.locator(option).inner_text(), marks(visit, option)


def test_an_excerpt_is_cut_around_the_words_found_deep_in_a_page(fixture_visit):
    article = next(a for a in FIXTURE.articles if a.id == "date-inconnue-missiles-kn-23-budanov")
    assert article.body.index("Koksan") > 2_000  # far past the start a result used to show
    visit = fixture_visit
    visit.open("index.html")
    found = results(visit, "Koksan")
    # The article first; then the pages that show its quote holding the word (topic, actor).
    assert found[0] == KN_23 and not any(url.startswith("articles/") for url in found[1:])
    text, marked = excerpt_of(visit, found, KN_23)
    assert marked == ["Koksan"] and text.startswith("… ") and text.endswith(" …")
    assert len(text) <= 200 + 4
    # Two words: the passage holding both, every match in it marked (and nothing else).
    found = results(visit, "Koksan roquettes")
    text, marked = excerpt_of(visit, found, KN_23)
    assert marked == ["Koksan", "roquettes"], (text, marked)
    assert [w for w in words(text) if terms(w) & terms("Koksan roquettes")] == [
        "koksan", "roquettes"]
    visit.assert_clean()


def test_a_topic_result_shows_the_figure_it_was_found_by(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    found = results(visit, "12 000")
    text, marked = excerpt_of(visit, found, "sujets/troupes.html")
    assert marked == ["12\u202f000"], text
    # As the page shows it, typeset: the box's figure, or the earlier one it names beside it.
    assert re.search("entre 10\u202f000\\s+et 12\u202f000", text), text
    visit.assert_clean()


def test_every_result_shows_why_it_was_found(fixture_visit):
    """Each result marks the query's words in its title or its excerpt: no page is listed
    for no visible reason (hub pages and the hand-written ones included)."""
    visit = fixture_visit
    visit.open("index.html")
    for query in ("KN-23", "12 000", "Budanov", "contingent", "HUR", "soldats", "Koursk"):
        found = results(visit, query)
        assert found, query
        options = visit.page.locator("#ba-search-results li")
        unmarked = [found[i] for i in range(options.count())
                    if not options.nth(i).locator("mark").count()]
        assert unmarked == [], (query, unmarked)
    visit.assert_clean()


def test_plural_and_verb_forms_find_each_other(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    assert TROOPS in results(visit, "deployes")
    assert TROOPS in results(visit, "déployer")
    assert set(results(visit, "soldat")) == set(results(visit, "soldats"))
    visit.assert_clean()


def test_numbers_match_whatever_their_separators(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    found = {query: results(visit, query) for query in ("3 000", "3.000", "11000", "3000")}
    assert THREE_THOUSAND in found["3000"]
    assert found["3000"] == found["3 000"] == found["3.000"]
    assert THREE_THOUSAND in found["11000"]  # the text writes « 11.000 »
    option = f"#ba-search-results li:nth-child({found['3000'].index(THREE_THOUSAND) + 1})"
    assert marks(visit, f"{option} .ba-search-title") == ["3 000"]  # the title writes « 3 000 »
    assert "3.000" in marks(visit, f"{option} .ba-search-excerpt")
    visit.assert_clean()


def test_an_article_ranks_above_a_hub_page_for_the_same_words(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    found = results(visit, "troupes")
    assert "sujets/troupes.html" in found  # the topic page: a hub
    assert found.index(TROOPS) < found.index("sujets/troupes.html")
    hubs = [i for i, url in enumerate(found) if not url.startswith("articles/")]
    titled = visit.page.locator("#ba-search-results li:has(.ba-search-title mark)")
    articles_titled = [i for i in range(titled.count())
                       if "/articles/" in titled.nth(i).locator("a").get_attribute("href")]
    assert articles_titled and max(articles_titled) < min(hubs)
    visit.assert_clean()


def test_actors_and_outlets_are_found_by_name(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    assert "acteurs/hur.html" in results(visit, "Budanov")  # in the actor's description
    assert "acteurs/jcs.html" in results(visit, "interarmees")
    assert "sources/excelsior.html" in results(visit, "excelsior")
    option = visit.page.locator("#ba-search-results li", has=visit.page.locator(
        "a[href$='sources/excelsior.html']"))
    assert option.locator(".ba-search-detail").inner_text() == "Média"
    visit.assert_clean()


def expanded(visit: Visit) -> bool:
    return visit.page.locator(FIELD).get_attribute("aria-expanded") == "true"


def test_the_search_box_is_a_combobox_with_a_listbox_of_options(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    field = visit.page.locator(FIELD)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-controls") == "ba-search-results"
    assert not expanded(visit)
    found = results(visit, "soldats")
    assert expanded(visit)
    assert visit.page.locator("#ba-search-results").get_attribute("role") == "listbox"
    options = visit.page.locator("#ba-search-results > li > a")  # each result's link
    assert options.count() == len(found) > 1
    assert {options.nth(i).get_attribute("role") for i in range(options.count())} == {"option"}
    visit.assert_clean()


def test_arrows_move_through_results_and_enter_opens_one(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    found = results(visit, "soldats")
    field = visit.page.locator(FIELD)
    options = visit.page.locator("#ba-search-results > li > a")

    def selected() -> list[int]:
        return [i for i in range(options.count())
                if options.nth(i).get_attribute("aria-selected") == "true"]

    assert selected() == [] and field.get_attribute("aria-activedescendant") is None
    field.press("ArrowDown")
    field.press("ArrowDown")
    assert selected() == [1]
    assert field.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    field.press("ArrowUp")
    field.press("ArrowUp")  # from the first, up wraps to the last
    assert selected() == [len(found) - 1]
    field.press("ArrowDown")  # and down from the last to the first
    field.press("ArrowDown")
    assert selected() == [1]
    field.press("Enter")
    visit.page.wait_for_url(re.compile(re.escape(found[1]) + "$"))
    assert unquote(visit.page.url).endswith(found[1])
    assert heading(visit)
    visit.assert_clean()


# The first point of a grid over the window that is neither in the search nor on a link.
OUTSIDE = """() => {
  for (let y = innerHeight - 10; y > 0; y -= 20) for (let x = 10; x < innerWidth; x += 40) {
    const hit = document.elementFromPoint(x, y);
    if (hit && !hit.closest(".ba-search, a, button, input, label, select")) return [x, y];
  }
  throw new Error("no point outside the search panel");
}"""


def test_escape_from_anywhere_and_a_click_outside_close_the_results(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    panel = visit.page.locator(".ba-search-panel")
    results(visit, "soldats")
    assert panel.is_visible()
    visit.page.keyboard.press("Tab")  # into the panel (a scrollable area takes the focus)
    visit.page.keyboard.press("Escape")
    assert not panel.is_visible() and not expanded(visit)
    assert visit.page.evaluate("document.activeElement.id") == "ba-search-input"
    visit.page.locator(FIELD).press("ArrowDown")  # the results come back
    assert panel.is_visible()
    visit.page.locator("article.md-content__inner a").first.focus()  # elsewhere on the page
    visit.page.keyboard.press("Escape")
    assert not panel.is_visible() and not expanded(visit)
    visit.page.locator(FIELD).focus()  # back in the box, the results come back
    assert panel.is_visible() and expanded(visit)
    x, y = visit.page.evaluate(OUTSIDE)  # a point on the page, away from the panel and links
    visit.page.mouse.click(x, y)
    assert not panel.is_visible() and not expanded(visit)
    visit.page.locator(FIELD).focus()
    visit.page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert visit.page.locator(FIELD).input_value() == "soldats"  # closed, not forgotten
    visit.page.keyboard.press("Escape")  # a second time: the query goes
    assert visit.page.locator(FIELD).input_value() == ""
    visit.assert_clean()


def test_the_search_box_shows_a_focus_ring(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    visit.page.locator(FIELD).wait_for()
    visit.page.keyboard.press("Tab")
    for _ in range(40):  # tab through the page until the box has the focus
        if visit.page.evaluate("document.activeElement.id") == "ba-search-input":
            break
        visit.page.keyboard.press("Tab")
    ring = visit.page.locator(FIELD).evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
    assert ring[0] != "none" and float(ring[1].removesuffix("px")) >= 2, ring
    visit.assert_clean()


def test_the_page_and_the_index_make_the_same_keys(fixture_visit):
    """The browser's keys (briefing-search.js) are the index's (generator/derive/search.py)."""
    visit = fixture_visit
    visit.open("index.html")
    texts = [path.read_text(encoding="utf-8").partition("\n---\n")[2]
             for path in sorted((FIXTURE_ARCHIVE / "articles").glob("*.md"))]
    texts += ["3 000 3\u00a0000 3\u202f000 3.000 11.000 1,5 2024 300", "ŒUVRE Œuvres Ålesund",
              "l’équipement, nord-coréennes ; déployées offensives pays KN-23 Hwasong-11"]
    for text in texts:
        keys = visit.page.evaluate("text => window.briefingSearchKeys(text)", text)
        assert set(keys) == terms(text)
    visit.assert_clean()


def test_filters_narrow_the_results_to_a_topic_a_year_or_an_outlet(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    everything = results(visit, "soldats")
    details = visit.page.locator("#ba-search-results .ba-search-detail")

    def narrowed(facet: str, value: str) -> list[str]:
        visit.page.locator(f"select[data-facet={facet}]").select_option(label=value)
        visit.page.locator("#ba-search-results[data-excerpts]").wait_for(state="attached")
        links = visit.page.locator(RESULTS)
        return site_paths([unquote(links.nth(i).get_attribute("href"))
                           for i in range(links.count())])

    by_outlet = narrowed("outlet", "BFMTV")
    assert by_outlet and set(by_outlet) < set(everything)
    assert all(text.endswith("· BFMTV") for text in details.all_inner_texts())
    narrowed("outlet", "Tous les médias")
    by_year = narrowed("year", "2024")
    assert by_year and set(by_year) < set(everything)
    assert all(text.split(" · ")[0].endswith("2024") for text in details.all_inner_texts())
    narrowed("year", "Toutes les années")
    by_topic = narrowed("topic", "Armement")
    armement = {f"articles/{a.id}.html" for a in FIXTURE.articles if "weapons" in a.topics}
    assert set(by_topic) == {url for url in everything if url in armement} < set(everything)
    visit.assert_clean()
