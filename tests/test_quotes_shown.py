"""How a verbatim quote is shown between the site's « » (render/format.py quote_fr): every
quotation mark shown has its pair, and a quote within the quote is marked “ ”; the data keep
the text's own characters."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from test_scenarios import scenario

from generator.render.format import quote_fr
from generator.render.pages import PageBuilder


def test_straight_and_cut_off_quotation_marks_are_shown_paired(tmp_path):
    archive = scenario("quote-marks", tmp_path)
    pages = {p.path: BeautifulSoup(p.content, "html.parser") for p in PageBuilder.from_archive(archive).all_pages()}
    shown = [re.sub(r"\s+", " ", link.get_text()).replace("\u202f", " ").replace("\xa0", " ")
             for link in pages["sujets/effectifs-registre.md"].select("a.ba-quote-link")]
    # The first quote starts inside the text's own « … »: its closing mark gets its opening,
    # with an ellipsis: the quotation began before the quote does.
    assert "« “… 3 000 soldats ont été envoyés en renfort en février”, a annoncé Alpha »" in shown
    assert "« Beta a confirmé que la “visite officielle” figurait parmi les priorités »" in shown
    timeline = re.sub(r"\s+", " ", pages["sujets/effectifs.md"].select_one(".ba-timeline").get_text(" "))
    assert "(avec réserve : « … la “visite” … »)" in timeline.replace("\u202f", " ").replace("\xa0", " ")
    assert archive.articles[0].claims[0].quote.endswith("février », a annoncé Alpha")  # data verbatim


def test_a_quote_within_the_quote_is_marked_as_one():
    # Shown between the site's « », the text's own « » would nest « « » »: they show “ ”,
    # as the method page says, spaces inside them dropped.
    assert (quote_fr("Il prévoit une « aide militaire immédiate » et “la suite”")
            == "Il prévoit une “aide militaire immédiate” et “la suite”")
    assert quote_fr("la phrase « coupée") == "la phrase “coupée …”"


def test_a_hedge_cut_from_a_sentence_is_shown_as_an_excerpt(tmp_path):
    # « précisant évaluer à 4 000 »: the hedge « évaluer à » is the text's words, an
    # infinitive inside a sentence; shown bare beside a figure it reads as the site's words.
    archive = scenario("hedged-copies", tmp_path)
    (page,) = [p for p in PageBuilder.from_archive(archive).all_pages() if p.path == "sujets/effectifs.md"]
    text = re.sub(r"\s+", " ", BeautifulSoup(page.content, "html.parser").get_text(" "))
    assert "(avec réserve : « … évaluer à … »)" in text.replace("\u202f", " ").replace("\xa0", " ")


def test_marks_inside_hedges_and_an_event_s_words_show_as_a_quote_within_a_quote(tmp_path):
    # Every text the site sets between « » (a quote, a hedge, an event's own words) shows the
    # text's own « » as “ ”: never « … « … » … ».
    archive = scenario("quote-marks-nested", tmp_path)
    (page,) = [p for p in PageBuilder.from_archive(archive).all_pages() if p.path == "sujets/effectifs.md"]
    soup = BeautifulSoup(page.content, "html.parser")
    line = re.sub(r"\s+", " ", soup.select_one(".ba-timeline li").get_text(" "))
    line = line.replace("\u202f", " ").replace("\xa0", " ")
    assert ("Visite officielle (« visite “officielle” ») selon le bureau gamma (OG) : « une visite "
            "“officielle” serait “probable à terme” » (avec réserve : « … serait “probable à terme” "
            "… »)") in line
    assert not re.search("«[^»]*«", line)
