"""What a briefing says on top of its statements (generator/derive/synthesis.py), each rule on a
scenario archive written for it (tests/fixtures/scenarios), as a reader sees the topic page;
then invariants of the real archive's briefings, which hold whatever articles it holds."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import article_text, shown
from test_scenarios import findings, scenario, topic_soup, topic_text

from generator.derive.analysis import derive_from_bodies
from generator.derive.synthesis import derived_sum
from generator.read.errors import ContentErrors
from generator.read.load import load_archive
from generator.render.pages import PageBuilder


def headline_box(archive) -> str:
    """The topic page's headline box, as text."""
    box = topic_soup(archive).select_one(".ba-headline-block")
    return re.sub(r"\s+", " ", box.get_text(" ")).replace("’", "'")  # typeset apostrophes


LINES = (".ba-headline-figure, .ba-headline, .ba-same-period, .ba-range, .ba-related, "
         "table.ba-picture tbody tr, .ba-metric-events li, .ba-log-list li")


def lines(soup: BeautifulSoup) -> list[str]:
    """Every line a reader reads as one statement: headline figures, the current picture's
    sentences and rows, the events beside a level, the log's entries."""
    return [re.sub(r"\s+", " ", el.get_text(" ")).replace("’", "'") for el in soup.select(LINES)]


def named_two_ways(archive, texts: list[str]) -> list[tuple[str, str]]:
    """(actor, line) where a line names an actor both by its name and by the way « selon … »
    names it, when the two differ."""
    from generator.render.format import actor_noun

    found = []
    for actor_id, actor in archive.actors.items():
        noun = actor_noun(actor)
        if noun is None:
            continue
        name, noun = actor.name.replace("’", "'").casefold(), noun.replace("’", "'").casefold()
        if name in noun or noun in name:
            continue
        found += [(actor_id, text) for text in texts if name in text.casefold() and noun in text.casefold()]
    return found


def test_a_total_is_never_shown_below_the_sum_of_its_parts(tmp_path):
    archive = scenario("parts", tmp_path)
    box = headline_box(archive)
    # Beta's « environ 11 000 » sent in all is under Alpha's 11 000 + 3 000: the headline shows
    # the derived sum, marked as such, with what it adds.
    assert ("Soldats envoyés (total) : 14 000 soldats (somme calculée ici des chiffres d'Agence "
            "Alpha : premier contingent, 11 000 (octobre 2024) ; renforts, 3 000") in box
    assert "environ 11 000" not in box.split("Premier contingent :")[0]
    text = topic_text(archive)
    assert "environ 11 000 soldats — inférieur à la somme de ses parties (14 000)" in text
    # The current picture says so of the one figure declared, in words that name the total.
    assert ("Le seul total donné, environ 11 000 selon Service Beta (rapporté le 20 février 2025), "
            "sans doute antérieur, est inférieur "
            "à la somme de ses parties : 14 000 soldats (somme calculée ici") in text


def test_a_total_dated_before_its_parts_is_older_not_doubtful(tmp_path):
    archive = scenario("total-before-parts", tmp_path)
    # Beta's 12 000 of December is under Alpha's 11 000 + 3 000, whose reinforcements are of
    # January-February: its text dates it before them (review 16, S3). The headline still
    # shows the sum; the row and the current picture say the total is older, not doubtful.
    assert "Soldats envoyés (total) : 14 000 soldats (somme calculée ici" in headline_box(archive)
    text = topic_text(archive)
    assert ("Le seul total donné, environ 12 000 selon Service Beta (décembre 2024), antérieur à "
            "des chiffres de ses parties, est inférieur à la somme de ses parties : 14 000 soldats") in text
    (row,) = [text_of(r) for r in topic_soup(archive).select("table.ba-picture tbody tr")
              if "12 000" in text_of(r)]
    assert "inférieur" not in row and "antérieur" not in row and "décembre 2024" in row, row


@pytest.mark.parametrize("copies, named, more", [(7, 5, "et 2 autres articles"), (6, 6, None)])
def test_the_articles_of_a_statement_are_named_up_to_five_and_never_one_left_over(tmp_path, copies, named, more):
    scenario("many-copies", tmp_path)
    # Never « et 1 autres articles » (review 16, W3): six are all named.
    for extra in sorted((tmp_path / "briefings" / "articles").glob("*.md"))[copies:]:
        extra.unlink()
    (row,) = topic_soup(scenario_reloaded(tmp_path)).select("table.ba-picture tbody tr")
    sources = row.select_one('td[data-label="Sources"]')
    assert len(sources.select("a")) == named, text_of(sources)
    assert (more in text_of(sources)) if more else "autre" not in text_of(sources), text_of(sources)


def test_a_part_above_its_whole_contradicts_it_and_related_scopes_are_shown_together(tmp_path):
    archive = scenario("parts", tmp_path)
    pair = ("contradiction", "2025-02-05-a-parties/canons-alpha-2025-01",
            "2025-02-20-b-total/armes-beta-2025-02")
    assert findings(archive, "armes") == [pair] and findings(archive, "canons") == [pair]
    box = headline_box(archive)
    assert "environ 200 unités selon Service Beta (février 2025) — contesté : en contradiction avec Agence Alpha (canons livrés : 300" in box
    text = topic_text(archive)
    assert ("Périmètre qui recoupe : Pièces à longue portée livrées (environ 180 selon Service Beta "
            "(février 2025)) : chiffres à ne pas additionner.") in text
    assert "Compris dans : Canons et lance-roquettes livrés" in text


def test_contested_and_superseded_figures_carry_their_caveats_and_periods_their_words(tmp_path):
    archive = scenario("front", tmp_path)
    box = headline_box(archive)
    assert ("Soldats présents : jusqu'à 8 000 soldats selon Service Beta (fin janvier 2025) "
            "(avec réserve : « Il semble … ») — contesté : en contradiction avec Agence Alpha (absence signalée, "
            "depuis la mi-janvier 2025) — depuis : retour signalé selon Agence Alpha "
            "(rapporté le 10 février 2025)") in box
    soup = topic_soup(archive)
    link = soup.select_one(".ba-headline-block a.ba-contested")
    assert link["href"].endswith("#contradictions-presents")
    assert soup.find(id="contradictions-presents") is not None
    text = topic_text(archive)
    assert "janvier 2025 – " not in text and "31 janvier" not in text  # no invented day bounds
    # Events bearing on the level stand beside it, in time order.
    assert ("Faits qui portent sur ce chiffre, du plus ancien au plus récent (selon la fin de leur période) : depuis la mi-janvier 2025 — Absence signalée "
            "selon Agence Alpha rapporté le 10 février 2025 — Retour signalé selon Agence Alpha") in text


def test_a_hedge_must_stand_in_the_article_text(tmp_path):
    source = Path(__file__).parent / "fixtures" / "scenarios" / "front" / "2025-02-03-b-front.md"
    archive_dir = tmp_path / "one"
    scenario("front", archive_dir)
    article = archive_dir / "briefings" / "articles" / source.name
    article.write_text(article.read_text().replace('["Il semble"]', '["Il semblerait"]'))
    with pytest.raises(ContentErrors) as raised:
        load_archive(archive_dir / "briefings", root=archive_dir)
    assert re.search(r"2025-02-03-b-front\.md:\d+:\d+: claims\[0\]\.hedges\[0\]: hedge not found "
                     r"in the article text", str(raised.value))


def test_a_relation_names_a_metric_of_its_topic(tmp_path):
    scenario("front", tmp_path)
    topics = tmp_path / "briefings" / "topics.yml"
    topics.write_text(topics.read_text().replace("within: armes", "within: arme"))
    with pytest.raises(ContentErrors) as raised:
        load_archive(tmp_path / "briefings", root=tmp_path)
    assert re.search(r"topics\.yml:\d+:\d+: effectifs\.metrics\.canons\.within: 'arme' is not a "
                     r"metric of topic 'effectifs' \(hint: did you mean 'armes'\?\)", str(raised.value))


def test_a_scope_may_lie_within_several_and_each_is_named(tmp_path):
    scenario("within-two-scopes", tmp_path)
    topics = tmp_path / "briefings" / "topics.yml"
    topics.write_text(topics.read_text().replace("within: [armes, longue_portee]",
                                                 "within: [armes, longue_portes]"))
    with pytest.raises(ContentErrors) as raised:
        load_archive(tmp_path / "briefings", root=tmp_path)
    assert re.search(r"topics\.yml:\d+:\d+: effectifs\.metrics\.lanceurs\.within\[1\]: 'longue_portes' "
                     r"is not a metric of topic 'effectifs' \(hint: did you mean 'longue_portee'\?\)",
                     str(raised.value))


def test_a_scope_within_two_is_counted_in_both_and_its_report_s_whole_says_dont(tmp_path):
    archive = scenario("within-two-scopes", tmp_path)
    figures = {li["data-metric"]: text_of(li) for li in topic_soup(archive).select(".ba-headline-figure")}
    # Beta's « 250 pièces, dont quelque 120 lance-roquettes »: its whole says what it counts in
    # it, the launchers say both scopes that hold them, and no scope holding them is said
    # only to « recouper » theirs.
    assert figures["longue_portee"].startswith(
        "Pièces à longue portée livrées : environ 250 unités selon Service Beta (rapporté le 16 mai "
        "2025), dont environ 120 lance-roquettes livrés — périmètre qui recoupe « Canons et "
        "lance-roquettes livrés »")
    assert figures["lanceurs"] == (
        "Lance-roquettes livrés : environ 120 unités selon Service Beta (rapporté le 16 mai 2025) — "
        "compris dans « Canons et lance-roquettes livrés » : environ 220 selon Agence Alpha (mars "
        "2025) ; « Pièces à longue portée livrées » : environ 250 selon Service Beta (rapporté le "
        "16 mai 2025)")
    # Alpha's guns and launchers give no launchers' figure of their report: no « dont ».
    assert "dont" not in figures["armes"]
    # A part in millions is written as the press writes it, « de » before what it counts
    # (review 17: « dont environ 4 millions d'obus de 152 mm »).
    pieces = tmp_path / "briefings" / "articles" / "2025-05-16-b-pieces.md"
    pieces.write_text(pieces.read_text(encoding="utf-8").replace("250", "2500000").replace(
        "quelque 120", "quelque 1 200 000").replace("value: 120", "value: 1200000"), encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "longue_portee")
    assert "dont environ 1,2 million de lance-roquettes livrés" in line, line
    pieces.write_text(pieces.read_text(encoding="utf-8").replace("2500000", "250").replace(
        "quelque 1 200 000", "quelque 120").replace("value: 1200000", "value: 120"), encoding="utf-8")
    text = topic_text(archive)
    assert ("Compris dans : Canons et lance-roquettes livrés (environ 220 selon Agence Alpha (mars "
            "2025)) ; Pièces à longue portée livrées (environ 250 selon Service Beta (rapporté le 16 "
            "mai 2025)).") in text
    assert text.count("Comprend : Lance-roquettes livrés (environ 120 selon Service Beta") == 2
    # A launchers' figure above a later figure of any scope holding it contradicts it.
    (tmp_path / "briefings" / "articles" / "2025-06-02-c-pieces.md").write_text(
        "---\nid: 2025-06-02-c-pieces\ntitle: \"2025-06-02-c-pieces\"\ndate: 2025-06-02\n"
        "outlet: journal-a\ntopics: [effectifs]\nclaims:\n"
        "  - topic: effectifs\n    metric: lanceurs\n    value: 400\n    qualifier: exact\n"
        "    as_of: 2025-04\n    attributed_to: gamma\n    quote: \"400 lance-roquettes en avril\"\n"
        "  - topic: effectifs\n    metric: longue_portee\n    value: 300\n    qualifier: exact\n"
        "    as_of: 2025-05\n    attributed_to: gamma\n    quote: \"300 pièces à longue portée en mai\"\n"
        "---\nGamma compte 400 lance-roquettes en avril et 300 pièces à longue portée en mai.\n")
    found = findings(load_archive(tmp_path / "briefings", root=tmp_path), "longue_portee")
    assert ("contradiction", "2025-06-02-c-pieces/lanceurs-gamma-2025-04",
            "2025-06-02-c-pieces/longue_portee-gamma-2025-05") in found, found


def test_an_overlap_declared_on_one_side_is_read_on_both(tmp_path):
    archive = scenario("overlap-one-side", tmp_path)
    # Only « armes » declares it: the box and the current picture of « longue_portee » say it.
    box = headline_box(archive)
    assert ("Pièces à longue portée livrées : environ 200 unités selon le bureau gamma (OG) (date "
            "inconnue) — périmètre qui recoupe « Canons et lance-roquettes livrés » : environ 220 "
            "selon Agence Alpha (mars 2025) (chiffres à ne pas additionner)") in box
    assert ("Périmètre qui recoupe : Canons et lance-roquettes livrés (environ 220 selon Agence Alpha "
            "(mars 2025)) : chiffres à ne pas additionner.") in topic_text(archive)


def test_a_provision_is_not_the_latest_event(tmp_path):
    archive = scenario("provisions", tmp_path)
    # After the colon the label goes on in lower case, as every line of the box does.
    assert "Dernier événement : visite officielle (janvier 2025), selon Agence Alpha" in headline_box(archive)
    assert "Clause d'assistance (disposition)" in topic_text(archive)
    # A provision stated again by its actor, weeks later, is one statement with its sources.
    (briefing,) = derive_from_bodies(archive).briefings.values()
    (clause,) = [s for s in briefing.timeline if s.claim.event == "clause"]
    assert len(clause.entries) == 2 and str(clause.when) == "2025-03-01"
    assert topic_text(archive).count("Clause d'assistance (disposition)") == 1
    # « sa clause d'assistance » says nothing the label and the first text do not: one quote.
    assert ("Clause d'assistance (disposition) selon Agence Alpha : « une clause d'assistance » "
            "( 2 articles") in topic_text(archive)
    # A text that says more is quoted too, since what a provision says is its words (review
    # 16, S6): « immédiate et réciproque ».
    b = tmp_path / "briefings" / "articles" / "2025-04-02-b-traite.md"
    b.write_text(b.read_text(encoding="utf-8").replace(
        "sa clause d’assistance", "sa clause d’assistance immédiate et réciproque"), encoding="utf-8")
    assert ("selon Agence Alpha : « une clause d'assistance » ; « sa clause d'assistance immédiate et "
            "réciproque » ( 2 articles" in topic_text(load_archive(tmp_path / "briefings", root=tmp_path)))


def test_repeats_are_linked_to_their_origin_and_neither_charted_nor_compared(tmp_path):
    archive = scenario("repeats", tmp_path)
    (briefing,) = derive_from_bodies(archive).briefings.values()
    pertes = briefing.metric("pertes")
    assert [s.claim_id for s in pertes.statements] == [
        "2024-12-23-a-pertes/pertes-alpha-2024-12-23", "2025-03-13-a-pertes/pertes-alpha-2025-03-13"]
    text = topic_text(archive)
    assert ("« estimées à environ 1 100 » Reprend le chiffre donné selon Agence Alpha "
            "(23 décembre 2024) : ni tracé ni compté à nouveau.") in text
    # One actor's statement reported by two articles is one statement, with its first date.
    (armes,) = briefing.metric("armes").statements
    assert str(armes.when) == "2024" and len(armes.entries) == 2
    assert "jusqu'à 120 unités selon Service Beta (2024)" in headline_box(archive)
    assert "2 articles, une seule origine :" in text
    for path in ("sujets/effectifs-registre.md", "acteurs/inconnu.md"):  # the full ledgers too
        (page,) = [p for p in PageBuilder.from_archive(archive).all_pages() if p.path == path]
        shown = re.sub(r"\s+", " ", BeautifulSoup(page.content, "html.parser").get_text(" "))
        assert "Reprend le chiffre donné selon Agence Alpha (23 décembre 2024)" in shown, path
        # linked to the statement it repeats, on its article's page
        (link,) = BeautifulSoup(page.content, "html.parser").select(".ba-repeat a")
        assert link["href"].endswith("articles/2024-12-23-a-pertes.html#claim-pertes-alpha-2024-12-23"), link


def test_an_unsourced_reminder_of_an_actor_s_figure_is_a_repeat_whatever_its_date(tmp_path):
    from test_changelog import log_page

    archive = scenario("background-repeat", tmp_path)
    # A journalist recalls, « à l'automne 2024 » and « au premier trimestre 2025 », figures
    # Alpha gave for those periods (« quelque 11 000 » for 11 000): no estimate of its own.
    box, text = headline_box(archive), topic_text(archive)
    assert "sans source citée" not in box and "environ 11 000" not in box
    assert "— concordant, de 2 sources indépendantes" in box  # Alpha and Beta, not the reminder
    assert ("« les quelque 11 000 militaires du premier envoi, déployés à l'automne 2024 » "
            "Reprend le chiffre donné selon Agence Alpha (sans date dans le texte ; rapporté le "
            "13 mars 2025) : ni tracé ni compté à nouveau.") in text
    assert ("« environ 4 000 pertes au premier trimestre 2025 » Reprend le chiffre donné selon "
            "Agence Alpha (mars 2025) : ni tracé ni compté à nouveau.") in text
    (chart,) = topic_soup(archive).select("table.ba-chart-data")  # the one metric charted
    assert [row.select("td")[1].get_text() for row in chart.select("tbody tr")] == [
        "Agence Alpha", "Service Beta"]
    log = log_page(PageBuilder.from_archive(archive))
    assert len(log) == 3 and not any("11 septembre 2025" in line for line in log)


def test_an_actors_figure_recalled_under_a_nested_metric_is_a_repeat(tmp_path):
    from test_changelog import log_page

    archive = scenario("restated-elsewhere", tmp_path)
    # Alpha's « environ 11 000 … déployés » (all sent, undated) is recalled on 5 November as
    # « qui avait fait état de 11 000 soldats déployés initialement » (the first sending), with
    # no date of its own: one statement under two metrics, no new estimate agreeing with Beta.
    box, text = headline_box(archive), topic_text(archive)
    assert "11 000 soldats selon Agence Alpha" not in box and "concordant" not in box, box
    assert ("« qui avait fait état de 11 000 soldats déployés initialement » Reprend le chiffre "
            "donné selon Agence Alpha (date inconnue) : ni tracé ni compté à nouveau.") in text
    log = log_page(PageBuilder.from_archive(archive))
    assert len(log) == 3 and not any("Envoi initial (octobre 2024) : 11 000" in line for line in log), log


def test_two_actors_agree_diverge_or_give_a_range_for_one_period(tmp_path):
    archive = scenario("agreement", tmp_path)
    assert findings(archive, "renforts") == [
        ("agreement", "2025-03-13-a-estimations/renforts-alpha-2025-01--2025-02",
         "2025-03-28-b-estimations/renforts-beta-2025-01--2025-02")]
    assert findings(archive, "pertes") == [
        ("divergence", "2025-03-13-a-estimations/pertes-alpha-2025-03",
         "2025-03-28-b-estimations/pertes-beta-2025-03-27")]
    box = headline_box(archive)
    # Two actors giving one figure for one period: one line, each actor with its own words.
    assert ("Renforts : environ 3 000 soldats (janvier 2025 – février 2025 : environ 3 000 selon "
            "Service Beta ; 3 000 selon Agence Alpha) — estimations concordantes pour une même "
            "période, chiffre confirmé par 2 sources indépendantes") in box
    assert box.count("confirmé par") == 1
    # Newest first: the 27 March figure before the one for the month (which may be older).
    assert ("Pertes cumulées : environ 4 700 militaires selon Service Beta (27 mars 2025) ; 4 000 "
            "militaires selon Agence Alpha (mars 2025) — estimations divergentes") in box
    assert "contradiction" not in box.lower()
    # Each actor's own figure beside the range: neither is given a range it did not state.
    assert ("Premier contingent : entre 11 000 et 12 000 soldats (octobre 2024 : 11 000 selon Agence "
            "Alpha ; 12 000 selon Service Beta)") in box


def test_a_range_of_figures_that_agree_says_they_agree_once(tmp_path):
    archive = scenario("range-agree", tmp_path)
    box = headline_box(archive)
    assert ("Premier contingent : entre 2 900 et 3 200 soldats (octobre 2024 : environ 2 900 selon "
            "Agence Alpha ; environ 3 200 selon Service Beta ; 3 100 selon le bureau gamma (OG)) — "
            "estimations concordantes pour une même période, de 3 sources indépendantes") in box
    assert "divergentes" not in box and box.count("sources indépendantes") == 1


def test_actors_including_one_another_confirm_as_one_source(tmp_path):
    """Cellule Alpha-Delta reports Alpha's assessments among others (actors.yml includes):
    its figure agreeing with Alpha's is no independent confirmation."""
    archive = scenario("shared-origins", tmp_path)
    box = headline_box(archive)
    assert ("3 100 selon Cellule Alpha-Delta) — estimations concordantes pour une même période, "
            "de 2 sources indépendantes") in box


def test_agreeing_figures_of_one_origin_are_not_called_independent(tmp_path):
    scenario("shared-origins", tmp_path)
    (tmp_path / "briefings" / "articles" / "2025-02-12-b-contingent.md").unlink()  # Beta's
    box = headline_box(scenario_reloaded(tmp_path))
    assert "confirmé par" not in box
    assert ("estimations concordantes pour une même période, de sources non indépendantes") in box


def positions_line(name: str, tmp_path: Path) -> str:
    """The « Positions déclarées » line of a scenario's topic box."""
    (line,) = topic_soup(scenario(name, tmp_path)).select(".ba-positions")
    return text_of(line)


def scenario_reloaded(tmp_path):
    return load_archive(tmp_path / "briefings", root=tmp_path)


def test_a_figures_own_replaces_stands_before_another_actors_figure(tmp_path):
    scenario("ceiling-below", tmp_path)
    (tmp_path / "briefings" / "articles" / "2025-02-01-a-janvier.md").write_text(
        "---\nid: 2025-02-01-a-janvier\ntitle: t\ndate: 2025-02-01\noutlet: journal-a\n"
        "topics: [effectifs]\nclaims:\n  - topic: effectifs\n    metric: presents\n"
        "    value: 8000\n    qualifier: at_most\n    as_of: 2025-01\n    attributed_to: alpha\n"
        "    quote: \"jusqu'à 8 000 soldats\"\n---\n\nIl y aurait jusqu'à 8 000 soldats.\n",
        encoding="utf-8")
    soup = topic_soup(scenario_reloaded(tmp_path))
    (row,) = [re.sub(r"\s+", " ", tr.get_text(" ")).replace("’", "'")
              for tr in soup.select("table.ba-picture tbody tr") if tr.find(["th", "td"]).get_text().strip() == "Agence Alpha"]
    # « remplace » is Alpha's own: after Beta's 3 000 it would read as Beta's figure replacing it.
    assert ("jusqu'à 6 000 soldats — remplace jusqu'à 8 000 (janvier 2025) — estimations divergentes : "
            "environ 3 000 selon Service Beta (mars 2025)") in row, row


def test_one_figure_two_actors_give_for_one_period_is_said_once(tmp_path):
    archive = scenario("same-figure", tmp_path)
    # Alpha and Beta both give 3 000 for January–February: not « 3 000 (…: 3 000 selon … ;
    # 3 000 selon …) » with two statuses, one of which the other implies.
    line = ("Renforts : 3 000 soldats selon Agence Alpha et Service Beta (entre janvier et février 2025) "
            "— chiffre confirmé par 2 sources indépendantes")
    assert line in headline_box(archive)
    text = topic_text(archive)
    assert f"Estimations : {line[len('Renforts : '):]}" in text
    assert "estimations concordantes" not in text and "3 000 selon" not in text


def test_an_actor_includes_only_actors_of_the_registry(tmp_path):
    scenario("shared-origins", tmp_path)
    actors = tmp_path / "briefings" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("includes: [alpha]",
                                                                 "includes: [alpah]"),
                      encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        scenario_reloaded(tmp_path)
    (error,) = raised.value.errors
    assert (error.field, error.message) == ("alpha_delta.includes[0]", "'alpah' is not an actor")
    assert error.hint == "did you mean 'alpha'?" and error.line > 1


def test_figures_that_contradict_each_other_are_never_one_range(tmp_path):
    archive = scenario("range-contested", tmp_path)
    box = headline_box(archive)
    # Two levels for the same month cannot both hold: each stands with its caveat.
    assert ("Soldats présents : 7 000 soldats selon Service Beta (janvier 2025) — contesté : en "
            "contradiction avec Agence Alpha (8 000, janvier 2025) ; 8 000 soldats selon Agence Alpha "
            "(janvier 2025) — contesté : en contradiction avec Service Beta (7 000, janvier 2025)") in box
    assert "entre 7 000 et 8 000" not in topic_text(archive)


def test_an_unattributed_figure_never_confirms_another(tmp_path):
    archive = scenario("running-totals", tmp_path)
    assert "confirmé par" not in topic_text(archive)


def _figures(*parts: tuple) -> list:
    """One statement per (qualifier, value or (low, high), hedges), each a part of a sum."""
    from generator.derive.ledger import ledger, statements
    from generator.model import Archive, Article, Topic

    claims = []
    for number, (qualifier, value, hedges) in enumerate(parts):
        figure = ({"low": str(value[0]), "high": str(value[1])} if qualifier == "range"
                  else {"value": str(value)})
        claims.append({"topic": "t", "metric": f"m{number}", "qualifier": qualifier, **figure,
                       "attributed_to": "a", "quote": "q", "as_of": "2025", "hedges": hedges})
    article = Article.model_validate({"id": "x", "title": "t", "date": "2025-01-01", "outlet": "o",
                                      "topics": ["t"], "claims": claims, "body": "b q", "source": "x.md"})
    archive = Archive(topics={"t": Topic.model_validate({"id": "t", "title": "T", "description": "d"})},
                      actors={}, outlets={}, articles=(article,))
    found = {s.claim.metric: s for s in statements(ledger(archive))}
    return [(metric, (found[metric],)) for metric in sorted(found)]


@pytest.mark.parametrize(("parts", "said"), [
    ((("exact", 11000, []), ("exact", 3000, [])), ("exact", 14000, None, None)),
    # a hedged part (« On estime ») or an approximate one makes the sum approximate
    ((("exact", 11000, []), ("exact", 3000, ["q"])), ("about", 14000, None, None)),
    ((("exact", 11000, []), ("about", 3000, [])), ("about", 14000, None, None)),
    ((("range", (10000, 12000), []), ("about", 3000, [])), ("range", None, 13000, 15000)),
    # a floor makes a floor; an approximate part adds the least it allows (environ: 10 %)
    ((("at_least", 10000, []), ("about", 3000, [])), ("at_least", 12700, None, None)),
    ((("more_than", 10000, []), ("exact", 3000, [])), ("more_than", 13000, None, None)),
    # a ceiling allows nothing: beside a floor it adds nothing
    ((("at_least", 10, []), ("at_most", 10, [])), ("at_least", 10, None, None)),
    # ceilings make a ceiling; an approximate part adds the most it allows
    ((("at_most", 8000, []), ("about", 3000, [])), ("at_most", 11300, None, None)),
])
def test_a_sum_carries_the_weakest_qualifier_of_its_parts(parts, said):
    total = derived_sum(_figures(*parts))
    assert (total.qualifier, total.value, total.low, total.high) == said


def test_a_sum_with_a_hedged_part_is_approximate(tmp_path):
    archive = scenario("hedged-parts", tmp_path)
    box = headline_box(archive)
    # « On estime que 3 000 … »: the sum of 11 000 and an estimate is « environ 14 000 »,
    # and the hedge stands beside the part it qualifies.
    assert ("Soldats envoyés (total) : environ 14 000 soldats (somme calculée ici des chiffres "
            "d'Agence Alpha : premier contingent, 11 000 (octobre 2024) ; renforts, 3 000 (janvier "
            "2025 – février 2025) (avec réserve : « On estime … »)") in box


def test_a_sum_of_a_floor_and_a_ceiling_is_the_floor(tmp_path):
    archive = scenario("bounded-parts", tmp_path)
    # « jusqu'à 500 » allows none: beside « au moins 10 000 » it adds nothing sure.
    # Two actors: each part names its own.
    assert ("Soldats envoyés (total) : au moins 10 000 soldats (somme calculée ici : premier "
            "contingent, au moins 10 000 selon Agence Alpha (octobre 2024) ; renforts, jusqu'à 500 "
            "selon Service Beta") in headline_box(archive)


def test_a_line_names_each_actor_one_way(tmp_path):
    archive = scenario("naming", tmp_path)
    box = headline_box(archive)
    # Gamma is « Office Gamma (OG) » by name and « le bureau gamma (OG) » after « selon »: a
    # line that says « selon le bureau gamma » names it that way throughout.
    assert ("en contradiction avec le bureau gamma (OG) (absence signalée, depuis la mi-janvier 2025) "
            "— depuis : retour signalé selon le bureau gamma (OG)") in box
    assert not named_two_ways(archive, lines(topic_soup(archive)))


def test_a_disputed_figure_says_who_disputes_it(tmp_path):
    archive = scenario("disputed-by", tmp_path)
    box = headline_box(archive)
    # Gamma's figure disputes an unsourced claim (not the reverse): the caveat names its article.
    assert ("jusqu'à 8 000 soldats selon le bureau gamma (OG) (fin janvier 2025) — contredit une "
            "autre information : visite officielle, selon un article sans source citée (Journal A, "
            "5 février 2025) (rapporté le 5 février 2025)") in box
    link = topic_soup(archive).select_one(".ba-headline-block a.ba-contested")
    assert link["href"].endswith("#contestations")


def test_the_current_pictures_range_gives_each_actor_its_own_figure(tmp_path):
    archive = scenario("range-agree", tmp_path)
    soup = topic_soup(archive)
    (line,) = [text_of(p) for p in soup.select(".ba-topic > p.ba-headline")]
    # No actor is given the range: each is named with the figure it gave; the range is the
    # headline's, said once.
    assert line.startswith("Estimations : entre 2 900 et 3 200 soldats (octobre 2024 : environ 2 900 "
                           "selon Agence Alpha ; environ 3 200 selon Service Beta ; 3 100 selon le "
                           "bureau gamma (OG))")
    assert soup.select(".ba-range") == []


def test_figures_only_reported_on_one_day_make_no_range(tmp_path):
    archive = scenario("undated-same-day", tmp_path)
    # Neither text dates its figure: both are « rapporté le » their article's day, which is no
    # period they are for (the 200 is « une précédente estimation »).
    assert ("Pièces à longue portée livrées : environ 250 unités selon Service Beta (rapporté le 3 "
            "avril 2025) ; environ 200 unités selon Agence Alpha (rapporté le 3 avril 2025)"
            ) in headline_box(archive)
    assert "entre 200 et 250" not in topic_text(archive)
    assert topic_soup(archive).select(".ba-range") == []


def test_a_figure_of_an_undated_article_relayed_later_is_not_dated_by_the_relay(tmp_path):
    box = headline_box(scenario("undated-relayed", tmp_path))
    assert "environ 200 unités selon le bureau gamma (OG) (date inconnue)" in box
    assert "rapporté le 3 avril" not in box


def test_a_range_beside_an_overlapping_scope_says_so_once(tmp_path):
    archive = scenario("overlap-range", tmp_path)
    figures = {li["data-metric"]: text_of(li) for li in topic_soup(archive).select(".ba-headline-figure")}
    pieces = figures["longue_portee"]
    assert pieces.startswith("Pièces à longue portée livrées : entre 200 et 250 unités (mars 2025 : "
                             "environ 200 selon Agence Alpha ; environ 250 selon Service Beta)")
    assert pieces.count("périmètre qui recoupe") == 1
    assert pieces.endswith("— périmètre qui recoupe « Canons et lance-roquettes livrés » : environ 220 "
                           "selon Agence Alpha (mars 2025) (chiffres à ne pas additionner)")
    # The scope's two figures beside the guns and launchers: its label once, then each figure.
    arms = figures["armes"]
    assert arms.count("Pièces à longue portée livrées") == 1
    assert arms.endswith("— périmètre qui recoupe « Pièces à longue portée livrées » : environ 250 "
                         "selon Service Beta (mars 2025), environ 200 selon Agence Alpha (mars 2025) "
                         "(chiffres à ne pas additionner)")


def test_an_older_or_undated_part_beside_a_later_whole_says_so(tmp_path):
    archive = scenario("older-parts", tmp_path)
    box = headline_box(archive)
    # A part reported in January, without a date of its own, beside a total for March; a part
    # with no date at all beside it: neither reads as current.
    assert ("Premier contingent : 11 000 soldats selon Service Beta (rapporté le 10 janvier 2025) — "
            "antérieur au total « Soldats envoyés (total) » de 20 000 selon Agence Alpha "
            "(mars 2025)") in box
    assert ("Renforts : environ 3 000 soldats selon Service Beta (date inconnue) — "
            "peut-être antérieur au total « Soldats envoyés (total) » de 20 000 selon Agence Alpha "
            "(mars 2025)") in box
    total = box.split("Premier contingent :")[0]
    assert "antérieur" not in total  # the later total is not older than its parts
    # Not an overlapping scope: a later figure of a scope that only overlaps says nothing of it.
    line = topic_soup(archive).select_one('.ba-headline-figure[data-metric="longue_portee"]')
    assert "antérieur" not in text_of(line)


def test_a_part_of_the_total_s_week_that_fits_within_it_is_not_called_older(tmp_path):
    archive = scenario("part-of-its-week", tmp_path)
    box, rows = headline_box(archive), lines(topic_soup(archive))
    # Beta's reinforcements of Tuesday fit within Alpha's total of Thursday: two days apart,
    # « antérieur » would read « out of date ». Beta's contingent of August stays older.
    assert "Renforts : environ 5 000 soldats selon Service Beta (9 septembre 2025) Mis à jour" in box
    assert ("Premier contingent : 11 000 soldats selon Service Beta (août 2025) — antérieur au "
            "total « Soldats envoyés (total) » de plus de 20 000 selon Agence Alpha "
            "(11 septembre 2025)") in box
    (renforts,) = [row for row in rows if row.startswith("Service Beta environ 5 000")]
    assert "antérieur" not in renforts


def test_both_figures_of_one_report_stay_older_than_a_later_total_beside_another_actor_s_part(tmp_path):
    archive = scenario("report-older-beside-other", tmp_path)
    # Beta's undated report gives both parts; Alpha's total is of March. Gamma's first
    # contingent, only reported in May, is no figure of Alpha's: it does not make Alpha's
    # total a figure to read instead, so Beta's two parts say alike that they may be older.
    older = ("peut-être antérieur au total « Soldats envoyés (total) » de 20 000 selon Agence "
             "Alpha (mars 2025)")
    rows = [row for row in lines(topic_soup(archive)) if row.startswith("Service Beta")]
    assert len(rows) == 2 and all(older in row for row in rows), rows


def test_overlapping_scopes_stand_together_and_neither_makes_the_other_older(tmp_path):
    archive = scenario("overlap-beside", tmp_path)
    figures = {li["data-metric"]: text_of(li) for li in topic_soup(archive).select(".ba-headline-figure")}
    # « environ 200 » long-range pieces (undated) beside « jusqu'à 120 » guns (before 2025) and
    # « environ 220 » guns and launchers (March): scopes that only overlap, so no caveat;
    pieces = figures["longue_portee"]
    assert "antérieur" not in pieces and "contest" not in pieces and "contredit" not in pieces
    # but the box, which has no line on scopes, says they overlap: the figures do not add up.
    assert ("environ 200 unités selon le bureau gamma (OG) (date inconnue) (avec réserve : « Selon "
            "certaines informations … », « … aurait livré … ») — périmètre qui recoupe « Canons et "
            "lance-roquettes livrés » : environ 220 selon Agence Alpha (mars 2025) ; « Canons livrés » : "
            "jusqu'à 120 selon Service Beta (avant le début de l'année 2025) (chiffres à ne pas "
            "additionner)") in pieces
    assert ("environ 220 unités selon Agence Alpha (mars 2025) — périmètre qui recoupe « Pièces à "
            "longue portée livrées » : environ 200 selon le bureau gamma (OG) (date inconnue) "
            "(chiffres à ne pas additionner)") in figures["armes"]
    # the guns lie inside the guns and launchers: a later figure of their whole dates them.
    # One clause names the scope that holds them, its figure marked as the later one (not
    # « antérieur … périmètre plus large qui l'inclut » beside « périmètre qui recoupe »), then
    # the scope that overlaps theirs: « périmètre » names one relation only.
    assert figures["canons"].endswith(
        "jusqu'à 120 unités selon Service Beta (avant le début de l'année 2025) — compris dans "
        "« Canons et lance-roquettes livrés » : environ 220 selon Agence Alpha (mars 2025, "
        "postérieur au chiffre de Service Beta) ; périmètre qui recoupe « Pièces à longue portée livrées » : environ 200 "
        "selon le bureau gamma (OG) (date inconnue) (chiffres à ne pas additionner)")
    assert "antérieur" not in figures["canons"] and figures["canons"].count("périmètre") == 1
    assert findings(archive, "canons") == [] and findings(archive, "longue_portee") == []
    # Each scope is shown with the others, each with its scope and its hedges; the wider one
    # says what it holds.
    text = topic_text(archive)
    assert ("Comprend : Canons livrés (jusqu'à 120 selon Service Beta (avant le début de l'année "
            "2025)).") in text
    assert ("Périmètre qui recoupe : Pièces à longue portée livrées (environ 200 selon le bureau "
            "gamma (OG) (date inconnue) (avec réserve : « Selon certaines informations … », « … "
            "aurait livré … ») ) : chiffres à ne pas additionner.") in text
    assert ("Périmètre qui recoupe : Canons et lance-roquettes livrés (environ 220 selon Agence "
            "Alpha (mars 2025)) ; Canons livrés (jusqu'à 120 selon Service Beta (avant le début de "
            "l'année 2025)) : chiffres à ne pas additionner.") in text


def test_a_hedge_in_any_copy_stands_beside_the_figure(tmp_path):
    archive = scenario("hedged-copies", tmp_path)
    # The first article gives 4 000 plainly; the second « évaluer à 4 000 »: one statement,
    # shown with the hedge wherever its figure is.
    box = headline_box(archive)
    assert "4 000 militaires selon Agence Alpha (13 mars 2025) (avec réserve : « … évaluer à … »)" in box
    row = text_of(topic_soup(archive).select_one("table.ba-picture tbody tr"))
    assert "4 000 militaires (avec réserve : « … évaluer à … »)" in row


def test_figures_of_a_fixed_period_agree_whenever_they_are_reported(tmp_path):
    archive = scenario("fixed-period", tmp_path)
    # The initial sending is October 2024 (topics.yml period): « plus de 10 000 » reported in
    # February, « 11 000 » reported in March and « entre 10 000 et 12 000 » for October 2024
    # are three actors' figures for one period, and they agree.
    assert {f for f, *_ in findings(archive, "envoi_initial")} == {"agreement"}
    box = headline_box(archive)
    # Alpha's 11 000 is shown as 11 000: the range is gamma's alone. The period is in the
    # metric's label: only the figure its text dates says a date.
    # The range is gamma's figure: said once, in gamma's words.
    assert ("Envoi initial (octobre 2024) : entre 10 000 et 12 000 soldats selon le bureau gamma "
            "(OG) (octobre 2024) ; 11 000 selon Agence Alpha ; plus de 10 000 selon Service Beta "
            "— estimations concordantes pour une même période, de 3 sources "
            "indépendantes") in box
    assert box.count("sources indépendantes") == 1
    # Each figure keeps the date its text gives: the report, when it gives none.
    rows = [text_of(tr) for tr in topic_soup(archive).select("table.ba-picture tbody tr")]
    assert any("11 000 soldats" in row and "rapporté le 13 mars 2025" in row for row in rows), rows


def test_a_sum_of_undated_or_differently_dated_parts_says_so(tmp_path):
    box = headline_box(scenario("undated-parts", tmp_path / "a"))
    assert ("Soldats envoyés (total) : environ 3 000 soldats (somme calculée ici des chiffres de "
            "Service Beta : premier contingent, environ 300 (date inconnue) ; renforts, environ "
            "2 700 (date inconnue)) — somme non datée (parties sans date dans leur texte)") in box
    box = headline_box(scenario("parts", tmp_path / "b"))
    assert ("(janvier 2025 – février 2025)) — parties de dates différentes : cette somme additionne "
            "des chiffres donnés pour des périodes distinctes") in box


def test_a_sum_of_a_closed_sending_and_a_later_one_is_the_total_at_its_end(tmp_path):
    """The sending of October 2024 (a metric whose scope fixes its period) is over before the
    reinforcements of January–February: their sum is the total at the end of February. The
    same figures for a first contingent of no fixed period stay « parties de dates
    différentes » (the « parts » scenario above)."""
    box = headline_box(scenario("closed-part", tmp_path))
    # The initial sending's period is in its label: its figure needs no date of its own.
    assert ("Soldats envoyés depuis octobre 2024 : 14 000 soldats à la fin de février 2025 (somme "
            "calculée ici des chiffres d'Agence Alpha : envoi initial (octobre 2024), 11 000 ; "
            "renforts, 3 000 (janvier 2025 – février 2025))") in box
    assert "dates différentes" not in box


def test_a_sum_adds_only_figures_that_fit_together(tmp_path):
    """Alpha's first contingent reported in May with no date of its own, Beta's reinforcements
    from an undated article: two actors' figures that may be for any time add up to a figure
    no source gives, for no time (here above Gamma's stated total), so no sum is shown. The
    same figures given by one actor are its own parts: their sum stands, marked undated; two
    actors' figures each dated by its text add up too (bounded-parts)."""
    apart = topic_text(scenario("parts-apart", tmp_path / "apart"))
    assert "Somme de : Premier contingent , Renforts ." in apart
    assert "somme calculée" not in apart and "4 200" not in apart
    scenario("parts-apart", tmp_path / "one")
    article = tmp_path / "one" / "briefings" / "articles" / "date-inconnue-b-renforts.md"
    article.write_text(article.read_text(encoding="utf-8").replace("attributed_to: beta",
                                                                   "attributed_to: alpha"),
                       encoding="utf-8")
    one = topic_text(scenario_reloaded(tmp_path / "one"))
    assert ("Somme de : Premier contingent , Renforts ; leurs chiffres additionnés : environ 4 200 "
            "soldats (somme calculée ici des chiffres d'Agence Alpha") in one
    assert "— somme non datée (parties sans date dans leur texte)" in one


def test_a_sum_with_one_undated_part_says_so_in_the_singular(tmp_path):
    scenario("parts", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-02-05-a-parties.md"
    article.write_text(article.read_text(encoding="utf-8").replace("    as_of: 2025-01/2025-02\n", ""),
                       encoding="utf-8")
    box = headline_box(scenario_reloaded(tmp_path))
    assert "— somme non datée (une partie sans date dans son texte)" in box


def test_a_figure_whose_report_sibling_was_replaced_says_it_may_be_outdated(tmp_path):
    """Beta gave 11 000 and 2 000 in one report, then 12 000 for the first: its 2 000 is
    shown as the same report as a replaced figure; its 12 000 is not."""
    archive = scenario("report-replaced", tmp_path)
    box = headline_box(archive)
    # Not « du même rapport que » (review 18, F2), nor a label after a colon (« donné avec
    # « Premier contingent » : 11 000 », review 19): what a journalist would print.
    assert ("2 000 soldats selon Service Beta (rapporté le 10 janvier 2025) — donné en même temps "
            "que 11 000 soldats (« Premier contingent »), chiffre porté depuis à 12 000 selon Service "
            "Beta (rapporté le 20 mars 2025) ; peut-être dépassé lui aussi") in box
    assert box.count("donné en même temps") == 1
    assert "somme calculée" not in box  # 12 000 + 2 000 would add a new figure to an outdated one


# The real archive: invariants only (a contributor's valid article must not break them).

@pytest.fixture(scope="module")
def real(archive):
    """The real archive, and the same with a contributor's added article (conftest.py)."""
    return archive, derive_from_bodies(archive).briefings


@pytest.fixture(scope="module")
def real_pages(real) -> dict[str, BeautifulSoup]:
    """The topic pages, the log's pages and the home page's generated sections."""
    archive, _ = real
    builder = PageBuilder.from_archive(archive)
    pages = {p.path: BeautifulSoup(p.content, "html.parser") for p in builder.all_pages()
             if p.path.startswith(("sujets/", "journal/"))}
    pages["index.md"] = BeautifulSoup(builder.home_sections(), "html.parser")
    return pages


def text_of(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).replace("’", "'")


def metric_line(archive, metric_id: str) -> str:
    """A metric's line in the topic page's headline box, as text."""
    return text_of(topic_soup(archive).select_one(f'.ba-headline-figure[data-metric="{metric_id}"]'))


def said(text: str) -> str:
    """``text`` as a page shows it, read as text_of reads it."""
    return shown(text).replace("’", "'")


def headline_items(briefing, pages):
    """(metric briefing, its headline item) on the topic page."""
    soup = pages[f"sujets/{briefing.topic.slug or briefing.topic.id}.md"]
    box = soup.select_one(".ba-headline-block")
    for metric in briefing.metrics:
        item = box.select_one(f'[data-metric="{metric.metric_id}"]')
        if item is not None:
            yield metric, item


def nested_metrics(topic, metric_id: str) -> set[str]:
    """Its parts and its whole, the scope it lies in, those lying in it (not those it only
    overlaps: a later figure of an overlapping scope does not make it older)."""
    metric = topic.metrics[metric_id]
    return ({other_id for other_id, other in topic.metrics.items()
             if metric_id in other.parts or metric_id in other.wider}
            | set(metric.parts) | set(metric.wider))


def test_no_headline_total_is_below_the_sum_of_its_parts(real):
    archive, briefings = real
    for briefing in briefings.values():
        for metric in briefing.metrics:
            parts = archive.topics[briefing.topic.id].metrics[metric.metric_id].parts
            if metric.derived is None or not parts:
                continue
            for statement in metric.headline:
                assert statement.values.high >= metric.derived.values.low, statement.claim_id


def test_every_contested_headline_figure_names_who_contests_it(real, real_pages):
    from generator.render.format import actor_noun

    archive, briefings = real
    for briefing in briefings.values():
        page = real_pages[f"sujets/{briefing.topic.slug or briefing.topic.id}.md"]
        for metric, item in headline_items(briefing, real_pages):
            for statement in metric.headline:
                status = metric.status(statement)
                if not status.contested:
                    continue
                caveats = item.select(".ba-contested")
                assert caveats, statement.claim_id
                for caveat in caveats:  # each links to its finding, on the page
                    assert page.find(id=caveat["href"].split("#")[1]) is not None, caveat["href"]
                text = " ".join(text_of(c) for c in caveats)
                for other in (*status.contradicted_by, *status.disputed_by)[:3]:
                    noun = actor_noun(archive.actors[other.claim.attributed_to])
                    assert said(noun or "un article sans source citée") in text, (statement.claim_id, text)


def test_every_headline_figure_beside_an_overlapping_scope_says_not_to_add_them(real, real_pages):
    archive, briefings = real
    for briefing in briefings.values():
        topic = archive.topics[briefing.topic.id]
        headlines = {m.metric_id: m.headline for m in briefing.metrics}
        for metric, item in headline_items(briefing, real_pages):
            definition = topic.metrics[metric.metric_id]
            overlapping = [other_id for other_id, other in topic.metrics.items()
                           if (other_id in definition.overlaps or metric.metric_id in other.overlaps)
                           and other_id not in nested_metrics(topic, metric.metric_id)
                           and headlines.get(other_id)]
            if not overlapping or metric.shows_derived:
                continue
            notes = " ".join(text_of(note) for note in item.select(".ba-overlap"))
            for other_id in overlapping:
                assert said(topic.metrics[other_id].label) in notes, (metric.metric_id, other_id)


def test_a_figure_its_text_does_not_date_is_never_said_later_in_a_compris_dans(real_pages):
    """Wherever a scope says which wider one counts it (box and current picture), a figure only
    « rapporté le » or « déclaré le » is never « postérieur », and beside one that is, it is
    said « chiffre non daté »."""
    undated = r"\((?:rapporté|déclaré) (?:le|en) [^()]*?(, chiffre [a-zé ]+|, [a-zé -]*postérieur [^()]*)?\)"
    for soup in real_pages.values():
        notes = [text_of(n) for n in soup.select(".ba-within")]
        notes += [re.split(r"Comprend :|Périmètre qui recoupe :", text_of(p).split("Compris dans :")[1])[0]
                  for p in soup.select(".ba-related") if "Compris dans :" in text_of(p)]
        for note in notes:
            marks = [m.group(1) for m in re.finditer(undated, note)]
            assert not any("postérieur" in (mark or "") and "peut-être" not in mark for mark in marks), note
            if "postérieur" in note:
                assert all(mark == ", chiffre non daté" for mark in marks), note


def test_every_headline_figure_says_when_and_whether_a_related_one_is_later(real, real_pages):
    from generator.render.format import stated_when_fr

    archive, briefings = real
    for briefing in briefings.values():
        topic = archive.topics[briefing.topic.id]
        for metric, item in headline_items(briefing, real_pages):
            text = text_of(item)
            gathered = metric.headline_range  # one period for the figures it gathers
            for statement in metric.headline:
                if gathered is None:
                    when = stated_when_fr(statement.claim, statement.reported,
                                          topic.metrics[metric.metric_id].period)
                    assert f"({said(when)})" in text, text
                elif gathered.statements[0].period is None:
                    # A range names its period once, before each actor's own figure.
                    first = gathered.statements[0]
                    assert f"({said(stated_when_fr(first.claim, first.reported))} : " in text, text
                elif statement.claim.as_of:
                    # A fixed period is in the metric's label: each figure says only the date
                    # its own text gives.
                    assert f"({said(stated_when_fr(statement.claim, None))})" in text, text
                # As the method page says it: a later figure its text dates (one only reported
                # on a day may be old, unless this one has no date at all), and none of this
                # metric's own figures shown beside it as recent.
                later = [(related, other) for related in nested_metrics(topic, metric.metric_id)
                         for other in briefing.metric(related).headline
                         if other.when is not None and (statement.when is None or (
                             other.dated and statement.when.end < other.when.start
                             and not any(own.when is not None and own.when.end >= other.when.start
                                         for own in metric.headline)))]
                if later and statement.period is None:  # a fixed period's figure is older than none
                    # A later figure of the scope holding it is marked in « compris dans ».
                    wider = topic.metrics[metric.metric_id].wider
                    assert ("antérieur" in text if any(m not in wider for m, _ in later)
                            else "antérieur" in text or "postérieur au" in text), text


def test_no_line_names_an_actor_two_ways(real, real_pages):
    archive, _ = real
    every = [line for soup in real_pages.values() for line in lines(soup)]
    assert len(every) > 10  # the selectors still find the lines
    assert not named_two_ways(archive, every)


def test_repeats_and_provisions_stay_out_of_what_is_counted(real):
    archive, briefings = real
    for briefing in briefings.values():
        counted = {s.claim_id for m in briefing.metrics for s in m.statements}
        assert not counted & set(briefing.repeats)
        latest = briefing.latest_event
        if latest is not None:
            assert briefing.topic.events[latest.claim.event].kind == "event"


def test_every_hedge_and_period_in_words_is_shown(real):
    from generator.render.format import hedge_fr

    archive, _ = real
    pages = {p.path: p.content for p in PageBuilder.from_archive(archive).all_pages()}
    for article in archive.articles:
        page = re.sub(r"\s+", " ", BeautifulSoup(pages[f"articles/{article.id}.md"], "html.parser").get_text(" "))
        for claim in article.claims:
            for hedge in claim.hedges:
                assert f"« {hedge_fr(hedge)} »" in page.replace("’", "'"), (article.id, hedge)
            if claim.as_of_words:
                assert claim.as_of_words in page, (article.id, claim.as_of_words)


def test_a_new_figure_says_which_one_it_replaces(tmp_path):
    archive = scenario("replaces", tmp_path)
    (briefing,) = derive_from_bodies(archive).briefings.values()
    (change,) = briefing.metric("pertes").history
    assert change.supersedes is not None and change.supersedes.claim.value == 300
    text = topic_text(archive)
    assert "600 militaires — remplace environ 300 (date inconnue)" in text
    assert re.search(r"Pertes cumulées : 600 militaires selon Agence Alpha \(1(er)? avril 2025\)",
                     headline_box(archive))


def test_an_actors_later_figure_for_the_same_period_replaces_its_earlier_one(tmp_path):
    from test_changelog import log_page

    scenario("revised-same-period", tmp_path)
    # Alpha « avait déclaré fin janvier » at least 150 for 2025 and « a relevé mardi » it to
    # 180–200 for 2025: one period, the later statement replaces the earlier. With or without
    # the article's own reminder of the 150 (whose claim ids would order it first).
    reminder = tmp_path / "briefings" / "articles" / "2025-11-05-b-releve.md"
    for cut in (False, True):
        if cut:
            text = reminder.read_text(encoding="utf-8")
            reminder.write_text(text[:text.index("  - id: b-rappel")] + text[text.index("---\n\n"):],
                                encoding="utf-8")
        archive = scenario_reloaded(tmp_path)
        # Both are for 2025: when each was said tells them apart, in the box too.
        earlier = "déclaré à une date inconnue" if cut else "déclaré fin janvier 2025"
        revision = ("révisé à la hausse (déclaré mardi 4 novembre 2025) ; auparavant au moins 150 "
                    f"({earlier})")
        box = headline_box(archive)
        assert f"Livraisons prévues : entre 180 et 200 missiles selon Agence Alpha (2025) — {revision}" \
            in box, box
        assert box.count("150") == 1, box
        rows = [text_of(row) for row in topic_soup(archive).select("table.ba-picture tbody tr")]
        assert len(rows) == 1 and f"entre 180 et 200 missiles — {revision}" in rows[0], rows
        assert "Chiffre le plus récent : entre 180 et 200" in topic_text(archive)
        log = log_page(PageBuilder.from_archive(archive))
        assert any("entre 180 et 200 (2025) selon Agence Alpha (révisé à la hausse ; auparavant au "
                   f"moins 150, {earlier})" in line for line in log), log
        assert not any("révisé à la baisse" in line for line in log), log


def test_a_round_million_is_written_as_the_press_writes_it_and_other_figures_stay_exact(tmp_path):
    from test_changelog import log_page

    archive = scenario("millions", tmp_path)
    # « au moins 1,5 million de missiles », not « 1 500 000 »; 1 234 567 is no round figure.
    box, text = headline_box(archive), topic_text(archive)
    assert "au moins 1,5 million de missiles selon Agence Alpha (2026)" in box, box
    assert said("1 234 567 missiles selon Service Beta (2026)") in box, box
    assert "1 500 000" not in said(box) + said(text) and "1500000" not in box
    rows = [text_of(row) for row in topic_soup(archive).select("table.ba-picture tbody tr")]
    assert any("Agence Alpha au moins 1,5 million de missiles" in row for row in rows), rows
    log = log_page(PageBuilder.from_archive(archive))
    assert any("Livraisons prévues : au moins 1,5 million (2026) selon Agence Alpha" in line
               for line in log), log


def test_a_part_above_its_total_contradicts_it_and_a_smaller_part_does_not(tmp_path):
    archive = scenario("part-above-whole", tmp_path)
    pair = ("contradiction", "2025-03-20-a-envois/contingent-alpha-2024-10",
            "2025-03-20-a-envois/envoyes-beta-2025-03-15")
    assert findings(archive, "envoyes") == [pair]  # 3 000 reinforcements stay under 10 000
    assert findings(archive, "contingent") == [pair] and findings(archive, "renforts") == []
    box = headline_box(archive)
    assert "Soldats envoyés (total) : 14 000 soldats (somme calculée ici" in box


def test_the_analysis_data_names_what_a_repeat_repeats(tmp_path):
    import json

    from generator.render.export import data_files

    archive = scenario("repeats", tmp_path)
    data = json.loads(data_files(archive, derive_from_bodies(archive))["data/analysis.json"])
    repeated = {tuple(s["claim_ids"]): s["repeats"] for s in data["statements"] if s["repeats"]}
    assert repeated == {("2025-02-15-b-rappel/pertes-inconnu",):
                        ["2024-12-23-a-pertes/pertes-alpha-2024-12-23"]}


def test_no_figure_is_called_older_than_a_scope_it_only_overlaps(real):
    archive, briefings = real
    for briefing in briefings.values():
        topic = archive.topics[briefing.topic.id]
        for metric in briefing.metrics:
            for claim_id, status in metric.statuses.items():
                for other_id, _ in status.older_than:
                    assert other_id in nested_metrics(topic, metric.metric_id), (claim_id, other_id)


def test_an_earlier_figure_its_actor_recalls_beside_a_newer_one_is_not_news(tmp_path):
    archive = scenario("relayed-beside-newer", tmp_path)
    # Beta's « précédente estimation » of 3 000 (its undated article's figure), recalled on
    # 3 April beside its new 5 000: one statement, undated, replaced by the 5 000.
    box = headline_box(archive)
    assert "Renforts : environ 5 000 soldats selon Service Beta (3 avril 2025)" in box
    assert "3 000" not in box
    rows = lines(topic_soup(archive))
    assert "Service Beta environ 5 000 soldats — remplace environ 3 000 (date inconnue) 3 avril 2025 " \
           "Journal A, 3 avril 2025" in rows
    assert not any("remplace environ 3 000 (rapporté" in row for row in rows)
    # Alpha's March total is older than Beta's parts of 3 April, but Beta's own total of that
    # day stands beside it: that is the newer figure to read, not a part.
    (alpha,) = [row for row in rows if row.startswith("Agence Alpha")]
    assert "plus ancien" not in alpha
    # The rules cannot compare an undated figure, but the replacement is an update all the same.
    (update,) = topic_soup(archive).select("ul.ba-mises-a-jour li")
    assert text_of(update).startswith("Service Beta : environ 3 000 (date inconnue)")
    assert "puis Service Beta : environ 5 000 (3 avril 2025)" in text_of(update)


def test_a_figure_its_text_does_not_date_is_not_newer_than_another_actor_s_dated_one(tmp_path):
    archive = scenario("undated-beside-dated", tmp_path)
    # Beta's « plus de 250 », reported on 3 April with no date of its own, may be for any time
    # before: Alpha's figure for March stays beside it, and it makes no figure « older ».
    box = headline_box(archive)
    assert ("Canons et lance-roquettes livrés : plus de 250 unités selon Service Beta (rapporté le 3 "
            "avril 2025) (avec réserve : « … auraient été livrés … ») ; environ 220 unités selon "
            "Agence Alpha (mars 2025)") in box
    # Beside Alpha's March figure, marked as later than the guns' December one, Beta's is said
    # to be undated: reported later, it is not said to be later, nor left to read as older.
    # Alpha's own guns are « son chiffre », Alpha not named again (review 25, V4).
    assert ("Canons livrés : jusqu'à 120 unités selon Agence Alpha (décembre 2024) — compris dans « "
            "Canons et lance-roquettes livrés » : plus de 250 selon Service Beta (rapporté le 3 avril "
            "2025, chiffre non daté), environ 220 selon Agence Alpha (mars 2025, postérieur à son "
            "chiffre) Mis à jour") in box
    assert box.count("postérieur") == 1
    # Two figures, neither known to be later: the current picture heads them in the plural.
    assert ("Chiffres les plus récents : plus de 250 unités selon Service Beta (rapporté le 3 "
            "avril 2025)") in topic_text(archive)
    # The current picture says once, as the box does, which scope holds « Canons livrés » and
    # which of its figures is later: its line and its row do not say « antérieur » again.
    picture = [line for line in lines(topic_soup(archive)) if "jusqu'à 120" in line]
    assert picture and not any("antérieur" in line for line in picture), picture
    assert ("Compris dans : Canons et lance-roquettes livrés (plus de 250 selon Service Beta "
            "(rapporté le 3 avril 2025, chiffre non daté) ; environ 220 selon Agence Alpha (mars "
            "2025, postérieur à son chiffre)).") in topic_text(archive)



def test_a_wider_figure_later_than_its_own_actors_says_so_without_naming_it_again(tmp_path):
    archive = scenario("later-own-figure", tmp_path)
    # Gamma's guns of July, and its guns and launchers of late September: « postérieur à son
    # chiffre », not « au chiffre du bureau gamma (OG) » right after « selon le bureau gamma
    # (OG) » (review 25, V4); Beta's figure of that period is still named.
    mark = "environ 300 selon le bureau gamma (OG) (fin septembre 2026, postérieur à son chiffre et à celui de Service Beta)"
    assert mark in headline_box(archive)
    assert f"Compris dans : Canons et lance-roquettes livrés ({mark})." in topic_text(archive)
    (tmp_path / "briefings" / "articles" / "2026-08-20-b-canons.md").unlink()
    alone = scenario_reloaded(tmp_path)
    assert "(fin septembre 2026, postérieur à son chiffre)" in headline_box(alone)
    assert "au chiffre du bureau gamma" not in headline_box(alone) + topic_text(alone)

def test_a_wider_figure_beside_a_figure_with_no_date_at_all_is_only_perhaps_later(tmp_path):
    scenario("undated-beside-dated", tmp_path)
    articles = tmp_path / "briefings" / "articles"
    dated = articles / "2025-03-13-a-armes.md"
    dated.write_text(dated.read_text().split("  - topic: effectifs\n    metric: canons")[0]
                     + "---\nAlpha compte environ 220 canons et lance-roquettes livrés en mars.\n")
    (articles / "date-inconnue-b-canons.md").write_text(
        "---\nid: date-inconnue-b-canons\ntitle: \"date-inconnue-b-canons\"\ndate: unknown\n"
        "outlet: journal-b\ntopics: [effectifs]\nclaims:\n  - topic: effectifs\n    metric: canons\n"
        "    value: 120\n    qualifier: at_most\n    attributed_to: gamma\n"
        "    quote: \"jusqu'à 120 canons livrés\"\n---\nGamma compte jusqu'à 120 canons livrés.\n")
    box = headline_box(load_archive(tmp_path / "briefings", root=tmp_path))
    # Gamma's guns have no date at all: any figure of their wider scope may be the later one.
    assert ("Canons livrés : jusqu'à 120 unités selon le bureau gamma (OG) (date inconnue) — compris "
            "dans « Canons et lance-roquettes livrés » : plus de 250 selon Service Beta (rapporté le "
            "3 avril 2025, peut-être postérieur au chiffre du bureau gamma (OG)), environ 220 selon "
            "Agence Alpha (mars 2025, peut-être postérieur au chiffre du bureau gamma (OG))") in box


def _front_with(tmp_path, line: str, added: str) -> None:
    """The front scenario, with ``added`` after ``line`` of its absence-and-return article."""
    scenario("front", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-02-10-a-absents.md"
    text = article.read_text(encoding="utf-8")
    assert line in text
    article.write_text(text.replace(line, line + added), encoding="utf-8")


def test_a_later_event_s_hedge_stands_beside_it(tmp_path):
    _front_with(tmp_path, '    quote: "les soldats sont revenus"\n', '    hedges: ["Puis"]\n')
    assert ("depuis : retour signalé selon Agence Alpha (rapporté le 10 février 2025) (avec "
            "réserve : « Puis … »)") in headline_box(scenario_reloaded(tmp_path))


def test_an_event_s_own_words_stand_beside_its_label(tmp_path):
    _front_with(tmp_path, '    event: retour\n', '    event_words: "sont revenus"\n')
    # The label is every text's; the words are this one's: the box shows both.
    assert ("depuis : retour signalé (« sont revenus ») selon "
            "Agence Alpha") in headline_box(scenario_reloaded(tmp_path))
    _front_with(tmp_path / "partis", '    event: retour\n', '    event_words: "sont partis"\n')
    with pytest.raises(ContentErrors) as raised:
        scenario_reloaded(tmp_path / "partis")
    (error,) = raised.value.errors
    assert (error.field, error.message) == ("claims[1].event_words", "event_words not found in the quote")


def test_one_statement_takes_the_most_precise_date_its_copies_give(tmp_path):
    archive = scenario("sharper-copy", tmp_path)
    # Alpha's 4 000 « en mars », then « Le 13 mars » in a later article: one statement, dated
    # 13 March, with both articles as its sources.
    assert "Pertes cumulées : 4 000 militaires selon Agence Alpha (13 mars 2025) Mis à jour" in \
        headline_box(archive)
    (row,) = [text_of(tr) for tr in topic_soup(archive).select("table.ba-picture tbody tr")]
    assert "13 mars 2025" in row and "2 articles, une seule origine :" in row
    assert "Journal A, 14 mars 2025 ; Journal B, 28 mars 2025" in row  # sources, oldest first


def test_figures_that_diverge_are_named_when_another_stands_beside_them(tmp_path):
    scenario("agreement", tmp_path)
    (tmp_path / "briefings" / "articles" / "2025-03-30-c-pertes.md").write_text(article_text(
        "id: 2025-03-30-c-pertes\ntitle: \"2025-03-30-c-pertes\"\ndate: 2025-03-30\n"
        "outlet: journal-a\ntopics: [effectifs]\nclaims:\n  - topic: effectifs\n"
        "    metric: pertes\n    value: 5000\n    qualifier: about\n    attributed_to: gamma\n"
        "    quote: \"environ 5 000 tués ou blessés\"\n",
        "Gamma compte environ 5 000 tués ou blessés."), encoding="utf-8")
    box = headline_box(scenario_reloaded(tmp_path))
    # Gamma's undated figure is compared with none: the divergence is Beta's and Alpha's, said
    # right after their two figures, Gamma's after it (review 11).
    (line,) = [part for part in box.split("Soldats envoyés")[:1]]
    assert ("Pertes cumulées : environ 4 700 militaires selon Service Beta (27 mars 2025) ; 4 000 "
            "militaires selon Agence Alpha (mars 2025) — estimations divergentes ; environ 5 000 "
            "militaires selon le bureau gamma (OG) (rapporté le 30 mars 2025)") in line


def test_a_figure_its_own_actor_has_since_given_a_total_for_is_its_earlier_estimate(tmp_path):
    archive = scenario("outdated-by-own", tmp_path)
    # Beta's undated 3 000 reinforcements: Beta has since given the total holding them (and
    # replaced its first-contingent figure of the same report). Not « peut-être »: its own
    # newer count outdates it.
    (renforts,) = [line for line in lines(topic_soup(archive)) if line.startswith("Renforts :")]
    assert ("environ 3 000 soldats selon Service Beta (date inconnue) — estimation antérieure, "
            "dépassée par le total « Soldats envoyés (total) » d'environ 16 000 selon Service Beta "
            "(8 avril 2025) ; donné en même temps qu'environ 11 000 soldats (« Premier "
            "contingent »), chiffre porté depuis à environ 12 000 (8 avril 2025)"
            ) in renforts
    assert "peut-être" not in renforts


def test_an_outdated_figure_is_said_outdated_once_not_also_perhaps_older(tmp_path):
    archive = scenario("outdated-beside-other", tmp_path)
    # Beside Beta's own later total, Alpha gives one of the same scope for April: Beta's
    # 3 000 is outdated by Beta's total, which says more than « peut-être antérieur » to
    # Alpha's. One clause, the replaced figure of its report included, Beta named once in it.
    shown = [line for line in lines(topic_soup(archive)) if "environ 3 000 soldats" in line]
    assert len(shown) == 3, shown  # the box, the current picture's sentence and Beta's row
    for line in shown:
        assert ("environ 3 000 soldats — estimation antérieure, dépassée par le total « Soldats "
                "envoyés (total) » d'environ 16 000 selon Service Beta (8 avril 2025) ; donné en "
                "même temps qu'environ 11 000 soldats (« Premier contingent »), chiffre porté "
                "depuis à environ 12 000 (8 avril 2025)") in line.replace(
                    " selon Service Beta (date inconnue)", ""), line
        assert "peut-être" not in line and "Agence Alpha" not in line, line


def test_a_figure_with_no_date_at_all_may_be_older_than_one_reported_on_a_day(tmp_path):
    archive = scenario("undated-beside-reported", tmp_path)
    # Alpha's total has no date of its own, only its report's; Beta's part has none at all.
    (renforts,) = [line for line in lines(topic_soup(archive)) if line.startswith("Renforts :")]
    assert ("environ 3 000 soldats selon Service Beta (date inconnue) — peut-être antérieur au "
            "total « Soldats envoyés (total) » d'environ 16 000 selon Agence Alpha (rapporté le 28 "
            "avril 2025)") in renforts


def test_a_range_that_is_one_actor_s_figure_is_said_once_and_compatible_is_not_confirmed(tmp_path):
    box = headline_box(scenario("range-restated", tmp_path))
    # Beta's « entre 2 000 et 3 000 » is the range: written once, the period after the figures.
    # It allows Alpha's 3 000 without confirming it: two independent sources, not « confirmé ».
    assert ("Renforts : entre 2 000 et 3 000 soldats selon Service Beta ; 3 000 selon Agence Alpha "
            "(janvier 2025 – février 2025) — estimations concordantes pour une même période, de 2 "
            "sources indépendantes") in box
    assert "confirmé" not in box
    rows = [text_of(tr) for tr in topic_soup(scenario_reloaded(tmp_path)).select("table.ba-picture tbody tr")]
    assert rows and not any("confirmé" in row for row in rows)
    assert any("concordant, de 2 sources indépendantes" in row for row in rows)


def test_a_sum_whose_part_another_actor_counts_differently_says_so(tmp_path):
    scenario("parts", tmp_path)
    (tmp_path / "briefings" / "articles" / "2025-03-01-b-renforts.md").write_text(article_text(
        """id: 2025-03-01-b-renforts
title: "2025-03-01-b-renforts"
date: 2025-03-01
outlet: journal-b
topics: [effectifs]
claims:
  - topic: effectifs
    metric: renforts
    value: 3500
    qualifier: about
    as_of: 2025-01/2025-02
    attributed_to: beta
    quote: "environ 3 500 renforts en janvier et février"
""", "Beta compte environ 3 500 renforts en janvier et février."), encoding="utf-8")
    box = headline_box(scenario_reloaded(tmp_path))
    total = box.split("Premier contingent :")[0]
    # The sum is Alpha's reading: Beta's count of one of its parts differs, and the line says so.
    assert ("(somme calculée ici des chiffres d'Agence Alpha : premier contingent, 11 000 (octobre "
            "2024) ; renforts, 3 000 (janvier 2025 – février 2025))") in total
    assert total.rstrip().endswith("— pour « renforts », estimations divergentes : environ 3 500 "
                                   "selon Service Beta (janvier 2025 – février 2025)")


def test_the_box_says_where_each_side_stands_now(tmp_path):
    line = positions_line("positions", tmp_path)
    # Kappalie's government neither confirmed nor denied in December, then its general staff
    # acknowledged in March: one state, its latest position only; newest first, each named as
    # who takes it.
    assert line == ("Positions déclarées : présence ni confirmée ni démentie par Agence "
                             "Alpha (rapporté le 1er mars 2025) ; présence reconnue par "
                             "l'état-major de Kappalie (rapporté le 1er mars 2025)")


def test_a_level_reported_without_a_date_is_the_current_one_not_beside_a_year_old_one(tmp_path):
    archive = scenario("level-reported-later", tmp_path)
    # A level its text does not date is the level of the day it is reported (the method
    # page): Alpha's « jusqu'à 8 000 » of January 2025 is no rival of Beta's figure reported a
    # year later (review 18, F1).
    line = metric_line(archive, "presents")
    assert "environ 5 000 soldats selon Service Beta (rapporté le 16 janvier 2026)" in said(line), line
    assert "8 000" not in line, line
    assert "Chiffre le plus récent : environ 5 000" in topic_text(archive)


def test_figures_contested_alike_say_their_agreement_then_their_contest_once(tmp_path):
    archive = scenario("contested-and-agreeing", tmp_path)
    line = metric_line(archive, "presents")
    # Alpha and Beta agree and Gamma contradicts both: the agreement, then the contest, said
    # once after the last of the two, not after each (review 28, P1); the agreement first, so
    # that it cannot read as agreeing with Gamma (review 17, N3). Gamma's contest names both,
    # joined by « et », as « ; » separates the line's figures.
    assert ("7 000 soldats selon le bureau gamma (OG) (11 décembre 2025) — contesté : en contradiction "
            "avec Agence Alpha (jusqu'à 6 000, 11 décembre 2025) et Service Beta (entre 5 000 et 6 000, "
            "11 décembre 2025) ; entre 5 000 et 6 000 soldats selon Service Beta (11 décembre 2025) ; "
            "jusqu'à 6 000 soldats selon Agence Alpha (11 décembre 2025) — concordant, de 2 sources "
            "indépendantes — les deux contestés : en contradiction avec le bureau gamma (OG) (7 000, "
            "11 décembre 2025)") in said(line), line
    assert said(line).count("concordant") == 1 and said(line).count("contesté") == 2, line


def test_a_figure_agreeing_with_one_the_line_does_not_show_names_it_and_is_not_confirmed(tmp_path):
    archive = scenario("agree-days-apart", tmp_path)
    line = metric_line(archive, "presents")
    # Gamma's 12 000 of 22 December, Beta's hedged 12 000 of the 17th: the box shows the latest
    # level only, so it names the figure it counts, with its date; figures of other days, one
    # hedged, agree (« concordant »), they do not confirm each other (review 29).
    assert line == ("Soldats présents : environ 12 000 soldats selon le bureau gamma (OG) (22 décembre 2025) "
                    "— concordant, de 2 sources indépendantes, avec Service Beta (environ 12 000, "
                    "17 décembre 2025)"), line
    assert "confirmé" not in topic_text(archive)
    # Each row names the other, of another date, as the box does (review 30).
    rows = [text_of(row) for row in topic_soup(archive).select("table.ba-picture tbody tr")]
    assert any("avec Service Beta (environ 12 000, 17 décembre 2025)" in row for row in rows), rows
    assert any("avec le bureau gamma (OG) (environ 12 000, 22 décembre 2025)" in row for row in rows), rows


def test_a_figure_its_actor_replaced_confirms_nothing_now(tmp_path):
    archive = scenario("agree-replaced", tmp_path)
    line = metric_line(archive, "envoyes")
    # Beta's 24 000 agrees with Alpha's 22 000 and with the 20 000 Alpha gave before it: the
    # 20 000 is no figure a reader is told now, so the line's agreement is the pair's, said
    # once after the last (review 29: « concordant » after the first figure read as its own).
    assert line == ("Soldats envoyés (total) : environ 24 000 soldats selon Service Beta (depuis octobre 2024 ; "
                    "déclaré le 28 décembre 2025) ; environ 22 000 soldats selon Agence Alpha (depuis octobre "
                    "2024 ; déclaré le 17 décembre 2025) — auparavant environ 20 000 (depuis octobre 2024 ; "
                    "déclaré le 4 décembre 2025) — concordant, de 2 sources indépendantes"), line


def test_an_undated_figure_newer_than_its_actors_last_is_newer_than_an_older_rival(tmp_path):
    archive = scenario("undated-after-own", tmp_path)
    line = metric_line(archive, "pertes")
    # Alpha's undated 10 000, reported on 29 December, is read as newer than its 9 000 of late
    # November (« auparavant »): then it is newer than Gamma's 5 000 of March too, which is no
    # longer one of « les plus récents » (review 29, the HUR's 400 beside the JCS's 220).
    assert line == ("Pertes cumulées : environ 10 000 militaires selon Agence Alpha (rapporté le 29 décembre "
                    "2025) — auparavant environ 9 000 (fin novembre 2025)"), line
    assert "Chiffre le plus récent : environ 10 000" in topic_text(archive)


def test_one_figure_written_alike_by_two_actors_is_said_once_with_each_actors_hedges(tmp_path):
    archive = scenario("alike-hedged", tmp_path)
    line = metric_line(archive, "pertes")
    # Alpha's hedged « environ 11 000 » and Beta's of the same day: the figure once, then each
    # actor with its hedges (review 28: « environ 11 000 » three times); one of them hedged, they
    # agree, they do not confirm (review 29).
    assert line.replace(" )", ")") == (
        "Pertes cumulées : environ 11 000 militaires (21 décembre 2025 : selon Agence Alpha (avec "
        "réserve : « … auraient … ») ; selon Service Beta) — estimations concordantes pour une même "
        "période, de 2 sources indépendantes"), line


def test_a_line_says_every_own_earlier_figure_one_way(tmp_path):
    scenario("agree-replaced", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-12-29-a-bilan.md"
    article.write_text(article.read_text(encoding="utf-8").replace("---\n\n", (
        "  - topic: effectifs\n    metric: renforts\n    value: 11000\n    qualifier: about\n"
        "    as_of: 2025-01/2025-12-28\n    as_of_words: \"depuis le début de 2025\"\n    stated_on: 2025-12-28\n"
        "    attributed_to: beta\n    quote: \"quelque 11 000 renforts depuis le début de 2025\"\n"
        "  - topic: effectifs\n    metric: envoyes\n    value: 19000\n    qualifier: more_than\n"
        "    as_of: 2025-11-21/2025-11-30\n    as_of_words: \"fin novembre 2025\"\n    attributed_to: beta\n"
        "    quote: \"Fin novembre, Beta en comptait plus de 19 000\"\n---\n\n")).rstrip("\n")
        + " Parmi eux, quelque 11 000 renforts depuis le début de 2025. Fin novembre, Beta en comptait "
          "plus de 19 000.\n", encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "envoyes")
    # Beta's 24 000 is said with its part, its previous figure in its date's parenthesis (W1):
    # Alpha's previous figure on the same line is said the same way, not « — auparavant » (review 29).
    assert line == ("Soldats envoyés (total) : environ 24 000 soldats selon Service Beta (depuis octobre 2024 ; "
                    "déclaré le 28 décembre 2025 ; auparavant plus de 19 000, fin novembre 2025), dont environ "
                    "11 000 renforts (depuis le début de 2025) ; environ 22 000 soldats selon Agence Alpha (depuis "
                    "octobre 2024 ; déclaré le 17 décembre 2025 ; auparavant environ 20 000, déclaré le "
                    "4 décembre 2025) — concordant, de 2 sources indépendantes"), line


def test_a_figure_for_the_start_of_a_month_is_replaced_by_its_actors_figure_of_its_end(tmp_path):
    archive = scenario("part-of-month-replaced", tmp_path)
    line = metric_line(archive, "pertes")
    # « début décembre » is 1-10 December to an order (the method page): Alpha's figure of the
    # 31st replaces it, in the box and in the rows of each actor's latest (review 30).
    assert line == ("Pertes cumulées : plus de 15 000 militaires selon Agence Alpha (31 décembre 2025) — "
                    "auparavant plus de 13 000 (début décembre 2025)"), line
    rows = [text_of(row) for row in topic_soup(archive).select("table.ba-picture tbody tr")]
    assert len(rows) == 1 and "remplace plus de 13 000 (début décembre 2025)" in rows[0], rows


def test_figures_of_one_day_said_with_parts_or_an_earlier_figure_are_no_range(tmp_path):
    archive = scenario("range-own-earlier-parts", tmp_path)
    # Alpha's and Beta's « environ 22 000 » of one day, Alpha's with its parts and its previous
    # figure: as one range, « auparavant » lost its actor and « dont » was gone (review 31,
    # misleading): each figure with its own clause.
    assert metric_line(archive, "envoyes") == (
        "Soldats envoyés (total) : environ 22 000 soldats selon Service Beta (17 décembre 2025) ; environ "
        "22 000 soldats selon Agence Alpha (17 décembre 2025 ; auparavant environ 20 000, 4 décembre 2025), "
        "dont environ 10 000 renforts — confirmé par 2 sources indépendantes")
    # Nor a « Même période » line saying it again (review 32).
    assert "Même période" not in topic_text(archive)


def test_a_floor_above_another_actors_figure_diverges_from_it(tmp_path):
    archive = scenario("floor-above-about", tmp_path)
    # « plus de 26 000 » and « environ 25 000 » meet within « environ », but the floor says more
    # than 25 000, as the text does (« un chiffre plus élevé »): they diverge, they do not agree
    # (review 31, misleading).
    assert [f for f, *_ in findings(archive, "presents")] == ["divergence"]
    assert "concordant" not in topic_text(archive) and "estimations divergentes" in metric_line(archive, "presents")


def test_figures_for_two_parts_of_one_month_are_two_moments_not_a_revision(tmp_path):
    # « plus de 26 000 début janvier », then « environ 28 000 fin janvier » from one actor: no
    # revision of one period dated by when each was said (« rapporté le 15 janvier »), but a
    # newer figure (review 33); a running total says its previous one with its own words.
    level = scenario("parts-of-one-month", tmp_path / "level")
    assert metric_line(level, "presents") == (
        "Soldats présents : environ 28 000 soldats selon Agence Alpha (fin janvier 2026)")
    assert "remplace plus de 26 000 (début janvier 2026)" in topic_text(level)
    total = scenario("parts-of-one-month-total", tmp_path / "total")
    assert metric_line(total, "envoyes") == (
        "Soldats envoyés (total) : environ 28 000 soldats selon Agence Alpha (fin janvier 2026) — "
        "auparavant plus de 26 000 (début janvier 2026)")


def test_a_figure_contested_alone_names_whom_it_agrees_with(tmp_path):
    scenario("contested-and-agreeing", tmp_path)
    front = tmp_path / "briefings" / "articles" / "2025-12-11-a-front.md"
    front.write_text(front.read_text(encoding="utf-8").replace("high: 6000", "high: 7000").replace(
        "entre 5 000 et 6 000", "entre 5 000 et 7 000"), encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "presents")
    # Beta's 5 000 to 7 000 allows both Alpha's and Gamma's: only Alpha is contested. After
    # « en contradiction avec … Gamma », a bare « concordant » would read as agreeing with
    # Gamma (review 17, N3): it says with whom.
    assert ("jusqu'à 6 000 soldats selon Agence Alpha (11 décembre 2025) — contesté : en contradiction "
            "avec le bureau gamma (OG) (7 000, 11 décembre 2025) — concordant, de 2 sources "
            "indépendantes, avec Service Beta (entre 5 000 et 7 000)") in said(line), line


def test_an_unsourced_figure_confirms_nothing(tmp_path):
    scenario("contested-and-agreeing", tmp_path)
    # A figure whose text says its actor gives no source for it confirms nothing, and is
    # not confirmed as an independent source (claim ``unsourced``).
    front = tmp_path / "briefings" / "articles" / "2025-12-11-a-front.md"
    front.write_text(front.read_text(encoding="utf-8").replace(
        "    attributed_to: alpha\n", "    attributed_to: alpha\n    unsourced: true\n"), encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "presents")
    assert "concordant" not in line and "entre 5 000 et 6 000" in line, line


def test_a_sides_positions_on_different_questions_each_stand(tmp_path):
    line = positions_line("positions-questions", tmp_path)
    # Kappalie denied the casualty figures in July and acknowledged losses in August: another
    # question each (topics.yml ``question``), so neither replaces the other, nor its silence
    # on the presence (review 16, S5).
    assert line == (
        "Positions déclarées : pertes reconnues par l'état-major de Kappalie (rapporté le 30 août "
        "2025) ; bilans démentis par le gouvernement Kappa (rapporté le 15 juillet 2025) ; présence "
        "ni confirmée ni démentie par le gouvernement Kappa (rapporté le 23 décembre 2024)")


def test_sides_holding_one_position_as_of_one_report_share_its_clause(tmp_path):
    line = positions_line("positions-shared", tmp_path)
    # Kappa and Alpha neither confirmed nor denied in one report: one clause, joined by « ni »;
    # Beta and Gamma acknowledged in another: « et »; Alpha-Delta's same position of a later
    # day stands apart, as does each date.
    assert line == (
        "Positions déclarées : présence ni confirmée ni démentie par Cellule Alpha-Delta (rapporté "
        "le 10 mars 2025) ; présence reconnue par le bureau gamma (OG) et par Service Beta "
        "(rapporté le 5 mars 2025) ; présence ni confirmée ni démentie par le gouvernement Kappa "
        "ni par Agence Alpha (rapporté le 1er mars 2025)")


def test_an_update_only_reported_on_a_later_day_is_listed_as_an_update(tmp_path):
    archive = scenario("update-reported", tmp_path)
    # The rules cannot compare « environ 4 700 », which its text does not date, with March's
    # 4 000; but it is Alpha's next figure, as its table row and the log say.
    (update,) = topic_soup(archive).select("ul.ba-mises-a-jour li")
    assert text_of(update).startswith("Agence Alpha : 4 000 (mars 2025)")
    assert "puis Agence Alpha : environ 4 700 (rapporté le 28 avril 2025)" in text_of(update)


def test_a_scope_in_the_box_says_which_wider_one_counts_it(tmp_path):
    scenario("overlap-beside", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-03-13-a-armes.md"
    article.write_text(article.read_text(encoding="utf-8").replace("    as_of: 2025-03\n", ""),
                       encoding="utf-8")
    figures = {li["data-metric"]: text_of(li) for li in
               topic_soup(scenario_reloaded(tmp_path)).select(".ba-headline-figure")}
    # Alpha's 220 is only reported on 13 March: not known to be later than the guns' figure,
    # but it still counts them, and the guns' line says so.
    assert ("jusqu'à 120 unités selon Service Beta (avant le début de l'année 2025) — compris dans "
            "« Canons et lance-roquettes livrés » : environ 220 selon Agence Alpha (rapporté le 13 "
            "mars 2025)") in figures["canons"]
    # Alone, it needs no word on its date: « rapporté le » says it, and no later figure of
    # its scope stands beside it to be read against.
    assert not re.search("antérieur|non daté|plus récent|postérieur", figures["canons"])


def test_a_figure_s_own_words_on_what_it_counts_stand_right_after_it(tmp_path):
    scenario("parts", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-02-05-a-parties.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('    metric: renforts\n', '    metric: renforts\n'
                                    '    scope_words: "entre janvier et février"\n'), encoding="utf-8")
    archive = scenario_reloaded(tmp_path)
    (renforts,) = [line for line in lines(topic_soup(archive)) if line.startswith("Renforts :")]
    assert renforts.startswith("Renforts : 3 000 soldats (« entre janvier et février ») selon Agence Alpha")
    from test_changelog import log_page

    log = next(line for line in log_page(PageBuilder.from_archive(archive)) if "Renforts" in line)
    assert "Renforts : 3 000 (« entre janvier et février ») (janvier 2025 – février 2025)" in log
    # Words not in the quote, or on an event, are refused with the field named.
    article.write_text(text.replace('    metric: renforts\n', '    metric: renforts\n'
                                    '    scope_words: "sur les 11 000"\n'), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        scenario_reloaded(tmp_path)
    (error,) = raised.value.errors
    assert (error.field, error.message) == ("claims[1].scope_words", "scope_words not found in the quote")


def test_a_figure_of_a_narrower_count_makes_no_range_with_the_others(tmp_path):
    scenario("range-restated", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-03-13-a-renforts.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "    attributed_to: alpha\n", '    scope_words: "entre janvier et février"\n    attributed_to: alpha\n'),
        encoding="utf-8")
    box = headline_box(scenario_reloaded(tmp_path))
    # Alpha's 3 000 counts what its own words say: no « entre 2 000 et 3 000 » over both.
    assert "Renforts : entre 2 000 et 3 000 soldats selon Service Beta (janvier 2025 – février 2025)" in box
    assert "3 000 soldats (« entre janvier et février ») selon Agence Alpha" in box
    assert "pour une même période" not in box


def test_events_of_one_period_are_one_moment_not_a_sequence(tmp_path):
    archive = scenario("since-same-moment", tmp_path)
    # Beta's absence « depuis la mi-avril » and Gamma's fighting « à la mi-avril » are given for
    # one moment and pull apart: no « puis » invents an order; February's return precedes both.
    note = ("dépassé par des faits ultérieurs : retour signalé selon Service Beta (en février 2025) ; "
            "puis absence signalée selon Service Beta (depuis la mi-avril 2025) ; dans la même période, "
            "retour signalé selon le bureau gamma (OG) (à la mi-avril 2025)")
    assert note in headline_box(archive)
    assert topic_text(archive).count(note) == 3  # the box, « Seul chiffre relevé », the row
    assert "puis retour signalé selon le bureau gamma" not in topic_text(archive)


def test_every_later_event_stands_beside_a_level_in_time_order_once_per_line(tmp_path):
    box = headline_box(scenario("since-events", tmp_path))
    # An absence (the level is nil) then a return: both, oldest first, and the figure outdated.
    note = ("dépassé par des faits ultérieurs : absence signalée selon Service Beta (en février 2025) ; "
            "puis retour signalé selon Agence Alpha (début avril 2025)")
    assert note in box, box
    # Two figures of one period: the events are said once for the line, not once per figure.
    assert box.count("absence signalée") == 1, box


def test_a_position_restated_without_a_date_keeps_the_dated_one_beside_it(tmp_path):
    line = positions_line("position-restated", tmp_path)
    # Kappalie « a toujours démenti », reported in September, says the denial holds; it does
    # not take the place of the government's dated one and its words (review 19, P3).
    assert line == (
        "Positions déclarées : bilans démentis par l'état-major de Kappalie (rapporté le 1er "
        "septembre 2025) ; bilans démentis (« fabrications ») par le gouvernement Kappa (déclaré "
        "lundi 14 juillet 2025)"), line


def test_a_running_totals_earlier_figure_its_text_sets_beside_it_stays_in_the_box(tmp_path):
    archive = scenario("earlier-beside", tmp_path)
    figures = {li["data-metric"]: text_of(li) for li in topic_soup(archive).select(".ba-headline-figure")}
    # Beta's later total, in the article that recalls Alpha's earlier one (itself a correction
    # down), does not drop it: the text sets them side by side, three weeks apart (review 19,
    # P1), and Alpha's part stays counted in Alpha's total (P2).
    assert figures["armes"] == (
        "Canons et lance-roquettes livrés : plus de 12 000 unités selon Service Beta (3 mars 2026) "
        "— auparavant environ 10 000 selon Agence Alpha (10 février 2026, corrigé à la baisse), "
        "dont environ 4 000 canons livrés"), figures["armes"]
    assert figures["canons"] == (
        "Canons livrés : environ 4 000 unités selon Agence Alpha (10 février 2026) — compris dans "
        "« Canons et lance-roquettes livrés » : environ 10 000 selon Agence Alpha (10 février 2026), "
        "plus de 12 000 selon Service Beta (3 mars 2026, postérieur au chiffre d'Agence Alpha)"), figures["canons"]
    # One its caveats name already (a lower total later: a contradiction) is not said twice.
    later = tmp_path / "briefings" / "articles" / "2026-03-04-a-hausse.md"
    text = later.read_text(encoding="utf-8")
    later.write_text(text.replace("value: 12000\n    qualifier: more_than", "value: 8000\n    qualifier: exact")
                     .replace("plus de 12 000 armes", "8 000 armes"), encoding="utf-8")
    first = tmp_path / "briefings" / "articles" / "2026-02-10-b-estimation.md"
    first_text = first.read_text(encoding="utf-8")
    first.write_text(first_text[:first_text.index("  - topic: effectifs\n    metric: armes\n    value: 12000")]
                     + first_text[first_text.index("---\n\n"):], encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "armes")
    assert "en contradiction avec Agence Alpha (environ 10 000" in line and "auparavant" not in line, line
    later.write_text(text, encoding="utf-8")
    first.write_text(first_text, encoding="utf-8")
    # An earlier figure no text reporting the later one gives is the table's, not the box's.
    later.write_text(text[:text.index("  - topic: effectifs\n    metric: armes\n    value: 10000")] + "---\n\n"
                     "Beta a compté mardi plus de 12 000 armes livrées.\n", encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "armes")
    assert line == "Canons et lance-roquettes livrés : plus de 12 000 unités selon Service Beta (3 mars 2026)", line


def test_a_figure_an_article_only_recalls_is_not_given_with_that_articles_report(tmp_path):
    archive = scenario("report-recalled", tmp_path)
    line = metric_line(archive, "envoyes")
    # Alpha's December report gave its total and 5 000 - 6 000 present, since brought down to
    # about 5 000; its « mi-octobre » 3 000, which the article recalls, was no part of that
    # report (review 20, S1).
    assert line.endswith(
        "— donné en même temps qu'entre 5 000 et 6 000 soldats (« Soldats présents »), chiffre "
        "remplacé depuis par environ 5 000 selon Agence Alpha (22 avril 2026) ; peut-être dépassé "
        "lui aussi"), line
    assert "environ 3 000" not in line, line


def test_a_figure_recalled_without_its_saying_day_is_not_given_with_the_report(tmp_path):
    archive = scenario("report-recall-not-sibling", tmp_path)
    # Alpha's reinforcements were given with its 24 000 on 28 December; the same article recalls
    # its « plus de 19 000 » of late November, no part of that report (review 31); 24 000, then
    # « plus de 26 000 »: « porté », the floor above what « environ 24 000 » announces.
    assert metric_line(archive, "renforts") == (
        "Renforts : environ 11 000 soldats selon Agence Alpha (depuis le début de 2025 ; déclaré le "
        "28 décembre 2025) — donné en même temps qu'environ 24 000 soldats (« Soldats envoyés (total) »), "
        "chiffre porté depuis à plus de 26 000 selon Agence Alpha (depuis octobre 2024 ; déclaré le "
        "10 janvier 2026) ; peut-être dépassé lui aussi")


def test_a_figure_its_actor_replaced_since_diverges_from_nothing(tmp_path):
    archive = scenario("divergent-replaced", tmp_path)
    # Alpha's « plus de 19 000 » of late November, replaced by its « plus de 26 000 »: Beta's
    # « environ 25 000 » diverges from the latter only (review 31).
    assert metric_line(archive, "envoyes") == (
        "Soldats envoyés (total) : environ 25 000 soldats selon Service Beta (depuis octobre 2024 ; déclaré "
        "le 14 janvier 2026) ; plus de 26 000 soldats selon Agence Alpha (depuis octobre 2024 ; déclaré le "
        "10 janvier 2026) — auparavant plus de 19 000 (fin novembre 2025) — estimations divergentes")


def test_a_level_its_text_compares_with_its_actors_previous_one_says_it(tmp_path):
    archive = scenario("level-recalled-month", tmp_path)
    # « environ 13 000 …, contre 12 000 en décembre »: the box says the previous level, as the log
    # does (review 31).
    assert metric_line(archive, "presents") == (
        "Soldats présents : environ 13 000 soldats selon le bureau gamma (OG) (11 janvier 2026) — "
        "auparavant environ 12 000 (22 décembre 2025)")


def test_a_figure_its_actor_replaced_since_agrees_with_nothing(tmp_path):
    archive = scenario("agree-replaced-since", tmp_path)
    # Alpha's « environ 24 000 » of 28 December agrees with Beta's « environ 25 000 », but Alpha
    # has replaced it since by « plus de 26 000 », which diverges: one line cannot say Beta agrees
    # with Alpha and diverges from it (review 32, misleading).
    line = metric_line(archive, "envoyes")
    assert "concordant" not in line and line.endswith("— estimations divergentes"), line
    # Nor does Alpha's « plus de 19 000 », replaced twice before Beta spoke, diverge from Beta's
    # figure in the list of divergences (review 33).
    pairs = [text_of(li) for li in topic_soup(archive).select("ul.ba-divergences li")]
    assert len(pairs) == 1 and "19 000" not in pairs[0], pairs


def test_a_figure_of_other_things_given_in_the_same_report_says_nothing_of_it(tmp_path):
    archive = scenario("report-other-things", tmp_path)
    line = metric_line(archive, "prevus")
    # Alpha's plan of missiles and its count of guns, one report; the guns counted again since
    # (review 26, N2): a plan of other things is not « peut-être dépassé » for it.
    assert line == "Livraisons prévues : au moins 150 missiles selon Agence Alpha (2025)", line


def test_an_earlier_figure_beside_two_headline_figures_is_said_once_with_its_scope(tmp_path):
    scenario("earlier-beside", tmp_path)
    articles = tmp_path / "briefings" / "articles"
    first = articles / "2026-02-10-b-estimation.md"
    first.write_text(first.read_text(encoding="utf-8").replace(
        "    as_of: 2026-02-10\n    attributed_to: alpha\n    quote: \"Alpha estime",
        "    as_of: 2026-02-10\n    scope_words: \"armes ont été livrées\"\n    attributed_to: alpha\n"
        "    quote: \"Alpha estime", 1), encoding="utf-8")
    later = articles / "2026-03-04-a-hausse.md"
    later.write_text(later.read_text(encoding="utf-8").replace("claims:\n", (
        "claims:\n  - topic: effectifs\n    metric: armes\n    value: 15000\n    qualifier: about\n"
        "    as_of: 2026-03\n    attributed_to: gamma\n    quote: \"Gamma en compte environ 15 000\"\n"), 1)
        .replace("armes livrées.", "armes livrées. Gamma en compte environ 15 000."), encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "armes")
    # Beta's and Gamma's totals both follow Alpha's earlier one in the article that recalls
    # it: the line says it once, with the words that say what it counts (review 20, S2), at its
    # end, after both (review 30: in mid-line it read as the next figure's history).
    assert line.count("également rappelé") == 1 and "auparavant" not in line, line
    assert line.split(" — ")[-1].startswith(
        "également rappelé : environ 10 000 (« armes ont été livrées ») selon Agence Alpha"), line


def test_an_actors_new_figure_is_an_update_even_within_or_overlapping_its_old_one(tmp_path):
    updates = [text_of(li) for li in topic_soup(scenario("update-within", tmp_path)).select("ul.ba-mises-a-jour li")]
    # Both are listed, as the table's « remplace » and the log say (review 20, S5; review 21, T2).
    assert any(u.startswith("Agence Alpha : entre 5 000 et 6 000 (11 décembre 2025)")
               and "puis Agence Alpha : environ 5 000 (22 avril 2026)" in u for u in updates), updates
    assert any(u.startswith("Agence Alpha : environ 220 (mars 2025)")
               and "puis Agence Alpha : environ 250 (mai 2026)" in u for u in updates), updates


def test_an_event_that_happens_once_told_again_more_precisely_is_one_statement(tmp_path):
    archive = scenario("event-once", tmp_path)
    # « au début du mois » in December 2024, « le 4 décembre 2024 » in May 2026: one entry into
    # force (topics.yml ``once``), dated by the more precise text, with both sources; not a
    # second event in the chronology, nor news of May 2026 in the log (review 21, T1).
    assert "Dernier événement : entrée en vigueur (4 décembre 2024), sans source citée" in headline_box(archive)
    assert topic_text(archive).count("— Entrée en vigueur sans source citée") == 1, topic_text(archive)
    topics = tmp_path / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("      once: true\n", ""), encoding="utf-8")
    # Without it, two statements: events of a kind that recurs (deliveries) may be two.
    assert topic_text(scenario_reloaded(tmp_path)).count("— Entrée en vigueur sans source citée") == 2


def test_a_part_of_a_month_in_words_is_compared_as_that_part(tmp_path):
    archive = scenario("part-of-month-compared", tmp_path)
    line = metric_line(archive, "pertes")
    # « plus de 8 000 » early in April, « environ 6 000 » on 22 April: a running total lower at
    # a wholly later date, a contradiction, not two estimates of one month that may both hold
    # (review 20, S2); the contradicting figure is not named again as « auparavant ».
    assert "en contradiction avec Service Beta (plus de 8 000, début avril 2026)" in line, line
    assert "divergentes" not in line and "auparavant" not in line, line


def test_figures_are_compared_in_the_order_of_their_parts_of_months(tmp_path):
    scenario("part-of-month-compared", tmp_path)
    (tmp_path / "briefings" / "articles" / "2026-05-02-b-fin-avril.md").write_text(
        "---\nid: 2026-05-02-b-fin-avril\ntitle: t\ndate: 2026-05-02\noutlet: journal-b\n"
        "topics: [effectifs]\nclaims:\n  - topic: effectifs\n    metric: pertes\n    value: 5000\n"
        "    qualifier: about\n    as_of: 2026-04-15\n    attributed_to: gamma\n"
        "    quote: \"environ 5 000 le 15 avril\"\n  - topic: effectifs\n    metric: pertes\n"
        "    value: 8000\n    qualifier: about\n    as_of: 2026-04\n    as_of_words: \"fin avril 2026\"\n"
        "    attributed_to: gamma\n    quote: \"environ 8 000 fin avril\"\n---\n\n"
        "Gamma en comptait environ 5 000 le 15 avril, et environ 8 000 fin avril.\n", encoding="utf-8")
    # « fin avril » (21-30 April) comes after the 15th in the rules' order, though April's
    # first day sorts it first by month: Gamma's 8 000 updates its 5 000.
    updates = [text_of(li) for li in topic_soup(scenario_reloaded(tmp_path)).select("ul.ba-mises-a-jour li")]
    assert any("environ 5 000 (15 avril 2026)" in u and "puis Office Gamma (OG) : environ 8 000 "
               "(fin avril 2026)" in u for u in updates), updates


def test_an_actors_running_total_from_the_same_start_to_a_later_day_replaces_its_earlier_one(tmp_path):
    archive = scenario("since-later", tmp_path)
    line = metric_line(archive, "pertes")
    # Both « depuis octobre 2024 », to 11 December then to 10 February: Alpha's newer count is
    # the one to read, the older one said after it, as its table row's « remplace » and the
    # log say (review 26, N1).
    assert line == ("Pertes cumulées : environ 16 000 militaires selon Agence Alpha (depuis octobre 2024 ; "
                    "rapporté le 10 février 2026) — auparavant entre 13 000 et 15 000 (depuis octobre 2024 ; "
                    "rapporté le 11 décembre 2025)"), line


def test_an_actors_running_total_counted_later_replaces_the_counts_before_it(tmp_path):
    archive = scenario("counted-later", tmp_path)
    # Alpha's « depuis octobre 2024 » counted to 14 October, then to 4 December, and the same
    # article recalling its « 18 000 à la mi-octobre » (review 25, H3 and H9): an update, the
    # newer count first, its earlier one beside it, the recall no figure of its own.
    assert findings(archive, "pertes") == [
        ("update", "2025-10-15-a-bilan/pertes-alpha-2024-10--2025-10-14",
         "2025-12-05-b-bilan/pertes-alpha-2024-10--2025-12-04"),
        ("agreement", "2025-12-05-b-bilan/pertes-alpha-2024-10--2025-12-04", "2025-12-05-b-bilan/pertes-beta-2025-11")]
    line = metric_line(archive, "pertes")
    # The two agree: said once, after the last (review 25, §3).
    assert line == ("Pertes cumulées : environ 20 000 militaires selon Agence Alpha (depuis octobre 2024 ; "
                    "déclaré le 4 décembre 2025) — auparavant environ 18 000 (depuis octobre 2024 ; déclaré "
                    "le 14 octobre 2025) ; plus de 19 000 militaires selon Service Beta (fin novembre 2025) — "
                    "concordant, de 2 sources indépendantes"), line
    assert "mi-octobre" not in topic_text(archive)  # a copy of the 14 October count


def test_an_update_runs_from_the_count_that_runs_to_the_earlier_date(tmp_path):
    archive = scenario("update-recalled-month", tmp_path)
    # « environ 24 000 depuis octobre 2024 » said on 29 December, its article recalling « fin
    # novembre, plus de 19 000 »: the 24 000's period starts first, but a running total is
    # counted to the date its period runs to: 19 000, then 24 000, not a fall (review 29).
    (update,) = topic_soup(archive).select("ul.ba-mises-a-jour li")
    assert text_of(update).startswith("Agence Alpha : plus de 19 000 (fin novembre 2025)"), text_of(update)
    assert "puis Agence Alpha : environ 24 000 (depuis octobre 2024" in text_of(update), text_of(update)
    assert findings(archive, "pertes") == [
        ("update", "2025-12-30-a-bilan/pertes-alpha-2025-11-21--2025-11-30",
         "2025-12-30-a-bilan/pertes-alpha-2024-10--2025-12-29")]


def test_an_actors_figure_recalled_about_after_its_exact_one_is_that_statement(tmp_path):
    archive = scenario("recalled-about", tmp_path)
    # « quelque 4 000 », Alpha's 4 000 recalled without a date (review 25, H4): one statement
    # with two articles, neither « inchangé » nor a figure of December.
    text = topic_text(archive)
    assert "inchangé" not in text and "décembre 2025)" not in text.split("Articles")[0], text
    assert "Agence Alpha 4 000 militaires mars 2025 2 articles, une seule origine" in text, text


def test_a_recall_dated_by_its_period_words_leaves_the_statement_to_its_origin(tmp_path):
    archive = scenario("recalled-in-fixed-period", tmp_path)
    # « quelque 11 000 … à l'automne 2024 » recalls Alpha's « 11 000 » of March for the same
    # fixed period (review 26, on review 25's probe): the statement is the origin's, exact,
    # with both articles, not the recall's « environ ».
    line = metric_line(archive, "envoi_initial")
    assert line == ("Envoi initial (octobre 2024) : 11 000 soldats selon Agence Alpha (sans date dans le "
                    "texte ; rapporté le 14 mars 2025)"), line
    assert "2 articles, une seule origine" in topic_text(archive)


def test_a_total_is_read_against_its_own_actors_previous_figure_first(tmp_path):
    archive = scenario("earlier-narrower", tmp_path)
    # Alpha's 10 000, after its 9 000 of 1 December, which its article does not recall; the
    # article recalls Beta's 4 000 « sur les 11 000 déployés initialement » of March (review 26,
    # N1): the box says what the row and the log say, Alpha's previous count, then Beta's.
    line = metric_line(archive, "pertes")
    assert line == ("Pertes cumulées : environ 10 000 militaires selon Agence Alpha (9 décembre 2025) — "
                    "auparavant environ 9 000 (1er décembre 2025) ; 4 000 (« sur les 11 000 déployés "
                    "initialement ») selon Service Beta (mars 2025)"), line


def test_an_actors_earlier_figure_beside_its_newer_one_says_no_parts(tmp_path):
    archive = scenario("earlier-own-parts", tmp_path)
    line = metric_line(archive, "envoyes")
    # Alpha's 22 000, after its 20 000 « dont quelque 9 000 renforts » (review 27, M1): after its
    # own earlier figure, « dont » would read as a part of the newer one.
    assert line == ("Soldats envoyés (total) : environ 22 000 soldats selon Agence Alpha (17 décembre 2025) — "
                    "auparavant environ 20 000 (4 décembre 2025)"), line


def test_an_actors_earlier_figure_comes_before_the_newer_ones_parts(tmp_path):
    archive = scenario("earlier-own-with-parts", tmp_path)
    line = metric_line(archive, "envoyes")
    # Alpha's 22 000 « dont quelque 10 000 renforts », after its 20 000: after the part,
    # « — auparavant environ 20 000 » would read as the reinforcements' previous figure, halved
    # (review 27, W1): the previous total goes with the total's date, before its parts.
    assert line == ("Soldats envoyés (total) : environ 22 000 soldats selon Agence Alpha (17 décembre 2025 ; "
                    "auparavant environ 20 000, 4 décembre 2025), dont environ 10 000 renforts"), line


def test_another_actors_earlier_figure_after_an_own_one_in_the_date_is_recalled(tmp_path):
    scenario("earlier-own-with-parts", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-12-18-a-bilan.md"
    article.write_text(article.read_text(encoding="utf-8").replace("---\n\n", (
        "  - topic: effectifs\n    metric: envoyes\n    value: 12000\n    qualifier: exact\n"
        "    as_of: 2025-03\n    attributed_to: beta\n    quote: \"Beta en comptait 12 000 en mars\"\n---\n\n"
    )).rstrip("\n") + " Beta en comptait 12 000 en mars.\n", encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "envoyes")
    # Alpha's own earlier figure is said in its date (W1): Beta's, which the article sets beside
    # it, is no second « auparavant » after the parts (review 29, J1 on sites w and x).
    assert line == ("Soldats envoyés (total) : environ 22 000 soldats selon Agence Alpha (17 décembre 2025 ; "
                    "auparavant environ 20 000, 4 décembre 2025), dont environ 10 000 renforts — également "
                    "rappelé : 12 000 selon Service Beta (mars 2025)"), line


def test_an_earlier_count_of_the_same_run_in_the_date_opens_no_parenthesis(tmp_path):
    scenario("earlier-own-with-parts", tmp_path)
    articles = tmp_path / "briefings" / "articles"
    for name, day, said in (("2025-12-05-a-bilan.md", "2025-12-04", "jeudi"),
                            ("2025-12-18-a-bilan.md", "2025-12-17", "mercredi")):
        text = (articles / name).read_text(encoding="utf-8")
        text = text.replace(f"    as_of: {day}\n    attributed_to: alpha\n    quote: \"environ", (
            f"    as_of: 2024-10/{day}\n    as_of_words: \"depuis octobre 2024\"\n    stated_on: {day}\n"
            f"    attributed_to: alpha\n    quote: \"environ"), 1)
        if said == "jeudi":
            text = text.replace("    attributed_to: alpha\n    quote: \"environ 20 000",
                                "    attributed_to: alpha\n    hedges: [\"On compte\"]\n    quote: \"environ 20 000")
        (articles / name).write_text(text, encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "envoyes")
    # Alpha's 20 000 and 22 000 both count « depuis octobre 2024 »: the earlier says when it was
    # given, its hedge after a comma, no parenthesis inside the date's (review 29, W1's lines).
    assert line.replace(" ,", ",").replace(" )", ")") == (
        "Soldats envoyés (total) : environ 22 000 soldats selon Agence Alpha (depuis octobre 2024 ; "
        "déclaré le 17 décembre 2025 ; auparavant environ 20 000, déclaré le 4 décembre 2025, avec "
        "réserve : « On compte … »), dont environ 10 000 renforts (17 décembre 2025)"), line


def test_an_actors_counts_of_one_run_are_updated_one_after_the_other(tmp_path):
    archive = scenario("counted-three", tmp_path)
    # 18 000 on 14 October, 20 000 on 4 December, 22 000 on 17 December, the article of the last
    # recalling the first (review 27, M3): two updates, no step from 18 000 to 22 000.
    assert findings(archive, "pertes") == [
        ("update", "2025-10-15-a-bilan/pertes-alpha-2024-10--2025-10-14",
         "2025-12-05-a-bilan/pertes-alpha-2024-10--2025-12-04"),
        ("update", "2025-12-05-a-bilan/pertes-alpha-2024-10--2025-12-04",
         "2025-12-18-b-bilan/pertes-alpha-2024-10--2025-12-17")]


def test_an_actors_previous_figure_comes_before_the_caveats_that_name_others(tmp_path):
    archive = scenario("contradicted-twice", tmp_path)
    line = metric_line(archive, "pertes")
    # After « contesté : … Service Beta (…) », « auparavant environ 9 000 » would read as Beta's
    # (review 27, M2; review 26, N1): its own actor's previous figure comes first.
    assert line == ("Pertes cumulées : environ 10 000 militaires selon Agence Alpha (9 décembre 2025) — "
                    "auparavant environ 9 000 (1er décembre 2025) — contesté : en contradiction avec "
                    "Service Beta (plus de 12 000, fin novembre 2025)"), line


def test_another_actors_earlier_figure_after_the_caveats_is_recalled_not_a_second_auparavant(tmp_path):
    archive = scenario("earlier-after-caveats", tmp_path)
    line = metric_line(archive, "pertes")
    # The article sets Beta's 4 000 beside Alpha's 10 000, which Gamma contradicts: it stays, as the
    # method page says, after the caveat, in words of its own (review 28, J1).
    assert line == ("Pertes cumulées : environ 10 000 militaires selon Agence Alpha (9 décembre 2025) — "
                    "auparavant environ 9 000 (1er décembre 2025) — contesté : en contradiction avec le bureau "
                    "gamma (OG) (plus de 12 000, fin novembre 2025) — également rappelé : 4 000 (« sur les "
                    "11 000 déployés initialement ») selon Service Beta (mars 2025)"), line


def test_a_total_names_its_parts_of_the_same_report(tmp_path):
    archive = scenario("of-which-parts", tmp_path)
    line = metric_line(archive, "pertes")
    # « quelque 6 000 … dont environ 2 000 morts »: the text's « dont » stays on the total
    # (review 22, U1); a part is read by its ``noun`` where its label is no phrase for a sentence.
    assert line.replace(" ,", ",").startswith(
        "Tués ou blessés : environ 6 000 militaires selon Agence Alpha (22 avril 2026) (avec réserve : « … "
        "provisoire … »), dont environ 2 000 tués et environ 4 000 blessés"), line
    assert line.count("provisoire") == 1, line  # the part's hedge is the total's (review 23)


def test_a_part_of_the_same_statement_for_a_period_of_its_own_is_still_counted_in_it(tmp_path):
    scenario("of-which-parts", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2026-04-23-a-bilan.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "    value: 2000\n    as_of: 2026-04-22\n", "    value: 2000\n    as_of: 2025-01/2026-04-22\n"
        "    as_of_words: \"depuis janvier 2025\"\n"), encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "pertes")
    # Alpha's one statement gives its total for one period and the killed for another: the
    # text's « dont » stays (review 23, V1), with the part's own period (review 24).
    assert "dont environ 2 000 tués (depuis janvier 2025) et environ 4 000 blessés" in line, line



def metric_lines(archive, metric: str) -> list[str]:
    """The box line and the current picture's sentence of a metric: its figures, said alike."""
    soup = topic_soup(archive)
    box = soup.select_one(f'.ba-headline-figure[data-metric="{metric}"]')
    return [text_of(box)] + [line for line in lines(soup) if line.startswith("Chiffres les plus récents")]


def test_a_part_stated_with_its_total_does_not_say_their_day_again(tmp_path):
    archive = scenario("stated-total-and-part", tmp_path)
    # « environ 18 000 soldats depuis octobre 2024, dont environ 7 000 renforts arrivés depuis le
    # début de 2025 », said on 4 December: the part says its own period, not that day again
    # (review 25, V1).
    for line in metric_lines(archive, "envoyes_depuis"):
        assert ("environ 18 000 soldats selon Agence Alpha (depuis octobre 2024 ; déclaré le 4 décembre "
                "2026), dont environ 7 000 renforts (depuis le début de 2025)") in line, line
        assert line.count("4 décembre 2026") == 1, line
    # Alone, on its own line, the part says both.
    renforts = metric_line(archive, "renforts")
    assert renforts == ("Renforts : environ 7 000 soldats selon Agence Alpha (depuis le début de 2025 ; "
                        "déclaré le 4 décembre 2026)"), renforts



def test_two_figures_of_a_line_that_agree_say_so_once(tmp_path):
    archive = scenario("stated-total-and-part", tmp_path)
    # Beta's « plus de 17 000 » and Alpha's « environ 18 000 » agree: the box line and the
    # current picture say it once, after the last of them (review 25, §3), not after each.
    for line in metric_lines(archive, "envoyes_depuis"):
        assert line.count("concordant") == 1, line
        assert line.rstrip(" .").endswith("— concordant, de 2 sources indépendantes"), line
    # Each row of the table is a line of its own, and says it.
    rows = [line for line in lines(topic_soup(archive)) if line.startswith(("Agence Alpha environ 18 000",
                                                                            "Service Beta plus de 17 000"))]
    assert len(rows) == 2 and all("concordant, de 2 sources indépendantes" in row for row in rows), rows

def test_a_sum_that_holds_at_the_end_of_a_day_says_it_is_at_that_day(tmp_path):
    text = topic_text(scenario("stated-total-and-part", tmp_path))
    # The reinforcements run to 4 December: the sum is at that day, « au 4 décembre », never
    # « à la fin de 4 décembre » (review 25, §3); a month's end stays « à la fin de février ».
    assert ("leurs chiffres additionnés : environ 18 000 soldats au 4 décembre 2026 (somme calculée "
            "ici des chiffres d'Agence Alpha") in text
    assert "à la fin de 4" not in text

def test_a_total_keeps_its_own_actors_previous_figure_its_text_recalls(tmp_path):
    scenario("earlier-beside", tmp_path)
    (tmp_path / "briefings" / "articles" / "2026-04-20-a-releve.md").write_text(
        "---\nid: 2026-04-20-a-releve\ntitle: t\ndate: 2026-04-20\noutlet: journal-a\ntopics: [effectifs]\n"
        "claims:\n  - topic: effectifs\n    metric: armes\n    value: 14000\n    qualifier: about\n"
        "    as_of: 2026-04-15\n    attributed_to: alpha\n    quote: \"Alpha compte désormais environ 14 000 armes\"\n"
        "  - topic: effectifs\n    metric: armes\n    value: 10000\n    qualifier: about\n    as_of: 2026-02\n"
        "    attributed_to: alpha\n    quote: \"contre environ 10 000 en février\"\n"
        "  - topic: effectifs\n    metric: armes\n    value: 12000\n    qualifier: more_than\n    as_of: 2026-03\n"
        "    attributed_to: beta\n    quote: \"Beta en comptait plus de 12 000 en mars\"\n---\n\n"
        "Alpha compte désormais environ 14 000 armes, contre environ 10 000 en février. Beta en comptait "
        "plus de 12 000 en mars.\n", encoding="utf-8")
    line = metric_line(scenario_reloaded(tmp_path), "armes")
    # The text recalls Alpha's own February figure and Beta's of March: the box keeps both, its
    # own actor's first (review 23, V3), not only another actor's.
    # Its own actor is not named again in the clause (review 24); its own earlier figure says
    # no part « dont », which a reader would count in the newer one (review 27, M1).
    assert ("environ 14 000 unités selon Agence Alpha (15 avril 2026) — auparavant environ 10 000 "
            "(10 février 2026, corrigé à la baisse) ; plus de 12 000 selon Service Beta (3 mars 2026)"
            ) in line.replace(" ,", ","), line
