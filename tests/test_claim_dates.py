"""How a claim's date is said (render/format.py when_fr, Renderer.said_when): one way on every
page that dates it, the register, the chart's data table, the article and actor pages."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from test_scenarios import scenario

from generator.render.pages import PageBuilder


def page_texts(builder: PageBuilder) -> dict[str, str]:
    return {page.path: re.sub(r"\s+", " ", BeautifulSoup(page.content, "html.parser").get_text(" "))
            .replace("’", "'") for page in builder.all_pages()}


def test_a_figure_of_a_fixed_period_metric_says_its_text_gives_no_date_then_its_report(tmp_path):
    # Beta's « plus de 10 000 » gives no date; its metric is for October 2024 (in its label),
    # whenever reported: that period is no text's date, nor its report date its period.
    texts = page_texts(PageBuilder.from_archive(scenario("fixed-period", tmp_path)))
    dated = "sans date dans le texte ; rapporté le 10 février 2025"
    for path in ("sujets/effectifs-registre.md", "articles/2025-02-10-b-envoi.md", "acteurs/beta.md"):
        assert dated in texts[path], path
    chart_table = texts["sujets/effectifs.md"].split("Données du graphique")[1]
    assert f"{dated} Service Beta plus de 10 000" in chart_table
    for path, text in texts.items():
        assert "rapporté en octobre 2024" not in text, path
        for found in re.finditer("rapporté le 10 février 2025", text):
            assert text[:found.start()].endswith("sans date dans le texte ; "), path


POSSESSIVES = re.compile(r"\b(?:sa|son|ses|leur|leurs)\b", re.IGNORECASE)


def test_a_period_in_words_reads_alone(archive):
    # A box line shows « Absence du front signalée, <as_of_words> » with no sentence around
    # it: « à sa déclaration » would have no antecedent.
    for article in archive.articles:
        for claim in article.claims:
            for words in (claim.as_of_words, claim.stated_words):
                assert not POSSESSIVES.search(words or ""), (article.id, words)


def test_a_period_the_text_gives_only_in_words_stands_where_date_inconnue_would(tmp_path):
    from test_changelog import log_page
    from test_synthesis import headline_box

    archive = scenario("period-in-words-only", tmp_path)
    builder = PageBuilder.from_archive(archive)
    texts = page_texts(builder)
    # « au début de l'offensive », with no calendar bounds, before its report date; a copy
    # giving such words says more than a copy giving none (Beta's 300, two articles).
    assert ("Soldats présents : environ 500 soldats selon Agence Alpha (au début de l'offensive ; "
            "rapporté le 13 mars 2025)") in headline_box(archive)
    topic = texts["sujets/effectifs.md"]
    assert "environ 2 000 militaires — remplace environ 300 (au début de l'engagement)" in topic
    assert "date inconnue" not in topic.split("Registre des affirmations")[0].replace(
        "Journal B, date inconnue", "")  # only an article's own missing date
    log = log_page(builder)
    assert ("11 septembre 2025 — Effectifs : Pertes cumulées : environ 2 000 (9 septembre 2025) "
            "selon Service Beta (en hausse ; auparavant environ 300, au début de l'engagement)") in log[0]
    assert log[-1].startswith("date inconnue — Effectifs : Pertes cumulées : environ 300 (au début "
                              "de l'engagement) selon Service Beta")


def test_a_period_up_to_its_report_says_its_words_then_its_report_never_the_day_as_its_end(tmp_path):
    from test_changelog import log_page
    from test_scenarios import topic_soup
    from test_synthesis import headline_box, lines

    # Alpha's « entre 13 000 et 15 000 … depuis octobre 2024 » in an article of 11 December
    # 2025: as_of 2024-10/2025-12-11 (comparisons need its end), whose last day is the
    # report's, no bound the text gives (review 17, N1). Beta's lower total of February
    # contradicts it, so the box names it beside Beta's.
    archive = scenario("since-report", tmp_path)
    builder = PageBuilder.from_archive(archive)
    texts = page_texts(builder)
    said = "depuis octobre 2024 ; rapporté le 11 décembre 2025"
    assert f"en contradiction avec Agence Alpha (entre 13 000 et 15 000, {said})" in headline_box(archive)
    (row,) = [text for text in lines(topic_soup(archive)) if text.startswith("Agence Alpha")]
    assert row.endswith(f"{said} Journal A, 11 décembre 2025"), row  # the current picture's table
    assert f"{said} Agence Alpha entre 13 000 et 15 000" in texts["sujets/effectifs.md"]  # the chart's
    for path in ("sujets/effectifs-registre.md", "articles/2025-12-11-a-depuis.md", "acteurs/alpha.md"):
        assert said in texts[path], path
    for path, text in texts.items():
        assert "– 11 décembre 2025" not in text, path
    # The log places Alpha's line on its report's day and says that day once: its parenthesis
    # holds the text's words alone. Beta's line names Alpha's figure as every page does.
    log = log_page(builder)
    assert log[-1].startswith("11 décembre 2025 — Effectifs : Pertes cumulées : entre 13 000 et "
                              "15 000 (depuis octobre 2024) selon Agence Alpha — en contradiction")
    assert log[0].startswith("10 février 2026 — Effectifs : Pertes cumulées : 9 000 (début février "
                             "2026) selon Service Beta — en contradiction avec Agence Alpha (pertes "
                             f"cumulées : entre 13 000 et 15 000, {said})")
