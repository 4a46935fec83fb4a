"""A site made to be linked and a lean offline copy (issue #22, points 8 and 9): the
sitemap lists every page, each page describes itself from its own content with Open Graph
and Twitter card tags (a topic page shows its chart), the 404 page works from disk and
under a sub-path, printed pages give full addresses and the print date, and the offline zip
holds only what the copy uses, without offering itself."""

from __future__ import annotations

import functools
import posixpath
import re
import struct
import threading
import zipfile
from fnmatch import fnmatchcase
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from helpers import FIXTURE_ARCHIVE, REPO, make_project, mkdocs_build, soup

from generator.publish.offline import UNUSED_OFFLINE

SITE_URL = yaml.safe_load(re.search(r"^site_url: !ENV \[\w+, (.*)\]$",
                                    (REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                                    re.M).group(1))


def reader_pages(site: Path) -> list[str]:
    """Every page a reader lands on: not the 404 page, not the redirects of moved pages."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html" and p.parts[-2:-1] != ("telechargement",)
                  and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def meta(page, name: str) -> str | None:
    tag = page.select_one(f'meta[name="{name}"], meta[property="{name}"]')
    return tag["content"] if tag else None


def test_the_site_address_is_set_and_the_sitemap_lists_every_page(fixture_site):
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")
    listed = re.findall(r"<loc>([^<]+)</loc>", (fixture_site / "sitemap.xml").read_text("utf-8"))
    assert sorted(listed) == sorted(SITE_URL + path for path in reader_pages(fixture_site))


def test_each_page_describes_itself_from_its_own_content(fixture_site):
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0]
                            .replace("!ENV", ""))
    descriptions = {}
    for path in reader_pages(fixture_site):
        page = soup(fixture_site / path)
        description = meta(page, "description")
        assert description and description != " ".join(config["site_description"].split()), path
        assert meta(page, "og:description") == meta(page, "twitter:description") == description
        assert meta(page, "og:title") and meta(page, "twitter:card")
        assert meta(page, "og:url") == page.select_one('link[rel="canonical"]')["href"]
        descriptions[path] = description
    topics = yaml.safe_load((FIXTURE_ARCHIVE / "topics.yml").read_text(encoding="utf-8"))
    assert descriptions["sujets/troupes.html"] == " ".join(topics["troops"]["description"].split())
    article = soup(fixture_site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html")
    first = " ".join(article.select_one(".ba-body p").get_text().split())
    assert first.startswith(descriptions["articles/2024-12-23-bfmtv-pertes-nord-coreennes.html"]
                            .removesuffix(" …"))


def test_a_topic_page_is_shared_with_its_chart(fixture_site):
    page = soup(fixture_site / "sujets" / "troupes.html")
    image = meta(page, "og:image")
    assert image == meta(page, "twitter:image") and image.startswith(SITE_URL)
    # Link previews take no SVG: the page's first chart, drawn as a PNG of 1200 × 630 pixels.
    chart = image.removeprefix(SITE_URL)
    png = (fixture_site / chart).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1200, 630) and len(png) < 200_000
    label = page.select_one("article figure figcaption").get_text().rsplit(" (", 1)[0]
    assert f"Title\0{label} : Troupes".encode("latin-1") in png  # what it draws, named in the file
    assert meta(soup(fixture_site / "acteurs" / "jcs.html"), "og:image") is None
    assert not any(meta(soup(fixture_site / path), "og:image")
                   for path in ("index.html", "sujets/troupes-registre.html", "journal/index.html"))


def test_the_404_page_works_from_disk(page, fixture_offline_copy):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((fixture_offline_copy / "404.html").as_uri())
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    page.get_by_role("link", name="Retour à l’accueil").click()
    page.wait_for_url(re.compile(r"/index\.html$"))
    assert failed == []


class _SubPath(SimpleHTTPRequestHandler):
    """A server publishing the site under /dossier/, answering 404.html for any other address."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/dossier"))

    def send_head(self):
        if not self.path.startswith("/dossier/") or not Path(self.translate_path(self.path)).exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def log_message(self, *args) -> None:
        pass


def test_the_404_page_works_under_a_sub_path(page, tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"BRIEFING_SITE_URL": "https://exemple.org/dossier/"})
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_SubPath, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        failed = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(f"{base}/dossier/sujets/une/page/disparue.html")
        assert page.locator("h1").first.inner_text() == "Page introuvable"
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        page.get_by_role("link", name="Retour à l’accueil").click()
        page.wait_for_url(f"{base}/dossier/index.html")
        # Everything the page asks for at the site's root is there (the browser may guess
        # addresses relative to the missing page before the page names its root: not used).
        assert page.locator("#ba-search-input").count() == 1  # the site's scripts ran
        assert [url for url in failed if not url.startswith(f"{base}/dossier/sujets/une/")] == []
    finally:
        server.shutdown()


def test_a_printed_page_gives_full_addresses_and_the_print_date(page, fixture_offline_copy):
    page.goto((fixture_offline_copy / "sujets" / "troupes.html").as_uri())
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    note = page.locator(".ba-print-note")
    assert note.is_visible()
    assert re.fullmatch(rf"Imprimé le \d{{1,2}} \w+ \d{{4}} depuis {re.escape(SITE_URL)}sujets/troupes\.html",
                        note.inner_text())
    after = page.locator('.ba-data a[href="troupes.xml"]').evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert after == f'" <{SITE_URL}sujets/troupes.xml>"'


def test_the_offline_zip_holds_only_what_the_copy_uses(fixture_site, browser):
    (bundle,) = (fixture_site / "telechargement").glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = [name.split("/", 1)[1] for name in archive.namelist()]
        home = archive.read(next(n for n in archive.namelist() if n.endswith("/index.html")
                                 and n.count("/") == 1)).decode("utf-8")
    assert not [n for n in names if any(fnmatchcase(n, p) for p in UNUSED_OFFLINE)]
    assert any(Path(n).suffix == ".map" for n in map(str, fixture_site.rglob("*")))  # on the site
    assert "telechargement/" not in home and "hors-ligne" not in home
    assert "telechargement/" in (fixture_site / "index.html").read_text(encoding="utf-8")


def test_the_offline_zip_leaves_out_the_old_addresses(fixture_site):
    """Redirects and the copies of feeds and charts under their old English names are for
    links from elsewhere to the published site: no page of the copy links to them."""
    (bundle,) = (fixture_site / "telechargement").glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        (folder,) = {name.split("/", 1)[0] for name in archive.namelist()}
        names = {name.split("/", 1)[1] for name in archive.namelist()}
        pages = {name: archive.read(f"{folder}/{name}") for name in names if name.endswith(".html")}
    old = ["sujets/casualties.html", "sources/unknown.html", "feed.xml", "sujets/casualties.xml",
           "sujets/casualties-killed_or_wounded.svg"]
    assert all((fixture_site / path).exists() for path in old)  # still answered on the site
    assert [path for path in old if path in names] == []
    redirects = [p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*.html")
                 if b'http-equiv="refresh"' in p.read_bytes()]
    assert redirects and not names & set(redirects)
    # What the copy's pages link to or load is in the zip.
    missing = set()
    for name, data in pages.items():
        page = BeautifulSoup(data, "html.parser")
        for element in page.select("[href], [src]"):
            target = element.get("href") or element.get("src")
            if re.match(r"^(?:[a-z]+:|#|//)", target) or not target:
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(name),
                                                     target.split("#")[0].split("?")[0]))
            if path not in names and f"{path}/index.html" not in names and path != ".":
                missing.add((name, target))
    assert sorted(missing)[:5] == []


def test_the_offline_copy_misses_no_file_it_asks_for(page, fixture_offline_copy):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    for path in ("index.html", "sujets/troupes.html", "acteurs/jcs.html", "donnees.html",
                 "articles/2024-12-23-bfmtv-pertes-nord-coreennes.html"):
        page.goto((fixture_offline_copy / path).as_uri())
        page.locator("#ba-search-input").press_sequentially("soldats")
        page.locator('#ba-search-results[data-query="soldats"] a').first.wait_for()
        # Their excerpts loaded too: leaving the page earlier would abort that request.
        page.locator('#ba-search-results[data-excerpts="soldats"]').wait_for(state="attached")
    assert failed == []
