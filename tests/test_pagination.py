"""Lists that grow with the archive are paginated, so no page grows with it."""

import pytest
from helpers import article_text, content, make_project, mkdocs_build

from generator.render.pages import PER_PAGE, RECENT, Pager, paginate


def test_paginate_names_pages_and_slices_items():
    pages = paginate("archives/2025-01.md", tuple(range(120)))
    assert [path for path, _, _ in pages] == ["archives/2025-01.md", "archives/2025-01-2.md",
                                             "archives/2025-01-3.md"]
    assert [len(chunk) for _, chunk, _ in pages] == [PER_PAGE, PER_PAGE, 20]
    assert paginate("x.md", ())[0][1] == ()


def test_pager_window_stays_short():
    paths = tuple(f"p{n}" for n in range(1, 201))
    window = Pager(100, paths).window
    assert [n for n, _ in window] == [1, None, 98, 99, 100, 101, 102, None, 200]
    assert [n for n, _ in Pager(1, paths[:3]).window] == [1, 2, 3]


N = 130


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("big")
    articles = {}
    for i in range(N):
        article_id = f"2025-01-{i % 28 + 1:02d}-bfmtv-article-{i:03d}"
        front = (f"id: {article_id}\ntitle: \"Article numéro {i}\"\ndate: 2025-01-{i % 28 + 1:02d}\n"
                 "outlet: bfmtv\nlanguage: fr\ntopics: [troops]\nclaims:\n  - topic: troops\n"
                 f"    metric: deployed\n    value: {1000 + i}\n    qualifier: about\n    as_of: 2025-01\n"
                 f"    attributed_to: {'jcs' if i % 2 else 'nis'}\n    quote: \"environ {1000 + i} soldats\"\n")
        body = f"Texte {i} : environ {1000 + i} soldats. " + " ".join(f"mot{i}x{j}" for j in range(40))
        articles[f"{article_id}.md"] = article_text(front, body)
    project = make_project(tmp_path, articles, keep_articles=False)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


@pytest.mark.build
def test_month_and_outlet_lists_paginate(big_site):
    first = content(big_site / "archives" / "2025-01.html")
    assert len(first.select("ul.ba-article-list li")) == PER_PAGE
    assert " ".join(first.select_one(".ba-pager").get_text(" ").split()).startswith("Page 1 sur 3")
    last = content(big_site / "archives" / "2025-01-3.html")
    assert len(last.select("ul.ba-article-list li")) == N - 2 * PER_PAGE
    assert len(content(big_site / "sources" / "bfmtv-2.html").select("ul.ba-article-list li")) == PER_PAGE


@pytest.mark.build
def test_topic_page_shows_recent_items_and_links_the_full_lists(big_site):
    topic = content(big_site / "sujets" / "troupes.html")
    assert len(topic.select("ul.ba-article-list li")) == RECENT
    assert len(topic.select("table.ba-ledger tbody tr")) == RECENT
    links = {a.get_text(): a["href"] for a in topic.select("a")}
    assert links[f"Tous les articles du sujet ({N})"] == "troupes-articles.html"
    ledger_pages = sorted((big_site / "sujets").glob("troupes-registre*.html"))
    rows = sum(len(content(p).select("table.ba-ledger tbody tr")) for p in ledger_pages)
    assert rows == N


@pytest.mark.build
def test_page_sizes_do_not_grow_with_the_archive(big_site):
    small = (big_site / "sujets" / "troupes.html").stat().st_size
    assert small < 125_000  # typeset spaces and link-preview tags: a few more bytes
    article_sizes = [p.stat().st_size for p in (big_site / "articles").glob("*.html")]
    assert max(article_sizes) < 25_000
