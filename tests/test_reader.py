"""The reader's briefing: the first screen answers the question (headline figures with who
gives them and for when, the date of the newest article, links to the detail), and the
site speaks French throughout (footer, 404 page, slugs, « selon le Kremlin »)."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import content, shown, soup

from generator.derive.groupings import newest_date
from generator.model import Actor, Event, parse_date_interval
from generator.render.format import according_to, dated_fr, of_fr

POSITION = Event(label="Déploiement ni confirmé ni démenti", stance=True)


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def topic_file(site: Path, archive, topic_id: str) -> Path:
    return site / "sujets" / f"{archive.topics[topic_id].slug or topic_id}.html"


def card(home, title: str):
    """The home page's card of the topic titled ``title``."""
    return next(li for li in home.select(".grid.cards > ul > li")
                if li.select_one("strong a").get_text() == title)


# Exact expectations on the frozen fixture archive.

def test_home_cards_give_headline_figures_actor_date_and_link_to_the_detail(fixture_site):
    home = content(fixture_site / "index.html")
    assert text(home.select_one(".ba-archive-updated")) == \
        "Mis à jour : dernier article daté de mars 2025."
    casualties = card(home, "Pertes")
    figures = [text(li) for li in casualties.select(".ba-headline-figure")]
    assert figures[0] == shown("Tués ou blessés : 4 000 militaires selon l'état-major "
                               "sud-coréen (JCS) (mars 2025) — auparavant au moins 1 000 (23 décembre 2024)")
    assert "Mis à jour : dernier article daté de mars 2025." in text(casualties)
    links = [a["href"] for a in casualties.select("a")]
    assert links[0] == "sujets/pertes.html" and "sujets/pertes.html" in links[1:]
    assert "acteurs/jcs.html" in links
    treaty = card(home, "Traité")  # no figure: the latest event
    # A fact no one is cited for: the articles that report it say where it comes from.
    (event,) = [text(li) for li in treaty.select(".ba-headline-figure")]
    assert event.startswith("Dernier événement : entrée en vigueur (décembre 2024), sans source "
                            "citée ( BFMTV, 23 décembre 2024 ; Excélsior"), event


def test_topic_page_opens_with_the_same_block_as_its_home_card(fixture_site):
    home = content(fixture_site / "index.html")
    page = content(fixture_site / "sujets" / "pertes.html")
    block = page.select_one(".ba-headline-block")
    assert block.find_previous("h2") is None  # before the detail
    assert block.find_next("h2")["id"] == "etat-actuel"
    on_home = card(home, "Pertes").select_one(".ba-headline-block")
    assert [text(li) for li in block.select("li")] == [text(li) for li in on_home.select("li")]
    assert block.select_one(".ba-detail-link") is None  # the detail follows


def test_selon_uses_the_actors_phrase(fixture_site):
    page = text(content(fixture_site / "sujets" / "traite.html"))
    assert "sans source citée" in page
    troops = text(content(fixture_site / "sujets" / "troupes.html"))
    assert "selon le renseignement militaire ukrainien (HUR)" in troops
    for path in fixture_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "selon Non attribué" not in html and "selon Kremlin" not in html, path


def test_old_english_addresses_redirect_to_the_french_ones(fixture_site):
    for old, new in [("sujets/troops.html", "troupes.html"),
                     ("sujets/casualties-registre.html", "pertes-registre.html"),
                     ("acteurs/unattributed.html", "non-attribue.html")]:
        page = soup(fixture_site / old)
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh == f"0; url={new}"
        assert page.select_one("body a")["href"] == new
        assert (fixture_site / old).parent.joinpath(new).exists()
    assert not (fixture_site / "acteurs" / "jcs.html").read_text("utf-8").count("http-equiv")


def test_french_footer_and_404_page(fixture_site):
    for path in fixture_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "Made with" not in html and "Not found" not in html, path
    footer = text(soup(fixture_site / "sujets" / "pertes.html").select_one(".md-footer"))
    assert "Site réalisé avec MkDocs et Material for MkDocs" in footer
    page = soup(fixture_site / "404.html")
    assert page.html["lang"] == "fr"
    main = page.select_one("article.md-content__inner")
    assert main.h1.get_text() == "Page introuvable"
    links = {a.get_text(): a["href"] for a in main.select("a")}
    assert links["Retour à l’accueil"] == "./index.html"  # from the site's root (a <base> over HTTP)
    assert links["Rechercher dans le dossier"] == "#ba-search-input"


def test_updated_and_according_phrases():
    assert dated_fr(parse_date_interval("2025-03-13")) == "du 13 mars 2025"
    assert dated_fr(parse_date_interval("2025-03")) == "de mars 2025"
    assert dated_fr(parse_date_interval("2025-04")) == "d'avril 2025"
    assert according_to(Actor(id="kremlin", name="Kremlin", according_to="selon le Kremlin")) == \
        "selon le Kremlin"
    assert according_to(Actor(id="x", name="Valeri Guerassimov")) == "selon Valeri Guerassimov"
    # Who takes a position is named as its agent, from « selon … » or as it says.
    assert according_to(Actor(id="kremlin", name="Kremlin", according_to="selon le Kremlin"),
                        POSITION) == "par le Kremlin"
    assert according_to(Actor(id="x", name="Valeri Guerassimov"), POSITION) == \
        "par Valeri Guerassimov"
    assert according_to(Actor(id="k", name="Kremlin", by="de la part du Kremlin"), POSITION) == \
        "de la part du Kremlin"
    assert of_fr("le Comité (JCS)") == "du Comité (JCS)"
    assert of_fr("les renseignements") == "des renseignements"
    assert of_fr("des médias") == "de médias"
    assert of_fr("l'agence KCNA") == "de l'agence KCNA"
    assert of_fr("Agence Alpha") == "d'Agence Alpha"
    assert of_fr("Service Beta") == "de Service Beta"


# Invariants on the real archive (and on it with a contributor's new article, whose new
# actor has neither according_to nor slug).

def test_every_topic_opens_with_its_headline_and_last_update(built_site, archive):
    home = content(built_site / "index.html")
    updated = newest_date(archive.articles)
    assert text(home.select_one(".ba-archive-updated")) == \
        f"Mis à jour : dernier article daté {dated_fr(updated)}."
    for topic_id, topic in archive.topics.items():
        topic_updated = newest_date(tuple(a for a in archive.articles if topic_id in a.topics))
        page = content(topic_file(built_site, archive, topic_id))
        block = page.select_one(".ba-headline-block")
        assert block.find_previous("h2") is None
        assert f"dernier article daté {dated_fr(topic_updated)}" in text(block)
        reported = [m for m, metric in topic.metrics.items()
                    if any(c.topic == topic_id and c.metric == m
                           for a in archive.articles for c in a.claims)]
        shown = [li["data-metric"] for li in block.select(".ba-headline-figure[data-metric]")]
        assert shown == reported
        on_home = card(home, topic.title)
        assert [text(li) for li in on_home.select(".ba-headline-figure")] == \
            [text(li) for li in block.select(".ba-headline-figure")]
        assert on_home.select_one(".ba-detail-link a")["href"] == \
            topic_file(built_site, archive, topic_id).relative_to(built_site).as_posix()


def test_each_according_link_says_its_actors_phrase(built_site, archive):
    by_page = {f"{actor.slug or actor_id}.html": actor for actor_id, actor in archive.actors.items()}
    seen = set()
    for topic_id in archive.topics:
        for link in content(topic_file(built_site, archive, topic_id)).select("a.ba-according"):
            actor = by_page[link["href"].rsplit("/", 1)[-1]]
            # « selon le Kremlin » beside what it says; « par le Kremlin » beside a position it
            # takes (Event.stance).
            assert " ".join(link.get_text().split()) in {
                shown(according_to(actor)), shown(according_to(actor, POSITION))}
            seen.add(actor.id)
    assert seen
    for actor_id, actor in archive.actors.items():
        if actor.according_to is None:  # a new actor: the default phrase, and its id's page
            assert according_to(actor) == f"selon {actor.name}"
            assert (built_site / "acteurs" / f"{actor_id}.html").exists()


def test_every_moved_page_has_a_redirect(built_site, archive):
    quoted = {claim.attributed_to for article in archive.articles for claim in article.claims}
    moved = [("sujets", topic_id, topic.slug) for topic_id, topic in archive.topics.items()] + \
            [("acteurs", actor_id, actor.slug) for actor_id, actor in archive.actors.items()
             if actor_id in quoted]  # an actor without claims has no page to move
    for folder, old, new in moved:
        if new is None or new == old:
            continue
        assert (built_site / folder / f"{new}.html").exists()
        page = soup(built_site / folder / f"{old}.html")
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={new}.html"
