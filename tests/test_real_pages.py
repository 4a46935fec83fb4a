"""Every generated page is a real page: MkDocs' own rendering and the fast path through page
shells (render/shell.py) give the same bytes; each page has its canonical address, its place
in the sitemap and its table of contents; another plugin's page hook sees every page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import build_files, make_project, soup

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line

SITE_URL = "https://exemple.org/dossier/"
# A minifier's crude step, as hooks do it: it must not break the build, and it sees every page.
MINIFY_HOOK = '''
def on_post_page(output, page, config):
    return output.replace("</p>", "")
'''


def configure(project: Path, plugin_options: str = "", extra: str = "") -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("plugins:\n  - briefing:\n", f"plugins:\n  - briefing:\n{plugin_options}", 1)
    text = re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}", text, count=1, flags=re.M)
    config.write_text(f"{text}{extra}", encoding="utf-8")


def build(project: Path, site: Path) -> dict[str, bytes]:
    return build_files(project, site)[0]


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    fast, slow = (make_project(tmp_path_factory.mktemp(name)) for name in ("fast", "mkdocs"))
    configure(fast)
    configure(slow, "      fast_pages: false\n")
    return build(fast, fast / "site"), build(slow, slow / "site")


def generated_pages(site: dict[str, bytes]) -> list[str]:
    return sorted(path for path in site if path.endswith(".html")
                  and path.startswith(("articles/", "sujets/", "archives/", "sources/", "acteurs/")))


def test_the_fast_path_gives_the_bytes_mkdocs_gives(both_ways):
    fast, slow = both_ways
    assert fast.keys() == slow.keys()
    assert len(generated_pages(fast)) > 20
    assert [path for path in sorted(slow) if fast[path] != slow[path]] == []


def test_each_generated_page_has_its_own_canonical_address_and_sitemap_entry(both_ways):
    fast, _ = both_ways
    sitemap = set(re.findall(r"<loc>([^<]+)</loc>", fast["sitemap.xml"].decode()))
    assert not any("__shell" in path for path in fast)
    for path in generated_pages(fast):
        page = fast[path].decode()
        if 'http-equiv="refresh"' in page:  # a redirect page left at a moved address
            continue
        assert f'<link rel="canonical" href="{SITE_URL}{path}">' in page, path
        assert f"{SITE_URL}{path}" in sitemap, path


def test_generated_pages_have_their_table_of_contents(both_ways, tmp_path):
    fast, _ = both_ways
    topic = tmp_path / "topic.html"
    topic.write_bytes(fast["sujets/troupes.html"])
    page = soup(topic)
    sections = [h["id"] for h in page.select("article h2[id]")]
    toc = page.select_one("nav.md-nav--secondary")
    links = [a["href"] for a in toc.select("a.md-nav__link")]
    assert sections and [f"#{anchor}" for anchor in sections] == [
        link for link in links if link.lstrip("#") in sections]
    assert page.select_one("a.md-skip")["href"] == f"#{sections[0]}"
    assert page.title.string.startswith(page.select_one("article h1").get_text(strip=True))


def test_another_plugins_page_hook_sees_every_page(tmp_path):
    project = make_project(tmp_path)
    (project / "minify.py").write_text(MINIFY_HOOK, encoding="utf-8")
    configure(project, extra="\nhooks:\n  - minify.py\n")
    site = build(project, project / "site")
    pages = generated_pages(site)
    assert pages and all(b"</p>" not in site[path] for path in pages
                         if b'http-equiv="refresh"' not in site[path])
    assert b"<nav class=\"md-nav md-nav--secondary\"" in site["sujets/troupes.html"]


def test_a_rebuild_through_mkdocs_alone_reuses_no_page_it_cannot_make(tmp_path):
    """With every page rendered by MkDocs (``fast_pages: false``), a rebuild after an edit that
    keeps the previous plan makes that plan's pages for real: the bytes of a first build."""
    project = make_project(tmp_path)
    configure(project, "      fast_pages: false\n")
    build(project, project / "site")
    article = sorted((project / "briefings" / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nUne phrase ajoutée depuis.\n",
                       encoding="utf-8")
    rebuilt, log = build_files(project, project / "site")
    assert "plan reused" in log and "every page goes through MkDocs" in log
    shutil.rmtree(project / ".cache")
    fresh = build(project, tmp_path / "fresh")
    assert rebuilt.keys() == fresh.keys()
    assert [path for path in sorted(fresh) if rebuilt[path] != fresh[path]] == []
    assert "Une phrase ajoutée depuis." in rebuilt[f"articles/{article.stem}.html"].decode()
