"""The built site as a reader gets it: pages, lists, links, search index."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from helpers import content, search_index, shown, soup

from generator.derive.groupings import by_month, by_outlet
from generator.derive.search import fold
from generator.render.pages import PER_PAGE, RECENT
from generator.render.paths import html_path, month_path, outlet_path


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(path: Path) -> str:
    return normalise(content(path).get_text(" "))


def body_paragraphs(markdown: str) -> list[str]:
    return [normalise(re.sub(r"^(#+|-) ", "", line)) for line in markdown.split("\n") if line.strip()]


def test_each_article_page_holds_its_whole_text_and_metadata(built_site, archive):
    for article in archive.articles:
        page = built_site / "articles" / f"{article.id}.html"
        blocks = content(page).select_one(".ba-body").find_all(["p", "h2", "h3", "li"])
        # Shown as written, spaces aside (French typography: « février» reads « février »).
        text = re.sub(r"\s", "", " ".join(block.get_text() for block in blocks))
        for paragraph in body_paragraphs(article.body):
            assert re.sub(r"\s", "", paragraph) in text, (article.id, paragraph)
        main = content(page)
        assert normalise(main.h1.get_text()) == shown(article.title)
        panel = normalise(main.select_one("dl.ba-meta").get_text(" "))
        for topic_id in article.topics:
            assert shown(archive.topics[topic_id].title) in panel
        if article.date_note:
            assert shown(article.date_note) in panel


def test_article_metadata_panel_in_french(fixture_site):
    panel = content(fixture_site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html") \
        .select_one("dl.ba-meta")
    text = normalise(panel.get_text(" "))
    assert "Date 23 décembre 2024" in text
    assert "Média BFMTV" in text
    assert "Original adresse inconnue" in text
    month_only = content(fixture_site / "articles" / "2025-02-excelsior-troupes-supplementaires-koursk.html")
    month_text = normalise(month_only.select_one("dl.ba-meta").get_text(" "))
    assert "février 2025 (au mois près)" in month_text
    assert "Agence Agence France-Presse (AFP)" in month_text


def test_debris_is_not_published(fixture_site):
    for page in (fixture_site / "articles").glob("*.html"):
        body = content(page).select_one(".ba-body").get_text(" ")
        for debris in ("Nous recommandons", "abonnez-vous", "Article original publié",
                       "date 2025-03", "RussieLa Corée", "ORP"):
            assert debris not in body, (page.name, debris)


def listed_articles(page: Path) -> list[str]:
    return [Path(a["href"]).stem for a in content(page).select("ul.ba-article-list a")]


def test_topic_pages_list_their_articles_newest_first(built_site, archive):
    for topic_id, topic in archive.topics.items():
        expected = [a.id for a in archive.articles if topic_id in a.topics]
        page = built_site / "sujets" / f"{topic.slug or topic_id}.html"
        assert listed_articles(page) == expected[:RECENT]


def test_topic_page_order_in_the_fixture(fixture_site):
    """Concretely: the troops page opens with a March 2025 dispatch; the undated article is last."""
    troops = listed_articles(fixture_site / "sujets" / "troupes.html")
    assert troops[0].startswith("2025-03") and troops[-1] == "date-inconnue-missiles-kn-23-budanov"


def test_archive_pages_list_every_month_and_outlet(built_site, archive):
    months = by_month(archive)
    index = content(built_site / "archives" / "index.html")
    pages = {month: html_path(month_path(month)) for month in months}
    assert ["archives/" + a["href"] for a in index.select("a")] == list(pages.values())
    for month, articles in months.items():
        assert listed_articles(built_site / pages[month]) == [a.id for a in articles][:PER_PAGE]
    for outlet, articles in by_outlet(archive).items():
        assert listed_articles(built_site / html_path(outlet_path(outlet))) == \
            [a.id for a in articles][:PER_PAGE]


def test_archive_by_month_and_outlet_pages_in_the_fixture(fixture_site):
    months = [a.get_text() for a in content(fixture_site / "archives" / "index.html").select("a")]
    assert months == ["Mars 2025", "Février 2025", "Décembre 2024", "Date inconnue"]
    assert listed_articles(fixture_site / "archives" / "2024-12.html") == [
        "2024-12-23-bfmtv-pertes-nord-coreennes"]
    assert listed_articles(fixture_site / "sources" / "bfmtv.html") == [
        "2024-12-23-bfmtv-pertes-nord-coreennes"]
    assert listed_articles(fixture_site / "sources" / "afp.html") == [
        "2025-02-excelsior-troupes-supplementaires-koursk"]
    assert len(listed_articles(fixture_site / "sources" / "source-inconnue.html")) == 3


def test_home_page_has_intro_latest_articles_and_topic_cards(built_site, archive):
    home = content(built_site / "index.html")
    assert "Cette archive rassemble" in home.get_text()
    cards = [a.get_text() for a in home.select(".grid.cards li > p > strong > a")]
    assert cards == [t.title for t in archive.topics.values()]
    latest = listed_articles(built_site / "index.html")
    assert latest and latest == [a.id for a in archive.articles][:len(latest)]


def test_navigation_stays_small(built_site):
    """Articles are not in the sidebar: a page's size must not grow with the archive."""
    nav_links = soup(built_site / "index.html").select("nav.md-nav--primary a.md-nav__link")
    assert not any("articles/" in a.get("href", "") for a in nav_links)
    for page in (built_site / "articles").glob("*.html"):
        sidebar = soup(page).select_one("nav.md-nav--primary")
        assert "articles/" not in str(sidebar)


def test_french_ui_with_the_sites_own_search(built_site):
    page = soup(built_site / "index.html")
    assert page.html["lang"] == "fr"
    scripts = [s.get("src", "") for s in page.select("script")]
    assert "assets/javascripts/briefing-search.js" in scripts


def internal_targets(site: Path, ids: dict[Path, set[str]] | None = None):
    """Each page's links within the site; with ``ids``, each page's ids noted there (its
    resolved path) from the same reading."""
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served by a web server for any path: links are root-absolute
            continue
        html = soup(page)
        if ids is not None:
            ids[page.resolve()] = {e["id"] for e in html.find_all(id=True)}
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in html.find_all(tag):
                url = element.get(attribute)
                if url and not urlsplit(url).scheme and not url.startswith("//"):
                    yield page, url


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    ids: dict[Path, set[str]] = {}
    for page, url in list(internal_targets(built_site, ids)):  # every page read once
        parts = urlsplit(url)
        target = (page.parent / unquote(parts.path) if parts.path else page).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"{page.relative_to(built_site)} -> {url}")
        elif parts.fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = {e["id"] for e in soup(target).find_all(id=True)}
            if parts.fragment not in ids[target]:
                broken.append(f"{page.relative_to(built_site)} -> {url} (no such anchor)")
    assert broken == []


def nested_links(html: str) -> list[str]:
    """Where a link opens inside another one (HTML forbids it): the text just before."""
    depth, found = 0, []
    for tag in re.finditer(r"<(/?)a\b[^>]*>", html):
        depth += -1 if tag[1] else 1
        if depth > 1:
            found.append(html[max(0, tag.start() - 120):tag.end()])
    return found


def test_no_link_stands_inside_another(built_site, fixture_site):
    for site in (built_site, fixture_site):
        for page in site.rglob("*.html"):
            assert nested_links(page.read_text(encoding="utf-8")) == [], page


def test_no_asset_is_loaded_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        html = soup(page)
        for element in html.select("script[src], link[href], img[src]"):
            url = element.get("src") or element.get("href")
            if element.name == "link" and element.get("rel") == ["canonical"]:
                continue
            assert not urlsplit(url).netloc, (page.name, url)


def test_search_index_holds_every_article_and_folded_terms(built_site, archive):
    index = search_index(built_site)
    urls = [doc[0] for doc in index["docs"]]
    assert urls[:len(archive.articles)] == [f"articles/{a.id}.html" for a in archive.articles]
    vocabulary = set(index["terms"].split("\n"))
    assert len(index["postings"]) == len(vocabulary)
    # Every term is lowercase and unaccented: one folded form serves every spelling.
    assert {term for term in vocabulary if term != fold(term.lower())} == set()
    # Numbers are stored without thousands separators.
    assert not {term for term in vocabulary if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+", term)}


def test_search_index_of_the_fixture_has_french_terms_folded(fixture_site):
    vocabulary = set(search_index(fixture_site)["terms"].split("\n"))
    assert {"coreen", "deploi", "koursk", "kn", "23", "3000", "equip"} <= vocabulary
    assert not {"déployés", "deployes", "3.000"} & vocabulary


def test_method_page_shows_every_worked_example_of_the_rules(built_site):
    from generator.derive.rules import EXAMPLES

    page = visible_text(built_site / "methode.html")
    for example in EXAMPLES:
        assert shown(example.why) in page


def test_fixture_index_holds_hub_pages_and_article_excerpts(fixture_site):
    index = search_index(fixture_site)
    docs = {doc[0]: doc for doc in index["docs"]}
    for hub, kind in (("sujets/troupes.html", "Sujet"), ("acteurs/hur.html", "Acteur"),
                      ("sources/excelsior.html", "Média"), ("methode.html", "")):
        assert docs[hub][2:] == [kind, 1], hub  # ranked after articles
    assert all(len(doc) == 3 for url, doc in docs.items() if url.startswith("articles/"))
    excerpts = []
    for path in sorted((fixture_site / "search").glob("excerpts-*.js"),
                       key=lambda p: int(p.stem.split("-")[1])):
        excerpts += json.loads(path.read_text(encoding="utf-8").partition("] = ")[2]
                               .removesuffix(";\n"))
    assert len(excerpts) == len(index["docs"])
    by_url = dict(zip(docs, excerpts))
    assert by_url["articles/2025-03-inconnu-3000-soldats-supplementaires.html"].startswith(
        "La Corée du Nord a déployé 3.000 soldats supplémentaires en Russie")
    # A hub's excerpt text is what its page shows: its title, then its description…
    assert by_url["acteurs/hur.html"].startswith(
        "Renseignement militaire ukrainien (HUR) Direction du renseignement militaire ukrainien")
