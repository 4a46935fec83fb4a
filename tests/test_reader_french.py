"""French everywhere a reader looks: permalinks, the names of the files a reader opens or
shares (with their old English addresses still answering), the contributing guide
(issue #22, point 6)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from helpers import content, soup

ATOM = "{http://www.w3.org/2005/Atom}"


def test_permalinks_are_titled_in_french(fixture_site):
    titles = {a["title"] for path in fixture_site.rglob("*.html")
              for a in soup(path).select("a.headerlink")}
    assert titles == {"Lien permanent"}


def test_files_a_reader_opens_have_french_names(fixture_site):
    topic = content(fixture_site / "sujets" / "troupes.html")
    charts = {Path(img["src"]).name for img in topic.select("figure img, img")}
    assert "troupes-soldats-nord-coreens-deployes-en-russie.svg" in charts
    feed = topic.select_one('.ba-data a[type="application/atom+xml"]')["href"]
    assert feed == "troupes.xml"
    home = content(fixture_site / "index.html")
    assert home.select_one('a[type="application/atom+xml"]')["href"] == "flux.xml"
    sources = content(fixture_site / "sources" / "index.html")
    assert "source-inconnue.html" in {a["href"] for a in sources.select("a")}


def test_old_english_addresses_still_answer(fixture_site):
    old, new = fixture_site / "sujets" / "troops.xml", fixture_site / "sujets" / "troupes.xml"
    assert old.read_bytes() == new.read_bytes()
    root = ElementTree.parse(new).getroot()
    assert root.find(f"{ATOM}link").get("href") == "troupes.xml"  # names its new address
    assert (fixture_site / "feed.xml").read_bytes() == (fixture_site / "flux.xml").read_bytes()
    assert ((fixture_site / "sujets" / "troops-deployed.svg").read_bytes()
            == (fixture_site / "sujets" / "troupes-soldats-nord-coreens-deployes-en-russie.svg")
            .read_bytes())
    redirect = soup(fixture_site / "sources" / "unknown.html")
    assert redirect.select_one('meta[http-equiv="refresh"]')["content"].endswith(
        "url=source-inconnue.html")


def test_the_contributing_page_is_french_and_links_to_the_repository(fixture_site):
    page = content(fixture_site / "contribuer.html")
    text = page.get_text(" ")
    assert "pull request" in text and "make check" in text and "Vérifier" in text
    links = [a["href"] for a in page.select("a")]
    assert any(href.startswith("https://github.com/") and href.endswith("/CONTRIBUTING.md")
               for href in links)
