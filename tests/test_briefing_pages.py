"""The topic briefing pages, article claims and actors page of the real built site."""

import re
import xml.etree.ElementTree as ElementTree

from helpers import content, shown

from generator.derive.analysis import derive_from_bodies
from generator.read.quotes import normalise
from generator.render.pages import PER_PAGE, RECENT


def text(element) -> str:
    """The element's text, spaces and apostrophes read plainly (pages set them in French
    typography: tests/test_reader_typography.py)."""
    return re.sub(r"\s+", " ", element.get_text(" ")).strip().replace("’", "'")


def plain(expected: str) -> str:
    """``expected`` as text() reads the page: typeset, then spaces and apostrophes plain."""
    return shown(expected).replace("’", "'")


def section(page, heading_id: str):
    """The elements under an h2 until the next h2, as one text."""
    heading = page.find(id=heading_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(text(sibling))
    return " ".join(parts)


def test_each_topic_with_figures_shows_picture_chart_ledger_and_conflicts(built_site, archive):
    topic_briefings = derive_from_bodies(archive).briefings
    for topic_id, topic in archive.topics.items():
        page = content(built_site / "sujets" / f"{topic.slug or topic_id}.html")
        statements = topic_briefings[topic_id].statements  # copies of one statement: one row
        assert len(page.select("table.ba-ledger tbody tr")) == min(len(statements), RECENT)
        if topic.metrics:
            assert page.find(id="etat-actuel") and page.find(id="contradictions")
            for image in page.select("figure.ba-chart img"):
                svg = built_site / "sujets" / image["src"]
                assert ElementTree.parse(svg).getroot().tag.endswith("svg")
                assert image["alt"].startswith("Graphique")
            assert len(page.select("figure.ba-chart")) == len(page.select("table.ba-chart-data"))


def test_casualties_headline_and_update_in_the_fixture(fixture_site):
    page = content(fixture_site / "sujets" / "pertes.html")
    picture = section(page, "etat-actuel")
    assert ("Chiffre le plus récent : 4 000 militaires selon l'état-major sud-coréen (JCS) "
            "(mars 2025)") in picture
    assert "de 1 100 à 4 000" not in picture  # never a range across dates
    conflicts = section(page, "contradictions")
    assert "Aucune contradiction" not in conflicts
    assert "Comité des chefs d'état-major interarmées (JCS) : environ 1 100 (23 décembre 2024" in conflicts
    assert "puis Comité des chefs d'état-major interarmées (JCS) : 4 000 (mars 2025" in conflicts
    assert "2 articles, un même texte, une seule origine :" in conflicts  # one dispatch, one origin
    # The unattributed « environ 1 100 » of February is a running total: no contradiction.
    assert "contre" not in conflicts


def test_weapons_running_totals_that_rise_do_not_contradict_in_the_fixture(fixture_site):
    conflicts = section(content(fixture_site / "sujets" / "armement.html"), "contradictions")
    assert "Aucune contradiction ni révision relevée dans les articles." in conflicts


def test_troops_absence_from_the_front_contradicts_a_figure_at_the_front(fixture_site):
    conflicts = section(content(fixture_site / "sujets" / "troupes.html"), "contradictions")
    assert ("Service national du renseignement (NIS) : absence du front signalée (janvier 2025)"
            in conflicts)
    assert "contre Renseignement militaire ukrainien (HUR) : jusqu'à 8 000 (janvier 2025)" in conflicts


def test_troops_explicit_dispute_shows_both_sides(fixture_site):
    conflicts = section(content(fixture_site / "sujets" / "troupes.html"), "contradictions")
    assert "jusqu'à 8 000 soldats nord-coréens sont toujours engagés" in conflicts
    # Each side named as a sentence names it (its « selon … » noun), the first capitalised:
    # not a bare registry name (« contredit Médias internationaux »).
    assert "Le renseignement militaire ukrainien (HUR) (« " in conflicts
    assert "contredit des médias internationaux (« " in conflicts
    assert "retrait quasi complet" in conflicts


def test_treaty_page_is_a_timeline(fixture_site):
    page = content(fixture_site / "sujets" / "traite.html")
    assert page.find(id="etat-actuel") is None
    timeline = [text(li) for li in page.select("ol.ba-timeline li")]
    assert any(item.startswith("juin 2024 — Signature du traité") for item in timeline)
    assert timeline[0].startswith("juin 2024") and "Entrée en vigueur" in timeline[-1]


def test_ledger_quotes_link_to_the_highlighted_passage(fixture_site):
    page = content(fixture_site / "sujets" / "pertes.html")
    link = next(a for a in page.select("a.ba-quote-link") if "1.100 pertes" in a.get_text())
    target_file, anchor = link["href"].split("#")
    article = content(fixture_site / "sujets" / target_file)
    marker = article.find(id=anchor)
    assert marker is not None and "ba-anchor" in marker["class"]
    assert "environ 1.100 pertes" in text(marker.find_next("mark"))


def test_article_page_lists_its_claims_and_marks_every_quote(built_site, archive):
    for article in archive.articles:
        page = content(built_site / "articles" / f"{article.id}.html")
        assert len(page.select("table.ba-ledger tbody tr")) == len(article.claims)
        assert len(page.select("table.ba-ledger a.ba-quote-link")) == len(article.claims)
        marked = [normalise(m.get_text()) for m in page.select(".ba-body mark.ba-quote")]
        for claim in article.claims:
            assert page.select_one(f".ba-body #claim-{claim.local_id}") is not None
            # Shown in French typography: spaces may differ (« février» reads « février »).
            assert any(re.sub(r"\s", "", normalise(claim.quote)) in re.sub(r"\s", "", passage)
                       for passage in marked), claim.quote


def test_actors_page_lists_each_actor_and_each_actor_page_its_claims(built_site, archive):
    topic_briefings = derive_from_bodies(archive).briefings
    page = content(built_site / "acteurs" / "index.html")
    for actor_id, actor in archive.actors.items():
        row = page.find(id=actor_id)
        claims = sum(1 for b in topic_briefings.values() for s in b.statements if s.actor == actor_id)
        assert text(row).startswith(plain(actor.name))
        assert text(row.find_all("td")[1]) == str(claims)  # statements, not their copies
        if claims:  # an actor without any has no page (tests/test_downloads.py)
            actor_page = content(built_site / "acteurs" / f"{actor.slug or actor_id}.html")
            assert len(actor_page.select("table.ba-ledger tbody tr")) == min(claims, PER_PAGE)


def test_topic_pages_link_the_data_files(built_site, archive):
    for topic_id, topic in archive.topics.items():
        page = content(built_site / "sujets" / f"{topic.slug or topic_id}.html")
        links = [a["href"] for a in page.select(".ba-data a")]
        slug = topic.slug or topic_id
        assert links == [f"../data/claims-{slug}.csv", f"../data/claims-{slug}.json",
                         f"{slug}.xml", f"{slug}-journal.xml", "../donnees.html"]


def test_every_reported_figure_is_in_its_topics_current_picture(built_site, archive):
    reported = {(c.topic, c.metric) for a in archive.articles for c in a.claims if c.metric}
    for topic_id, metric_id in reported:
        slug = archive.topics[topic_id].slug or topic_id
        picture = section(content(built_site / "sujets" / f"{slug}.html"), "etat-actuel")
        assert plain(archive.topics[topic_id].metrics[metric_id].label) in picture, (topic_id,
                                                                                 metric_id)
