"""The « Journal des mises à jour » (derive/changelog.py, render/pages/log.py): each dated
change, newest first, with the figure it replaces; repeats and provisions left out; the same
entries in the site's feed and each topic's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from test_scenarios import scenario

from generator.derive.analysis import derive_from_bodies
from generator.read.load import load_archive
from generator.render.pages import PageBuilder

ATOM = "{http://www.w3.org/2005/Atom}"


def log_page(builder: PageBuilder) -> list[str]:
    (page,) = [p for p in builder.all_pages() if p.path == "journal/index.md"]
    items = BeautifulSoup(page.content, "html.parser").select(".ba-log-list li")
    return [re.sub(r"\s+", " ", item.get_text(" ")).replace(" ,", ",").replace("’", "'").strip()
            for item in items]


def scenario_log(name: str, tmp_path: Path) -> list[str]:
    """The log's lines of a scenario archive, built in ``tmp_path``."""
    return log_page(PageBuilder.from_archive(scenario(name, tmp_path)))


def feed_titles(builder: PageBuilder, path: str) -> list[str]:
    (feed,) = [a for a in builder.all_assets() if a.path == path]
    return [re.sub(r"\s+", " ", entry.find(f"{ATOM}title").text).replace("’", "'")
            for entry in ET.fromstring(feed.content).iter(f"{ATOM}entry")]


def test_a_new_figure_is_logged_with_the_one_it_replaces_and_a_repeat_is_not(tmp_path):
    builder = PageBuilder.from_archive(scenario("repeats", tmp_path))
    lines = log_page(builder)
    assert [line.split(" (")[0] for line in lines] == [
        "13 mars 2025 — Effectifs : Pertes cumulées : 4 000 selon Agence Alpha",
        "23 décembre 2024 — Effectifs : Pertes cumulées : environ 1 100 selon Agence Alpha",
        "23 décembre 2024 — Effectifs : Canons et lance-roquettes livrés : jusqu'à 120"]
    # Known on 23 December, for 2024: the period the text gives stands in the line.
    assert "jusqu'à 120 (2024) selon Service Beta" in lines[2]
    assert "(en hausse ; auparavant environ 1 100, 23 décembre 2024)" in lines[0]
    assert lines[0].endswith("( Journal A, 13 mars 2025 )")  # its source, linked
    assert not any("Non attribué" in line or "sans source" in line for line in lines)  # the repeat
    expected = [line.split(" (")[0] for line in lines]
    for path in ("journal/flux.xml", "sujets/effectifs-journal.xml"):
        assert [t.split(" (")[0] for t in feed_titles(builder, path)] == expected


def test_a_change_is_logged_when_it_became_known_with_its_period_in_its_words(tmp_path):
    builder = PageBuilder.from_archive(scenario("report-dates", tmp_path))
    # A plan for 2025 stated « fin janvier » and a background figure for October 2024 reported
    # on 10 February are January's and February's news, not 2025's or October's.
    assert [line.split(" ( Journal")[0] for line in log_page(builder)] == [
        "5 mars 2025 — Effectifs : Soldats présents : jusqu'à 8 000 selon Service Beta",
        "10 février 2025 — Effectifs : Premier contingent : 11 000 (octobre 2024) selon Service Beta",
        "fin janvier 2025 — Effectifs : Livraisons prévues : au moins 150 (2025) selon Agence Alpha"]
    # « fin janvier 2025 » gives no day: the entry is dated by the last day of the month it
    # was surely known by, never by the month's first day, which no text gives.
    for path in ("journal/flux.xml", "sujets/effectifs-journal.xml"):
        (feed,) = [a for a in builder.all_assets() if a.path == path]
        updated = [entry.find(f"{ATOM}updated").text[:10]
                   for entry in ET.fromstring(feed.content).iter(f"{ATOM}entry")]
        assert updated == ["2025-03-05", "2025-02-10", "2025-01-31"], path


def test_an_event_the_text_dates_only_by_its_statement_has_that_date_on_every_page(tmp_path):
    # « a déclaré lundi » in Tuesday's article, no date of the event itself: the log places it
    # on Monday, and the topic page's box, facts list and register say that same day.
    builder = PageBuilder.from_archive(scenario("event-stated", tmp_path))
    assert any(line.startswith("7 avril 2025 — Effectifs : Retour signalé") for line in log_page(builder))
    (page,) = [p for p in builder.all_pages() if p.path == "sujets/effectifs.md"]
    soup = BeautifulSoup(page.content, "html.parser")
    box = re.sub(r"\s+", " ", soup.select_one(".ba-headline-figure").get_text(" "))
    assert box.endswith("— depuis : retour signalé selon Agence Alpha (déclaré le 7 avril 2025)")
    (fact,) = [re.sub(r"\s+", " ", li.get_text(" ")) for li in soup.select(".ba-timeline li")]
    assert fact.startswith("déclaré le 7 avril 2025 — Retour signalé selon Agence Alpha")
    assert "8 avril" not in box + fact.split(" ( Journal A")[0]
    (register,) = [p for p in builder.all_pages() if p.path == "sujets/effectifs-registre.md"]
    assert "déclaré le 7 avril 2025" in BeautifulSoup(register.content, "html.parser").get_text(" ")


def test_a_correction_is_logged_as_a_correction_not_a_fall(tmp_path):
    lines = scenario_log("running-totals", tmp_path)
    (correction,) = [line for line in lines if line.startswith("3 mai 2025")]
    # A running total given lower later by the same actor is corrected, not fallen: the
    # method page's word (« correction »).
    assert "(correction à la baisse ; auparavant 4 000" in correction, correction
    assert "en baisse" not in correction


def test_a_bound_given_lower_by_its_actor_is_logged_as_lower_not_revised(tmp_path):
    scenario("ceiling-below", tmp_path)
    # Alpha's ceiling for April, lower than its March one: a level's update, « en baisse ».
    (tmp_path / "briefings" / "articles" / "2025-04-20-a-plafond.md").write_text(
        "---\nid: 2025-04-20-a-plafond\ntitle: t\ndate: 2025-04-20\noutlet: journal-a\n"
        "topics: [effectifs]\nclaims:\n  - topic: effectifs\n    metric: presents\n"
        "    value: 4000\n    qualifier: at_most\n    as_of: 2025-04\n    attributed_to: alpha\n"
        "    quote: \"jusqu'à 4 000 soldats en avril selon Alpha\"\n---\n\n"
        "Il y aurait jusqu'à 4 000 soldats en avril selon Alpha.\n", encoding="utf-8")
    lines = log_page(PageBuilder.from_archive(load_archive(tmp_path / "briefings")))
    (update,) = [line for line in lines if line.startswith("20 avril 2025")]
    assert "(en baisse ; auparavant jusqu'à 6 000" in update.replace("’", "'"), update


def test_a_feed_entry_links_to_the_published_page_of_its_source(tmp_path):
    builder = PageBuilder.from_archive(scenario("repeats", tmp_path))
    for path in ("journal/flux.xml", "sujets/effectifs-journal.xml"):
        (feed,) = [a for a in builder.all_assets() if a.path == path]
        links = [BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser").a["href"]
                 for entry in ET.fromstring(feed.content).iter(f"{ATOM}entry")]
        assert links and all(re.fullmatch(r"\.\./articles/[\w-]+\.html#claim-[\w-]+", link)
                             for link in links), links


def test_provisions_are_not_logged_and_events_are(tmp_path):
    builder = PageBuilder.from_archive(scenario("provisions", tmp_path))
    lines = log_page(builder)
    assert [line.split(" ( Journal")[0] for line in lines] == [
        "1er mars 2025 — Effectifs : Visite officielle (janvier 2025), selon Agence Alpha"]


def test_what_nothing_dates_is_logged_last_under_date_inconnue(tmp_path):
    builder = PageBuilder.from_archive(scenario("undated-log", tmp_path))
    (page,) = [p for p in builder.all_pages() if p.path == "journal/index.md"]
    soup = BeautifulSoup(page.content, "html.parser")
    heading = soup.find("h2", id="date-inconnue")
    assert heading is not None and heading.get_text() == "Date inconnue"
    before = heading.find_all_previous("li")
    after = [re.sub(r"\s+", " ", li.get_text(" ")) for li in heading.find_all_next("li")]
    assert [re.sub(r"\s+", " ", li.get_text(" ")).split(" (")[0] for li in before] == [
        "10 février 2025 — Effectifs : Soldats présents : jusqu’à 8 000"]
    # An undated article's figure and event, with no date of their own: known all the same.
    assert sorted(line.split(" ( Journal")[0] for line in after) == [
        "date inconnue — Effectifs : Absence signalée, selon Service Beta",
        "date inconnue — Effectifs : Pertes cumulées : environ 300 selon Service Beta"]
    intro = re.sub(r"\s+", " ", soup.p.get_text())  # the intro says where they are
    assert "sous « Date inconnue »" in intro
    assert len(feed_titles(builder, "journal/flux.xml")) == 3


STOCKS_TOPIC = """stocks:
  title: "Stocks"
  description: "Un second sujet, après le premier."
  metrics:
    obus:
      label: "Obus livrés"
      unit: "obus"
      kind: total
      scope: "Obus de tout calibre"
"""

STOCKS_ARTICLE = """---
id: date-inconnue-c-stocks
title: "date-inconnue-c-stocks"
date: unknown
outlet: journal-b
topics: [stocks]
claims:
  - topic: stocks
    metric: obus
    value: 5000
    qualifier: about
    attributed_to: alpha
    quote: "environ 5 000 obus livrés"
---

Alpha compte environ 5 000 obus livrés.
"""


def test_what_nothing_dates_follows_the_site_s_order(tmp_path):
    scenario("undated-order", tmp_path)
    folder = tmp_path / "briefings"
    with (folder / "topics.yml").open("a", encoding="utf-8") as topics:
        topics.write(STOCKS_TOPIC)
    (folder / "articles" / "date-inconnue-c-stocks.md").write_text(STOCKS_ARTICLE, encoding="utf-8")
    builder = PageBuilder.from_archive(load_archive(folder, root=tmp_path))
    lines = [line.split(" ( Journal")[0] for line in log_page(builder)]
    # No date orders them: topic by topic as the site lists them, then, within a topic, its
    # figures metric by metric as its page shows them (not as the article gives them), then
    # its events.
    assert lines == [
        "10 février 2025 — Effectifs : Soldats présents : jusqu'à 8 000 (février 2025) selon Agence Alpha",
        "date inconnue — Effectifs : Pertes cumulées : environ 300 selon le bureau gamma (OG)",
        "date inconnue — Effectifs : Soldats présents : environ 2 000 selon Service Beta",
        "date inconnue — Effectifs : Absence signalée, selon Service Beta",
        "date inconnue — Stocks : Obus livrés : environ 5 000 selon Agence Alpha"]
    (page,) = [p for p in builder.all_pages() if p.path == "journal/index.md"]
    said = re.sub(r"\s+", " ", BeautifulSoup(page.content, "html.parser").get_text(" "))
    assert "elles suivent l'ordre du site : sujet par sujet" in said.replace("’", "'")
    # The feed lists them in the same order.
    assert [title.split(" : ")[0] for title in feed_titles(builder, "journal/flux.xml")][-4:] == [
        "date inconnue — Effectifs", "date inconnue — Effectifs", "date inconnue — Effectifs",
        "date inconnue — Stocks"]


def test_the_real_log_is_newest_first_and_holds_every_statement_once():
    archive = load_archive(Path(__file__).parent.parent / "briefings")
    analysis = derive_from_bodies(archive)
    keys = [entry.sort_key for entry in analysis.log if entry.when is not None]
    assert keys == sorted(keys, reverse=True)
    # What nothing dates comes last, topic by topic in the site's order.
    known = [entry.when is not None for entry in analysis.log]
    assert known == sorted(known, reverse=True)
    topics = [list(archive.topics).index(e.topic_id) for e in analysis.log if e.when is None]
    assert topics == sorted(topics)
    repeats = {claim_id for b in analysis.briefings.values() for claim_id in b.repeats}
    logged = [entry.statement.claim_id for entry in analysis.log]
    assert len(logged) == len(set(logged))
    said = {(e.statement.claim.event, e.statement.actor, e.statement.claim.as_of): e.statement
            for e in analysis.log if e.statement.claim.event}
    for briefing in analysis.briefings.values():
        events = briefing.topic.events
        for statement in (s for m in briefing.metrics for s in m.statements):
            assert statement.claim_id in logged, statement.claim_id  # undated ones too
        for statement in (s for s in briefing.timeline if events[s.claim.event].kind == "event"):
            # Every event, once: as its actor first said it for its period.
            first = said[(statement.claim.event, statement.actor, statement.claim.as_of)]
            assert statement.claim_id in logged or (
                first.known_on is not None and (statement.known_on is None or
                                                first.known_on.sort_key() <= statement.known_on.sort_key())
            ), statement.claim_id
    for entry in analysis.log:
        assert entry.statement.claim_id not in repeats
        # Under « Date inconnue » only when no text dates the statement itself; a line names
        # each source that may have made it known as early as its own.
        assert entry.when is not None or not any(e.dates_statement for e in entry.statement.entries)
        named = {id(entry.source), *map(id, entry.early_sources)}
        for group in entry.statement.sources:
            assert any(id(e) in named for e in group) or all(
                e.article.date is not None and e.article.date != entry.source.article.date
                for e in group), entry.statement.claim_id
        if entry.supersedes is not None:
            assert entry.supersedes.actor == entry.statement.actor
            assert entry.supersedes.claim.metric == entry.statement.claim.metric


def test_a_contested_figure_is_logged_with_who_contests_it(tmp_path):
    lines = log_page(PageBuilder.from_archive(scenario("naming", tmp_path / "a")))
    (front,) = [line for line in lines if "Effectifs : Soldats présents" in line]
    # The event that contradicts it is by Gamma, named as « selon … » names it
    assert ("Soldats présents : jusqu'à 8 000 (fin janvier 2025) selon Agence Alpha — avec réserve : « Il semble … » — "
            "en contradiction avec le bureau gamma (OG) (absence signalée, depuis la mi-janvier 2025)") in front
    lines = log_page(PageBuilder.from_archive(scenario("disputed-by", tmp_path / "b")))
    (front,) = [line for line in lines if "Effectifs : Soldats présents" in line]
    # Gamma's figure disputes an unattributed claim, which names its article; the claim is
    # disputed by Gamma, and neither is « en contradiction » (no rule found one).
    assert ("contredit une autre information : visite officielle, selon un article sans source "
            "citée (Journal A, 5 février 2025) (rapporté le 5 février 2025)") in front
    (visit,) = [line for line in lines if "Effectifs : Visite officielle" in line]
    assert "contesté : contredit par le bureau gamma (OG) (soldats présents : jusqu'à 8 000" in visit
    assert not any("contradiction" in line for line in lines)


def test_a_figure_of_an_undated_article_relayed_later_stays_undated(tmp_path):
    builder = PageBuilder.from_archive(scenario("undated-relayed", tmp_path))
    # Relayed on 3 April as « une précédente estimation »: first said when no one knows, not
    # news of 3 April; the line links the undated article, which may have been first, and
    # not the relay, known to be later.
    assert log_page(builder) == [
        "date inconnue — Effectifs : Pièces à longue portée livrées : environ 200 selon le bureau "
        "gamma (OG) — avec réserve : « Selon certaines informations … », « … aurait livré … » "
        "( Journal B, date inconnue )"]
    assert feed_titles(builder, "journal/flux.xml")[0].startswith("date inconnue")


def test_an_event_its_actor_says_again_is_no_change(tmp_path):
    lines = scenario_log("event-restated", tmp_path)
    # Alpha says the visit in December, again in February (no change: not logged), and one for
    # April in March (another period: logged); Beta says it in March (another actor: logged).
    assert [line.split(" (")[0] for line in lines] == [
        "20 mars 2025 — Effectifs : Visite officielle",
        "13 mars 2025 — Effectifs : Visite officielle, selon Service Beta",
        "23 décembre 2024 — Effectifs : Visite officielle, selon Agence Alpha"]


def test_real_log_lines_are_dated_when_known_and_name_the_period_they_are_for(archive):
    from generator.render.format import date_fr, reported_fr

    builder = PageBuilder.from_archive(archive)
    entries = builder.analysis.log
    lines = log_page(builder)
    for entry, line in zip(entries, lines, strict=False):
        known = entry.known
        if known is None:
            assert line.startswith("date inconnue — "), line
            continue
        label = known.stated_words or date_fr(known.stated)
        event = archive.event_of(entry.statement.claim)
        if event is not None and event.stance and not known.dates_statement:  # not taken that day
            assert line.startswith(f"{reported_fr(known.stated).replace('’', chr(39))} — "), line
            label = line.split(" — ")[0]
        assert line.startswith(f"{label.replace('’', chr(39))} — "), line
        claim = entry.statement.claim
        # A period no text gives (its metric's scope's) is named in the metric's label only:
        # not shown beside the line's date, as if the text gave it. What it says beyond the
        # line's date follows, the date not said again.
        period = claim.as_of_words or (date_fr(claim.as_of) if claim.as_of else "")
        if period.startswith(f"{label},"):
            period = period[len(label) + 1:].strip()
            assert f"({label}" not in line, line
        if period and period != label:
            assert f"({period.replace('’', chr(39))})" in line, line
        assert "sans date dans le texte" not in line.split(" — ")[1], line


def test_an_earlier_figure_its_actor_recalls_beside_a_newer_one_is_not_logged_again(tmp_path):
    lines = scenario_log("relayed-beside-newer", tmp_path)
    renforts = [line for line in lines if "Renforts" in line]
    assert [line.split(" — ")[0] for line in renforts] == ["3 avril 2025", "date inconnue"]
    assert "(en hausse ; auparavant environ 3 000, date inconnue)" in renforts[0]


def test_a_statement_relayed_with_its_date_links_the_undated_article_that_may_be_first(tmp_path):
    lines = scenario_log("relayed-stated", tmp_path)
    # Both copies say Gamma spoke in January; the relay of 3 April is known to be later, the
    # undated article may be the original: the line links it.
    assert lines == ["janvier 2025 — Effectifs : Canons livrés : jusqu'à 120 (décembre 2024) selon "
                     "le bureau gamma (OG) ( Journal B, date inconnue )"]


def test_a_relays_month_does_not_take_the_place_of_the_day_a_first_article_reported(tmp_path):
    lines = scenario_log("relay-month-of-report", tmp_path)
    # Alpha's figure, reported on 23 December, is recalled nine months later as said « en
    # décembre dernier »: it was known on the 23rd, from the first article (review 16, S1).
    assert lines == ["23 décembre 2024 — Effectifs : Pertes cumulées : environ 1 100 selon Agence Alpha "
                     "( Journal A, 23 décembre 2024 )"], lines


def test_a_log_line_shows_the_hedges_of_the_text_it_links(tmp_path):
    lines = scenario_log("same-day-copies-hedged", tmp_path)
    # Two copies of one dispatch on one day, the first by id cutting Alpha's hedge: the line
    # links the one that holds it (review 16, S2). Beta's plain figure of 13 March, hedged by
    # a relay of the 14th: the line links the first text, which has no hedge, and shows none.
    assert sorted(lines) == sorted([
        "25 septembre 2025 — Effectifs : Pertes cumulées : environ 2 000 selon Agence Alpha — avec "
        "réserve : « … n'exclut pas que ce bilan soit sous-estimé … » ( Journal B, 25 septembre 2025 )",
        "13 mars 2025 — Effectifs : Pertes cumulées : environ 1 000 selon Service Beta "
        "( Journal A, 13 mars 2025 )"]), lines


def test_a_period_that_is_the_statements_date_is_not_said_twice(tmp_path):
    lines = scenario_log("log-stated-period", tmp_path)
    # « En avril, Alpha évaluait à 4 700 »: for April, said in April (review 16, W2).
    assert lines == ["en avril 2025 — Effectifs : Pertes cumulées : 4 700 selon Agence Alpha "
                     "( Journal A, 25 septembre 2025 )"], lines


def test_an_undated_event_its_text_says_was_stated_later_is_logged_again(tmp_path):
    lines = scenario_log("event-stated-again", tmp_path)
    # Neither text dates the visit; the second says Alpha stated it on 11 December: a new
    # statement, not the February one said again (review 18, R1).
    assert [line.split(" (")[0].split(" , ")[0] for line in lines] == [
        "11 décembre 2025 — Effectifs : Visite officielle, selon Agence Alpha",
        "10 février 2025 — Effectifs : Visite officielle, selon Agence Alpha"], lines


def test_a_line_dated_by_a_later_text_names_the_earlier_report_too(tmp_path):
    lines = scenario_log("dated-by-a-later-text", tmp_path)
    # Journal B dates Beta's figure (« à la fin de l'année dernière »); Journal A reported it
    # first, in February: both are named (review 18, N2).
    assert lines == ["à la fin de l'année 2024 — Effectifs : Pertes cumulées : plus de 1 000 selon "
                     "Service Beta ( Journal B, 11 décembre 2025 ; Journal A, 10 février 2025 )"], lines


def test_a_position_names_who_takes_it_not_a_source(tmp_path):
    builder = PageBuilder.from_archive(scenario("stance", tmp_path))
    # Kappa is not the source of « ni confirmée ni démentie »: it is the one who neither
    # confirms nor denies. Alpha's visit is an event Alpha reports.
    assert sorted(line.split(" (")[0] for line in log_page(builder)) == [
        "23 décembre 2024 — Effectifs : Visite officielle, selon Agence Alpha",
        "rapporté le 23 décembre 2024 — Effectifs : Présence ni confirmée ni démentie par le gouvernement Kappa"]
    (page,) = [p for p in builder.all_pages() if p.path == "sujets/effectifs.md"]
    text = re.sub(r"\s+", " ", BeautifulSoup(page.content, "html.parser").get_text(" "))
    assert "Présence ni confirmée ni démentie par le gouvernement Kappa : « le gouvernement" in text
    assert "selon le gouvernement Kappa" not in text



def test_a_figure_says_which_earlier_figures_it_agrees_with_or_differs_from(tmp_path):
    lines = scenario_log("agreement", tmp_path)
    # Beta's figures of 28 March come after Alpha's of 13 March for the same periods: its
    # reinforcements agree, its losses diverge. Alpha's lines, first, say neither.
    renforts = [line for line in lines if "Renforts" in line]
    assert "concorde avec : 3 000 selon Agence Alpha (janvier 2025 – février 2025)" in renforts[0]
    pertes = [line for line in lines if "Pertes cumulées" in line]
    assert "estimations divergentes : 4 000 selon Agence Alpha (mars 2025)" in pertes[0]
    alpha = [line for line in lines if line.startswith("13 mars 2025")]
    assert len(alpha) == 3 and not any("concorde" in line or "diverge" in line for line in alpha)


def test_a_figure_agrees_in_the_log_with_each_actors_latest_figure_only(tmp_path):
    (newest, *_) = scenario_log("agree-replaced", tmp_path)
    # Alpha replaced its 20 000 by 22 000 before Beta's 24 000: the log names the 22 000 only
    # (review 29).
    assert "concorde avec : environ 22 000 selon Agence Alpha" in newest, newest
    assert "20 000" not in newest, newest


def test_two_figures_of_one_day_that_agree_say_so_once_on_the_lower_line(tmp_path):
    lines = [line for line in scenario_log("alike-hedged", tmp_path) if "11 000" in line]
    # Alpha's and Beta's « environ 11 000 », known the same day: neither was known before the
    # other, yet the reader meets both; the line below says they agree (review 28).
    assert [("concorde avec" in line) for line in lines] == [False, True], lines
    assert "concorde avec : environ 11 000 selon Service Beta" in lines[1], lines


def test_a_floor_raised_by_its_actor_is_logged_as_a_rise(tmp_path):
    (newest, _) = scenario_log("update-same-run-floor", tmp_path)
    # « plus de 13 000 », then « plus de 14 000 » of the same run: the figures each announces
    # overlap, but the floor itself rose (review 30: no « en hausse » where the text says so).
    assert "plus de 14 000 (depuis l'été 2023) selon Agence Alpha (en hausse ; auparavant plus de 13 000" in newest, newest


def test_a_level_recalled_later_at_its_month_is_that_statement(tmp_path):
    lines = scenario_log("level-recalled-month", tmp_path)
    # « contre 12 000 en décembre », Gamma's figure of 22 December recalled in January: no entry
    # of its own, and no « inchangé » on the 22 December line from a statement never made
    # (review 31, misleading).
    assert len(lines) == 2, lines
    assert lines[-1].startswith("23 décembre 2025 — Effectifs : Soldats présents : environ 12 000 (22 décembre "
                                "2025) selon le bureau gamma (OG) ("), lines
    assert "inchangé" not in lines[-1] and "en hausse ; auparavant environ 12 000, 22 décembre 2025" in lines[0]


def test_a_log_line_agrees_or_diverges_only_with_figures_current_when_it_was_known(tmp_path):
    (newest, *_) = scenario_log("agree-replaced-since", tmp_path)
    # Beta's 25 000 of 14 January: Alpha had replaced its 24 000 and its 19 000 by then (review
    # 32: the HUR's 19 000, replaced twice, still « divergent » in the log).
    assert newest.startswith("14 janvier 2026 — Effectifs : Soldats envoyés (total) : environ 25 000"), newest
    assert "concorde avec" not in newest and "19 000" not in newest, newest
    assert "estimations divergentes : plus de 26 000 selon Agence Alpha" in newest, newest


def test_figures_of_one_origin_agree_but_are_not_called_independent_in_the_log(tmp_path):
    from test_synthesis import scenario_reloaded

    scenario("shared-origins", tmp_path)
    (tmp_path / "briefings" / "articles" / "2025-02-12-b-contingent.md").unlink()  # Beta's
    lines = log_page(PageBuilder.from_archive(scenario_reloaded(tmp_path)))
    # Cellule Alpha-Delta reports Alpha's assessments: its agreeing figure is no confirmation.
    assert ("selon Cellule Alpha-Delta — concorde avec : environ 2 900 selon Agence Alpha "
            "(octobre 2024) (sources non indépendantes)") in lines[0]


def test_a_statement_known_by_a_date_at_the_latest_is_logged_at_that_date(tmp_path):
    lines = scenario_log("log-interval", tmp_path)
    # Beta spoke at some time from October to the end of January: newest first, it stands with
    # January's end, before Alpha's 23 December, not among October's entries.
    assert [line.split(" — ")[0] for line in lines] == [
        "fin janvier 2025", "au plus tard fin janvier 2025", "23 décembre 2024"]


def test_a_period_is_not_said_again_when_it_is_the_entry_s_date(tmp_path):
    lines = scenario_log("log-period-words", tmp_path)
    # The words the period adds to the entry's date stay; the date is said once. A period
    # other than the date stays whole.
    assert [line.split(" ( Journal")[0] for line in lines] == [
        "fin janvier 2025 — Effectifs : Visite officielle (décembre 2024), selon le bureau gamma (OG)",
        "au plus tard fin janvier 2025 — Effectifs : Visite officielle (avant la déclaration "
        "du chef de Beta), selon Agence Alpha"]

def test_a_dated_position_is_logged_on_its_own_date(tmp_path):
    builder = PageBuilder.from_archive(scenario("stance-dated", tmp_path))
    # A position (stance: true) is its statement: the date its text gives it (as_of) is when
    # it became known, in the text's words, said once. An event that is not a position is
    # known on its article's day, its period in parentheses.
    assert [line.split(" ( Journal")[0] for line in log_page(builder)] == [
        "29 avril 2025 — Effectifs : Visite officielle (20 avril 2025), selon Agence Alpha",
        "28 avril 2025 — Effectifs : Présence reconnue par le gouvernement Kappa",
        "mi-mars 2025 — Effectifs : Présence reconnue par l'état-major de Kappalie"]
    for path in ("journal/flux.xml", "sujets/effectifs-journal.xml"):
        (feed,) = [a for a in builder.all_assets() if a.path == path]
        updated = [entry.find(f"{ATOM}updated").text[:10]
                   for entry in ET.fromstring(feed.content).iter(f"{ATOM}entry")]
        # « mi-mars » is known by the 20th at the latest, not the month's end.
        assert updated == ["2025-04-29", "2025-04-28", "2025-03-20"], path


def test_a_statement_a_later_article_dates_is_logged_at_that_date_with_its_sources(tmp_path):
    lines = scenario_log("relayed-dated-later", tmp_path)
    # An undated article reports Gamma's 300; a later one says Gamma gave it « en janvier »:
    # one statement, made in January, which the undated copy cannot have reported earlier.
    # It keeps its line, at that date, naming both articles (and the undated one's hedge).
    assert lines == [
        "30 avril 2025 — Effectifs : Pertes cumulées : environ 600 selon le bureau gamma (OG) "
        "(en hausse ; auparavant environ 300, janvier 2025) ( Journal A, 30 avril 2025 )",
        "janvier 2025 — Effectifs : Pertes cumulées : environ 300 selon le bureau gamma (OG) — "
        "avec réserve : « … premières estimations … » ( Journal A, 30 avril 2025 ; Journal B, "
        "date inconnue )"]


def test_a_part_of_a_month_said_in_words_is_logged_where_the_words_place_it(tmp_path):
    lines = scenario_log("log-part-of-month", tmp_path)
    # « mi-avril » is before 28 April, whatever its month's end; « fin avril » is known by the
    # 30th at the latest, like the month: newest first, each dated in the text's words.
    assert [line.split(" ( ")[0] for line in lines] == [
        "fin avril 2025 — Effectifs : Visite officielle, selon le bureau gamma (OG)",
        "28 avril 2025 — Effectifs : Visite officielle, selon Service Beta",
        "mi-avril 2025 — Effectifs : Visite officielle, selon Agence Alpha"]


def test_a_hedged_event_is_logged_with_its_hedge(tmp_path):
    lines = scenario_log("hedged-event", tmp_path)
    # An inference the text hedges (« laissent croire ») is not stated flatly in the log.
    assert lines == ["5 mars 2025 — Effectifs : Visite officielle, selon Agence Alpha — avec "
                     "réserve : « … laissent croire … » ( Journal A, 5 mars 2025 )"]


def test_figures_one_day_brings_that_diverge_say_so_on_both_lines(tmp_path):
    builder = PageBuilder.from_archive(scenario("same-report-totals", tmp_path))
    lines = [line for line in log_page(builder) if "sans source" not in line]
    # Beta's « environ 4 000 » and Alpha's « plus de 5 000 », both reported on 8 April: neither
    # came second, so each line says it, as the topic's box does.
    assert [line.split(" ( ")[0] for line in lines] == [
        "8 avril 2025 — Effectifs : Soldats envoyés (total) : environ 4 000 selon Service Beta — "
        "estimations divergentes : plus de 5 000 selon Agence Alpha (rapporté le 8 avril 2025)",
        "8 avril 2025 — Effectifs : Soldats envoyés (total) : plus de 5 000 selon Agence Alpha — "
        "estimations divergentes : environ 4 000 selon Service Beta (rapporté le 8 avril 2025)"]
    # Each links the topic page's section on that divergence, which is there.
    (page,) = [p for p in builder.all_pages() if p.path == "journal/index.md"]
    links = BeautifulSoup(page.content, "html.parser").select(".ba-log-list a.ba-divergent")
    assert [a["href"] for a in links] == ["../sujets/effectifs.html#divergences-envoyes"] * 2
    (topic,) = [p for p in builder.all_pages() if p.path == "sujets/effectifs.md"]
    assert BeautifulSoup(topic.content, "html.parser").find(id="divergences-envoyes") is not None
    assert [t.split(" ( ")[0] for t in feed_titles(builder, "journal/flux.xml")
            if "sans source" not in t] == [line.split(" ( ")[0] for line in lines]


def test_a_figure_one_text_gives_without_its_qualifier_is_one_statement_not_a_revision(tmp_path):
    lines = scenario_log("qualifier-dropped", tmp_path)
    # An undated article: Alpha « jusqu'à 8 000 » fin janvier; one of 16 May: Alpha « évaluait
    # encore ce nombre à 8 000 » fin janvier (recorded `exact`). One statement, logged once
    # (linking the undated article, which may have been first; the later one is a relay),
    # never « révisé ; auparavant 8 000 ».
    assert lines == [
        "16 mai 2025 — Effectifs : Soldats présents : environ 3 000 (13 mai 2025) selon Agence "
        "Alpha (en baisse ; auparavant jusqu'à 8 000, fin janvier 2025) ( Journal A, 16 mai 2025 )",
        "fin janvier 2025 — Effectifs : Soldats présents : jusqu'à 8 000 selon Agence Alpha "
        "( Journal B, date inconnue )"]


def test_a_qualifier_alone_changed_is_logged_as_unchanged(tmp_path):
    scenario("qualifier-dropped", tmp_path)
    article = tmp_path / "briefings" / "articles" / "2025-05-16-a-baisse.md"
    # The plain 8 000 now for February: another period, another figure, the same number.
    article.write_text(article.read_text(encoding="utf-8").replace(
        "value: 8000\n    qualifier: exact\n    as_of: 2025-01\n    as_of_words: \"fin janvier 2025\"\n"
        "    stated_on: 2025-01\n    stated_words: \"fin janvier 2025\"",
        "value: 8000\n    qualifier: exact\n    as_of: 2025-02\n    stated_on: 2025-02"
    ).replace("Fin janvier, Alpha", "En février, Alpha"), encoding="utf-8")
    lines = log_page(PageBuilder.from_archive(load_archive(tmp_path / "briefings")))
    (february,) = [line for line in lines if line.startswith("février 2025")]
    assert "(inchangé ; auparavant jusqu'à 8 000, fin janvier 2025)" in february, february
    assert "révisé" not in february


def test_an_undated_event_is_not_merged_into_a_dated_one_it_may_not_report(tmp_path):
    lines = scenario_log("event-dated-apart", tmp_path)
    # Alpha says « jeudi » 15 May (article of 16 May) that the visit goes on; another article of
    # 16 May reports it without a date: one statement. An undated article's hedged report of
    # the same kind may be of any time: its own line, with its own hedges, under « Date
    # inconnue »; the 15 May statement's line carries none of them.
    assert lines == [
        "16 mai 2025 — Effectifs : Visite officielle (15 mai 2025), selon Agence Alpha "
        "( Journal A, 16 mai 2025 ; Journal B, 16 mai 2025 )",
        "date inconnue — Effectifs : Visite officielle, selon Agence Alpha — avec réserve : "
        "« Selon certaines informations … », « … aurait annoncé … » ( Journal B, date inconnue )"]


def test_a_new_figure_within_the_old_one_has_no_word_and_one_beyond_it_moved(tmp_path):
    lines = scenario_log("update-within", tmp_path)
    present = next(line for line in lines if "environ 5 000" in line)
    weapons = next(line for line in lines if "environ 250" in line)
    # « environ 5 000 » lies within « entre 5 000 et 6 000 »: no « révisé », which the method
    # keeps for figures that cannot both hold (review 20, S4); « environ 250 » after « environ
    # 220 » rose, though « environ » lets the two overlap (review 21, T2).
    assert "(auparavant entre 5 000 et 6 000, 11 décembre 2025)" in present, present
    assert "(en hausse ; auparavant environ 220, mars 2025)" in weapons, weapons


def test_an_event_that_happens_once_told_again_is_not_logged_again(tmp_path):
    lines = scenario_log("event-once", tmp_path)
    assert len(lines) == 1 and lines[0].startswith("23 décembre 2024 — Effectifs : Entrée en vigueur"), lines
    # The line links the December article: the period as it gives it, not the later day (review 22, U2).
    assert "(début décembre 2024)" in lines[0] and "4 décembre" not in lines[0], lines


def test_a_position_no_text_dates_is_logged_as_reported_that_day(tmp_path):
    lines = scenario_log("position-restated", tmp_path)
    # « a toujours démenti », reported on 1 September, was not taken that day (review 20, P3).
    assert lines[0].startswith("rapporté le 1er septembre 2025 — Effectifs : Bilans démentis par "
                               "l'état-major de Kappalie"), lines
    assert lines[1].startswith("lundi 14 juillet 2025 — Effectifs : Bilans démentis"), lines


def test_a_running_total_counted_later_is_logged_after_the_month_its_text_recalls(tmp_path):
    lines = scenario_log("counted-later", tmp_path)
    # « environ 20 000 … depuis octobre 2024 », said on 4 December, after « quelque 18 000 à la
    # mi-octobre » (review 25, H3): a rise from the 14 October count, the recall one with it.
    assert lines[1] == ("4 décembre 2025 — Effectifs : Pertes cumulées : environ 20 000 (depuis octobre "
                        "2024) selon Agence Alpha (en hausse ; auparavant environ 18 000, depuis octobre "
                        "2024 ; déclaré le 14 octobre 2025) ( Journal B, 5 décembre 2025 )"), lines
    assert len(lines) == 3, lines
    assert not any("baisse" in line or "auparavant environ 20 000" in line for line in lines), lines


def test_a_lines_agreement_with_a_source_that_is_not_independent_stays_said_once_replaced(tmp_path):
    """Alpha's 11 000 of March agrees with Alpha-Delta's « plus de 10 000 », a cell that
    includes Alpha: the March line says « (sources non indépendantes) », and still says it
    once Alpha has given a newer figure (review 25, §3: the note left the line when a new
    article's claim arrived) or an independent source has agreed since."""
    lines = scenario_log("log-agreement-not-current", tmp_path / "a")
    march = [line for line in lines if line.startswith("13 mars 2025")]
    assert march == ["13 mars 2025 — Effectifs : Envoi initial (octobre 2024) : 11 000 selon Agence Alpha — "
                     "concorde avec : plus de 10 000 selon Cellule Alpha-Delta (sans date dans le texte ; "
                     "rapporté le 1er mars 2025) (sources non indépendantes) ( Journal A, 13 mars 2025 )"], lines
    scenario("log-agreement-not-current", tmp_path / "b")
    articles = tmp_path / "b" / "briefings" / "articles"
    (articles / "2026-12-05-a-initial.md").unlink()
    (articles / "2025-04-02-b-initial.md").write_text(
        "---\nid: 2025-04-02-b-initial\ntitle: t\ndate: 2025-04-02\noutlet: journal-b\ntopics: [effectifs]\n"
        "claims:\n  - topic: effectifs\n    metric: envoi_initial\n    value: 11000\n    qualifier: about\n"
        "    attributed_to: beta\n    quote: \"environ 11 000 soldats\"\n---\n\nBeta compte environ 11 000 soldats.\n",
        encoding="utf-8")
    lines = log_page(PageBuilder.from_archive(load_archive(tmp_path / "b" / "briefings", root=tmp_path / "b")))
    march = [line for line in lines if line.startswith("13 mars 2025")]
    assert len(march) == 1 and "(sources non indépendantes)" in march[0], lines
    beta = [line for line in lines if line.startswith("2 avril 2025")]
    assert len(beta) == 1 and "concorde avec" in beta[0] and "non indépendantes" not in beta[0], lines


def test_an_actor_contradicting_a_line_twice_is_named_once(tmp_path):
    lines = scenario_log("contradicted-twice", tmp_path)
    # Beta's « plus de 12 000 » of late November against Alpha's two later, lower counts
    # (review 26, N4): Alpha named once, its figures after it, the label said once.
    assert lines[1].endswith("— en contradiction avec Agence Alpha (pertes cumulées : environ 9 000, 1er "
                             "décembre 2025 ; environ 10 000, 9 décembre 2025) ( Journal B, 3 décembre 2025 )"), lines
