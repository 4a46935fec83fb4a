"""The way out of Material: `briefing pages` output built by plain MkDocs (docs-dev/BUILDERS.md).

The fixture archive's pages are built with docs-dev/mkdocs-plain.yml (MkDocs' own theme,
no briefing plugin) by the real ``mkdocs build --strict``, in a Python where Material,
pymdown-extensions and this project's package cannot be imported: the site owes them nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import BIN, FIXTURE_ARCHIVE, REPO, briefing, make_project, run, shown, soup

from generator.read.load import load_archive
from generator.read.quotes import normalise

CONFIG = REPO / "docs-dev" / "mkdocs-plain.yml"
# MkDocs' command line, with what a plain builder must not need made unimportable.
PLAIN_MKDOCS = ("import sys\n"
                "for name in ('material', 'pymdownx', 'generator'):\n"
                "    sys.modules[name] = None\n"
                "from mkdocs.__main__ import cli\n"
                "cli(prog_name='mkdocs')\n")


def is_redirect(page: Path) -> bool:
    """A page `briefing pages` wrote as HTML: it sends the reader to a moved page."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The exported pages of the fixture archive, the plain site built from them, the build."""
    root = tmp_path_factory.mktemp("plain")
    project = make_project(root)
    exported = root / "out"
    result = briefing(["pages", str(exported / "pages")], project)
    assert result.returncode == 0, result.stderr
    shutil.copy(CONFIG, exported / "mkdocs.yml")
    build = run([str(BIN / "python"), "-c", PLAIN_MKDOCS, "build", "--strict"], exported)
    assert build.returncode == 0, build.stderr  # a warning fails it too (--strict)
    return exported / "pages", exported / "site", build


@pytest.mark.build
def test_plain_mkdocs_builds_every_exported_page_without_material(plain):
    pages, site, build = plain
    assert "Documentation built" in build.stderr and "WARNING" not in build.stderr
    config = CONFIG.read_text(encoding="utf-8")
    assert re.search(r"^theme:\n  name: mkdocs$", config, re.M)
    assert not re.search(r"^(plugins|markdown_extensions):", config, re.M)
    exported = [path.relative_to(pages) for path in pages.rglob("*")
                if path.is_file() and path.parts[len(pages.parts)] != "overrides"]
    published = [path.with_suffix(".html") if path.suffix == ".md" else path for path in exported]
    assert [str(path) for path in published if not (site / path).is_file()] == []
    for article in load_archive(FIXTURE_ARCHIVE, root=REPO).articles:
        assert (site / "articles" / f"{article.id}.html").is_file()
    assert not (site / "overrides").exists()  # Material templates, excluded by the config


@pytest.mark.build
def test_article_page_shows_its_title_text_and_quoted_claims(plain):
    _, site, _ = plain
    archive = load_archive(FIXTURE_ARCHIVE, root=REPO)
    for article in archive.articles:
        page = soup(site / "articles" / f"{article.id}.html")
        assert text(page.find("h1")) == shown(article.title)  # in French typography
        assert " ".join(page.title.get_text().split()).startswith(shown(article.title))
        rows = page.select("table.ba-ledger tbody tr")
        assert len(rows) == len(article.claims)
        marked = [normalise(mark.get_text()) for mark in page.select(".ba-body mark.ba-quote")]
        for claim in article.claims:
            assert any(re.sub(r"\s", "", normalise(claim.quote)) in re.sub(r"\s", "", passage)
                       for passage in marked), claim.quote  # spaces aside
    page = soup(site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html")
    assert text(page.find("h1")) == shown("Plus de 1 000 soldats nord-coréens tués ou blessés "
                                          "face à l’Ukraine, selon l’état-major sud-coréen")
    body = text(page.select_one(".ba-body"))
    assert "L’Ukraine a lancé début août une offensive surprise dans la région russe de Koursk." in body
    ledger = text(page.select_one("table.ba-ledger"))
    assert "ont subi environ 1.100 pertes" in ledger


@pytest.mark.build
def test_topic_page_and_home_show_the_headline_figure(plain):
    _, site, _ = plain
    expected = shown("Tués ou blessés : 4 000 militaires selon l'état-major sud-coréen (JCS) "
                     "(mars 2025) — auparavant au moins 1 000 (23 décembre 2024)")
    topic = soup(site / "sujets" / "pertes.html")
    assert text(topic.find("h1")) == "Pertes"
    assert text(topic.select_one(".ba-topic > .ba-headline-block .ba-headline-figure")) == expected
    assert topic.select("figure.ba-chart img")
    home = soup(site / "index.html")
    assert expected in [text(li) for li in home.select(".ba-headline-figure")]


def _targets(site: Path, page: Path):
    """Every site-internal link of ``page``: (href as written, file, fragment). Root-absolute
    links (the 404 page's, served at any depth) start from the site folder."""
    for element in soup(page).find_all(["a", "link", "img", "script"]):
        address = element.get("href") or element.get("src")
        if not address:
            continue
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            continue
        path = unquote(parts.path)
        base = site if path.startswith("/") else page.parent
        target = (base / path.lstrip("/")).resolve() if path else page
        if target.is_dir():
            target = target / "index.html"
        yield address, target, unquote(parts.fragment)


@pytest.mark.build
def test_every_internal_link_and_anchor_resolves(plain):
    _, site, _ = plain
    broken, checked, ids = [], 0, {}
    for page in sorted(site.rglob("*.html")):
        if is_redirect(page):
            continue  # see test_redirect_pages_lead_to_existing_pages
        for address, target, fragment in _targets(site, page):
            checked += 1
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)}: {address}")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {tag.get("id") for tag in soup(target).find_all(id=True)}
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {address} (no such anchor)")
    assert checked > 500
    assert broken == []


@pytest.mark.build
def test_redirect_pages_lead_to_existing_pages(plain):
    _, site, _ = plain
    redirects = [page for page in site.rglob("*.html") if is_redirect(page)]
    assert (site / "sujets" / "casualties.html") in redirects
    for page in redirects:
        (address,) = {a["href"] for a in soup(page).select("a")}
        assert (page.parent / address).is_file(), (page, address)


@pytest.mark.build
def test_no_material_asset_or_markup_is_referenced(plain):
    _, site, _ = plain
    for page in site.rglob("*.html"):
        html = soup(page)
        addresses = [element.get("href") or element.get("src") or ""
                     for element in html.find_all(["a", "link", "img", "script"])]
        assert not [a for a in addresses if re.search(r"material|assets/(stylesheets|javascripts)/"
                                                      r"(main|bundle|palette)", a)], page
        assert not [e for e in html.find_all(class_=re.compile(r"^md-"))], page
        if not is_redirect(page):
            assert "assets/briefing.css" in " ".join(addresses), page


def test_pages_read_the_same_as_on_the_material_site(plain, fixture_site):
    """The plain site shows each page's content word for word as the Material build does."""
    pages, site, _ = plain

    def words(page, selector: str) -> str:
        main = soup(page).select_one(selector)
        for permalink in main.select("a.headerlink"):  # Material's toc permalinks
            permalink.decompose()
        # Word for word: the Material site sets hand-written pages in French typography
        # (a Markdown extension a plain builder does without), spaces and apostrophes.
        return re.sub(r"\s+", "", text(main).replace("’", "'"))

    compared = 0
    for source in pages.rglob("*.md"):
        page = source.relative_to(pages).with_suffix(".html")
        if page.parts[0] == "overrides" or page == Path("index.html"):
            continue  # the Material build's home page also links its offline zip
        assert words(site / page, "div[role=main]") == \
            words(fixture_site / page, "article.md-content__inner"), page
        compared += 1
    assert compared > 40


def test_plain_pages_keep_their_look_in_chromium(plain, page):
    """briefing.css works without Material: quotes highlighted, ledger rows ruled, the
    topic's headline block marked, opened from disk."""
    _, site, _ = plain
    page.goto((site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html").as_uri())
    assert page.locator("mark.ba-quote").first.evaluate(
        "m => getComputedStyle(m).backgroundColor") == "rgb(255, 243, 168)"
    cell = page.locator("table.ba-ledger td").first
    assert cell.evaluate("td => getComputedStyle(td).borderBottomStyle") == "solid"
    assert cell.evaluate("td => parseFloat(getComputedStyle(td).paddingLeft)") > 0
    page.goto((site / "sujets" / "pertes.html").as_uri())
    block = page.locator(".ba-topic > .ba-headline-block")
    assert block.is_visible()
    assert block.evaluate("b => getComputedStyle(b).borderLeftStyle") == "solid"
