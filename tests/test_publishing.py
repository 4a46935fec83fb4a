"""What the site publishes besides pages: feeds, the frontmatter JSON Schema, same-story links."""

import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup
from helpers import REPO, briefing, briefing_process, content, make_project

from generator.derive.duplicates import near_duplicates, same_story_elsewhere
from generator.render.feeds import FEED_LIMIT
from generator.render.pages.articles import ArticleRenderer, first_paragraph

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(feed_file):
    root = ElementTree.parse(feed_file).getroot()
    return [(e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"))
            for e in root.iter(f"{ATOM}entry")]


def test_site_feed_lists_articles_newest_first_with_working_links(built_site, archive):
    items = entries(built_site / "flux.xml")
    assert [title for title, _ in items] == [a.title for a in archive.articles][:FEED_LIMIT]
    assert all((built_site / href).exists() for _, href in items)


def test_feed_entries_show_their_article_s_first_paragraph(built_site, archive):
    """The build keeps no article bodies: it reads back the few that its feeds summarise."""
    renderer = ArticleRenderer(archive)
    by_title = {article.title: article for article in archive.articles}
    root = ElementTree.parse(built_site / "flux.xml").getroot()
    shown = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}content"))
             for e in root.iter(f"{ATOM}entry")]
    assert shown
    for title, summary in shown:
        body = by_title[title].body
        assert summary == renderer.summary(body)
        first_words = " ".join(first_paragraph(body).split()[:3])
        assert first_words.split()[0] in summary


def test_each_topic_has_its_feed(built_site, archive):
    for topic_id, topic in archive.topics.items():
        items = entries(built_site / "sujets" / f"{topic.slug or topic_id}.xml")
        titles = [a.title for a in archive.articles if topic_id in a.topics]
        assert [t for t, _ in items] == titles[:FEED_LIMIT]
        assert all((built_site / "sujets" / href).resolve().exists() for _, href in items)


def test_every_link_of_every_feed_reaches_a_file_of_the_site(built_site):
    """Entry links and the links inside entries' content (a log entry's source), relative
    to the feed."""
    feeds = [f for f in built_site.rglob("*.xml") if ElementTree.parse(f).getroot().tag == f"{ATOM}feed"]
    assert feeds
    for feed in feeds:
        for entry in ElementTree.parse(feed).getroot().iter(f"{ATOM}entry"):
            shown = BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser")
            for href in [entry.find(f"{ATOM}link").get("href"),
                         *(a["href"] for a in shown.find_all("a", href=True))]:
                target = (feed.parent / href.partition("#")[0]).resolve()
                assert target.is_file(), f"{feed.relative_to(built_site)}: {href}"


def test_json_schema_in_the_repo_is_current_and_published(built_site, archive, project):
    generated = briefing_process(["schema"], REPO)  # the installed command
    assert generated.returncode == 0
    committed = (REPO / "schema" / "article.schema.json").read_text(encoding="utf-8")
    assert generated.stdout == committed, "run: briefing schema > schema/article.schema.json"
    assert (built_site / "schema" / "article.schema.json").read_text(encoding="utf-8") == committed
    for article in archive.articles:
        first_lines = (project / article.source).read_text(encoding="utf-8").split("\n")[:2]
        assert first_lines[1] == "# yaml-language-server: $schema=../../schema/article.schema.json"


def test_near_duplicates_link_to_each_other(built_site, archive):
    links = same_story_elsewhere(near_duplicates(archive))
    for article in archive.articles:
        box = content(built_site / "articles" / f"{article.id}.html").select_one(".ba-same-story")
        expected = sorted(f"{other}.html" for other in links.get(article.id, ()))
        assert (sorted(a["href"] for a in box.select("a")) if box else []) == expected


def test_near_duplicates_of_the_fixture(fixture_site):
    pair = ("2025-03-inconnu-3000-soldats-supplementaires", "2025-03-inconnu-renforts-et-drones-ia")
    for this, other in (pair, pair[::-1]):
        box = content(fixture_site / "articles" / f"{this}.html").select_one(".ba-same-story")
        assert [a["href"] for a in box.select("a")] == [f"{other}.html"]
    assert content(fixture_site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html") \
        .select_one(".ba-same-story") is None


@pytest.mark.build
def test_check_warns_about_near_duplicates_without_failing(tmp_path):
    result = briefing(["check"], make_project(tmp_path))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "briefings/articles/2025-03-inconnu-renforts-et-drones-ia.md: warning: body: near-duplicate "
        "of briefings/articles/2025-03-inconnu-3000-soldats-supplementaires.md: about 50% of the shorter "
        "text's 5-word sequences also stand in the other (hint: the same dispatch from two outlets "
        "is fine (claim its figures in both); the same article twice is not: remove one)"]
    assert result.stdout.strip().endswith("(1 warning)")
