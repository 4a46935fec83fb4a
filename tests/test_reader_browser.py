"""The reader's briefing in a real browser (see test_browser.py): the home page's headline
figures lead to their topic, a printed topic page is a clean briefing, old addresses
redirect, and a web server's 404 page is French with working links."""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import Visit, open_visit
from test_browser import charted_topics, heading


def test_home_headline_figures_are_shown_and_lead_to_their_topic(visit, archive):
    visit.open("index.html")
    assert " ".join(visit.page.locator(".ba-archive-updated").inner_text().split()).startswith(
        "Mis à jour :")
    for topic in archive.topics.values():
        card = visit.page.locator(".grid.cards > ul > li").filter(
            has=visit.page.locator("strong a", has_text=topic.title))
        figures = card.locator(".ba-headline-figure")
        assert figures.count() >= 1 and figures.first.is_visible()
        assert card.locator(".ba-updated").is_visible()
        card.locator(".ba-detail-link a").click()
        assert heading(visit) == topic.title
        assert visit.page.locator(".ba-topic > .ba-headline-block").is_visible()
        visit.page.go_back()
    visit.assert_clean()


def hidden(visit: Visit, selector: str) -> bool:
    locator = visit.page.locator(selector)
    return all(not locator.nth(i).is_visible() for i in range(locator.count()))


def test_a_printed_topic_page_is_a_clean_briefing(visit, archive):
    topic = archive.topics[charted_topics(archive)[0]]
    visit.open(f"sujets/{topic.slug or topic.id}.html")
    visit.page.locator("#ba-search-input").wait_for()
    assert visit.page.locator(".md-header").is_visible()
    visit.page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar", ".md-footer", "#ba-search-input", ".md-search"):
        assert hidden(visit, chrome), chrome
    assert visit.page.locator(".ba-headline-block").is_visible()
    assert visit.page.locator("table.ba-ledger").first.is_visible()
    image = visit.page.locator("figure.ba-chart img").first
    visit.page.wait_for_function("img => img.complete", arg=image.element_handle())
    assert image.is_visible() and image.evaluate("img => img.naturalWidth") > 100
    link = visit.page.locator("ul.ba-article-list a").first
    written = link.evaluate("a => getComputedStyle(a, '::after').content")
    # The link's full address: its own, resolved against the page's published address.
    target = link.get_attribute("href").removeprefix("../")
    assert written.startswith('" <https://') and written.endswith(f'/{target}>"'), written
    visit.page.emulate_media(media="screen")
    assert visit.page.locator(".md-header").is_visible()
    visit.assert_clean()


# Old addresses are for links from elsewhere to the published site: the offline copy, whose
# pages link to the French ones only, leaves them out (test_reader_sharing).
@pytest.mark.parametrize("fixture_visit", ["http"], indirect=True)
def test_an_old_topic_address_leads_to_the_french_one(fixture_visit):
    visit = fixture_visit
    visit.open("sujets/troops.html#etat-actuel")
    visit.page.wait_for_url(re.compile(r"sujets/troupes\.html#etat-actuel$"))
    assert heading(visit) == "Troupes"
    visit.open("acteurs/unattributed.html")
    visit.page.wait_for_url(re.compile(r"acteurs/non-attribue\.html$"))
    assert heading(visit) == "Non attribué"
    visit.assert_clean()


@contextlib.contextmanager
def serve_with_404(site: Path):
    """``site`` over HTTP, answering an unknown address with its 404.html, as web hosts do."""
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def not_found_visit(request, shared_page, fixture_site, screenshot_on_failure):
    with serve_with_404(fixture_site) as base:
        yield from open_visit(request, shared_page, base, screenshot_on_failure)


def test_the_404_page_is_french_and_leads_home_and_to_the_search(not_found_visit):
    visit = not_found_visit
    visit.open("sujets/nulle-part/page-inconnue.html")
    assert heading(visit) == "Page introuvable"
    assert "Not found" not in visit.page.content()
    visit.page.locator("#ba-search-input").wait_for()
    visit.page.get_by_role("link", name="Rechercher dans le dossier").click()
    assert visit.page.evaluate("document.activeElement.id") == "ba-search-input"
    visit.page.get_by_role("link", name="Retour à l’accueil").click()
    visit.page.wait_for_url(visit.base + "index.html")
    assert visit.page.locator(".ba-archive-updated").is_visible()
    foreign = [url for url in visit.requests if not url.startswith(visit.base)]
    assert foreign == []
