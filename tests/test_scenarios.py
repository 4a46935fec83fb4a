"""Each comparison rule on a scenario archive written for it (tests/fixtures/scenarios):
read and validated like real content, then derived and rendered as a reader sees it."""

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import FIXTURES

from generator.derive.analysis import derive_from_bodies
from generator.read.load import load_archive
from generator.render.export import data_files
from generator.render.pages import PageBuilder

SCENARIOS = FIXTURES / "scenarios"


def scenario(name: str, tmp_path: Path):
    """The scenario's articles with the shared registries, or a registry of its own where the
    scenario has one (relations between metrics the other scenarios do not declare)."""
    folder = tmp_path / "briefings"
    (folder / "articles").mkdir(parents=True)
    for meta in ("topics.yml", "actors.yml", "outlets.yml"):
        own = SCENARIOS / name / meta
        shutil.copy(own if own.exists() else SCENARIOS / meta, folder / meta)
    for article in (SCENARIOS / name).glob("*.md"):
        shutil.copy(article, folder / "articles" / article.name)
    return load_archive(folder, root=tmp_path)


def findings(archive, metric: str) -> list[tuple[str, str, str]]:
    """(finding, first claim id, second claim id) for a metric, oldest first."""
    (briefing,) = derive_from_bodies(archive).briefings.values()
    chosen = next(m for m in briefing.metrics if m.metric_id == metric)
    return [(p.finding, p.first.claim_id, p.second.claim_id) for p in chosen.findings]


def topic_soup(archive) -> BeautifulSoup:
    """The scenario topic's page content."""
    (page,) = [p for p in PageBuilder.from_archive(archive).all_pages() if p.path == "sujets/effectifs.md"]
    return BeautifulSoup(page.content, "html.parser")


def topic_text(archive) -> str:
    return re.sub(r"\s+", " ", topic_soup(archive).get_text(" ")).replace("’", "'")


def test_running_totals_rise_by_update_and_never_fall(tmp_path):
    archive = scenario("running-totals", tmp_path)
    assert findings(archive, "pertes") == [
        ("update", "2025-01-10-a-pertes/pertes-alpha-2025-01", "2025-03-05-a-pertes/pertes-alpha-2025-03"),
        ("contradiction", "2025-03-05-a-pertes/pertes-alpha-2025-03", "2025-04-02-b-pertes/pertes-beta-2025-04"),
        ("correction", "2025-03-05-a-pertes/pertes-alpha-2025-03",
         "2025-05-03-a-correction/pertes-alpha-2025-05"),
    ]  # the undated repeat of « environ 1 100 » in March contradicts nothing
    text = topic_text(archive)
    assert "rapporté le 20 mars 2025" in text
    assert "Chiffre le plus récent : 3 000 militaires selon Agence Alpha (mai 2025)" in text
    # Its section is named by the method page's word (review 17, W4).
    headings = [h.get_text(" ", strip=True) for h in topic_soup(archive).select("h3")]
    assert "Corrections par une même source\xa0: Pertes cumulées" in headings, headings
    assert not [h for h in headings if h.startswith("Révisions")], headings


def test_levels_change_over_time_and_disagree_only_for_the_same_period(tmp_path):
    archive = scenario("levels", tmp_path)
    assert findings(archive, "presents") == [
        ("update", "2025-01-12-a-presents/presents-alpha-2025-01",
         "2025-03-14-a-presents/presents-alpha-2025-03"),
        ("contradiction", "2025-03-14-a-presents/presents-alpha-2025-03",
         "2025-03-15-b-presents/presents-beta-2025-03-13"),
    ]


def test_a_month_is_its_whole_month(tmp_path):
    archive = scenario("month-end", tmp_path)
    # March overlaps the 31st (a contradiction) but not 16 April (no comparison between
    # actors; Beta's own later figure is an update).
    assert findings(archive, "presents") == [
        ("contradiction", "2025-03-02-a-mars/presents-alpha-2025-03",
         "2025-04-01-b-fin-mars/presents-beta-2025-03-31"),
        ("update", "2025-04-01-b-fin-mars/presents-beta-2025-03-31",
         "2025-04-17-b-avril/presents-beta-2025-04-16")]
    ordered = [e.claim_id for e in sorted(
        (e for b in derive_from_bodies(archive).briefings.values() for e in b.statements), key=lambda s: s.sort_key)]
    assert ordered.index("2025-03-02-a-mars/presents-alpha-2025-03") < \
        ordered.index("2025-04-01-b-fin-mars/presents-beta-2025-03-31")


def test_same_actor_same_date_keeps_both_figures(tmp_path):
    archive = scenario("same-actor-same-date", tmp_path)
    ids = ["2025-03-21-a-deux-chiffres/note", "2025-03-21-a-deux-chiffres/porte-parole"]
    assert findings(archive, "presents") == [("revision", *ids)]
    (briefing,) = derive_from_bodies(archive).briefings.values()
    picture = briefing.metrics[1].picture
    assert sorted(s.claim_id for s in picture.latest) == ids
    text = topic_text(archive)
    assert "3 000 soldats selon Agence Alpha (20 mars 2025) ; 5 000 soldats selon Agence Alpha" in text


def test_qualifiers_decide_one_way_across_and_within_actors(tmp_path):
    archive = scenario("qualifiers", tmp_path)
    # « environ 3 000 » admits 3 200, for anyone: two actors agree, one actor is not revised
    assert findings(archive, "presents") == [
        ("agreement", "2025-03-10-a-environ/environ", "2025-03-12-b-plancher/exact"),
        ("agreement", "2025-03-12-b-plancher/exact", "2025-03-10-a-environ/exact")]
    # « au moins 5 000 » admits 8 000 but announces about 5 000: they differ, both may hold
    assert findings(archive, "prevus") == [
        ("divergence", "2025-03-12-b-plancher/plancher", "2025-03-14-a-prevus/prevus-alpha-2025")]
    text = topic_text(archive)
    assert "au moins 5 000 missiles selon Service Beta (2025)" in text
    assert not re.search(r"de [\d  ]+ à", text)  # no range is made of one-sided bounds


def test_a_ceiling_and_a_figure_far_below_it_diverge_and_do_not_agree(tmp_path):
    archive = scenario("ceiling-below", tmp_path)
    # « jusqu'à 6 000 » allows 3 000, but announces a figure near 6 000: a reader told the two
    # agree would believe the agencies confirm each other.
    assert [finding for finding, _, _ in findings(archive, "presents")] == ["divergence"]
    soup = topic_soup(archive)
    box = soup.select_one(".ba-headline-block").get_text(" ")
    assert "estimations divergentes" in box
    assert "concordant" not in box and "confirmé" not in box
    # Like « contesté », the words link to the section that lists the divergence.
    (link,) = {a["href"] for a in soup.select(".ba-headline-block a.ba-divergent")}
    assert link.endswith("#divergences-presents") and soup.find(id="divergences-presents")


def test_two_actors_undated_totals_in_one_article_diverge_others_of_that_day_do_not(tmp_path):
    archive = scenario("same-report-totals", tmp_path)
    # One article sets Alpha's « plus de 5 000 » beside Beta's « environ 4 000 », neither dated:
    # they diverge. Another article's undated figure of that day may be old: nothing.
    assert findings(archive, "envoyes") == [
        ("divergence", "2025-04-08-a-bilans/envoyes-alpha", "2025-04-08-a-bilans/envoyes-beta")]
    box = topic_soup(archive).select_one(".ba-headline-block").get_text(" ")
    assert "estimations divergentes" in box


def test_a_figure_dated_on_its_articles_day_diverges_from_one_it_reports_beside_it(tmp_path):
    archive = scenario("same-report-dated", tmp_path)
    # Alpha's « environ 600 », dated by « mercredi » (the article's day), and Beta's undated
    # « environ 2 000 » of the same article: two running totals set side by side, a factor of
    # three apart. Gamma's undated « environ 300 » in another article may be old: nothing.
    assert findings(archive, "pertes") == [
        ("divergence", "2025-04-30-a-bilans/pertes-alpha-2025-04-30", "2025-04-30-a-bilans/pertes-beta")]
    # Near its day: Kappa's figure of « lundi dernier » beside the staff's undated one.
    assert findings(archive, "armes") == [
        ("divergence", "2025-05-12-c-semaine/armes-kappa-2025-05-05", "2025-05-12-c-semaine/armes-kappa_staff")]
    box = re.sub(r"\s+", " ", topic_soup(archive).select_one(".ba-headline-block").get_text(" "))
    assert "environ 600 militaires selon Agence Alpha (30 avril 2025) — estimations divergentes" in box
    text = topic_text(archive)
    assert "Estimations divergentes (les deux peuvent être vraies) : Pertes cumulées" in text
    assert "estimations divergentes : environ 2 000 selon Service Beta" in text


def test_copies_of_one_dispatch_count_once(tmp_path):
    archive = scenario("wire-copies", tmp_path)
    data = json.loads(data_files(archive, derive_from_bodies(archive))["data/analysis.json"])
    (statement,) = data["statements"]
    assert len(statement["claim_ids"]) == 3 and statement["independent_sources"] == 2
    text = topic_text(archive)
    # Independence counts origins: three copies from two dispatches are still one source.
    assert "3 articles, 2 textes distincts, une seule origine :" in text
    assert "sources indépendantes" not in text
    assert "Registre des affirmations (1)" in text


def test_an_event_denying_a_metric_contradicts_it_in_the_same_period(tmp_path):
    archive = scenario("event-against-metric", tmp_path)
    assert findings(archive, "presents") == [
        ("contradiction", "2025-02-10-a-absents/absents-alpha-2025-01-15--2025-02",
         "2025-02-03-b-front/fin-janvier"),
        # Beta's « jusqu'à 8 000 » then 5 000: what it announces fell, an update.
        ("update", "2025-02-03-b-front/fin-janvier", "2025-02-03-b-front/mars")]


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.iterdir() if p.is_dir()))
def test_analysis_names_claims_that_exist(tmp_path, name):
    archive = scenario(name, tmp_path)
    known = {a.claim_id(c) for a in archive.articles for c in a.claims}
    data = json.loads(data_files(archive, derive_from_bodies(archive))["data/analysis.json"])
    named = {i for s in data["statements"] for i in s["claim_ids"]}
    for topic in data["topics"]:
        for metric in topic["metrics"]:
            for finding in metric["findings"]:
                named |= set(finding["first"]) | set(finding["second"])
    assert named <= known and {i for s in data["statements"] for i in s["claim_ids"]} == known


def analysis_metric(archive, metric: str) -> dict:
    data = json.loads(data_files(archive, derive_from_bodies(archive))["data/analysis.json"])
    (topic,) = data["topics"]
    return next(m for m in topic["metrics"] if m["metric"] == metric)


def test_the_data_carry_every_status_the_pages_show(tmp_path):
    archive = scenario("front", tmp_path / "front")
    assert "en contradiction avec" in topic_text(archive)
    (status,) = analysis_metric(archive, "presents")["current"]["statuses"]
    assert status["contested"] and status["contradicted_by"] == [
        ["2025-02-10-a-absents/absents-alpha-2025-01-15--2025-02"]]
    assert status["superseded_by"] and status["hedges"] == ["Il semble"]
    archive = scenario("older-parts", tmp_path / "older")
    older = analysis_metric(archive, "contingent")["current"]["statuses"][0]["older_than"]
    assert older == [{"metric": "envoyes", "claim_ids": ["2025-03-13-a-total/envoyes-alpha-2025-03"]}]
    archive = scenario("outdated-by-own", tmp_path / "outdated")
    (renforts,) = analysis_metric(archive, "renforts")["current"]["statuses"]
    assert renforts["outdated_by"] == [
        {"metric": "envoyes", "claim_ids": ["2025-04-08-b-nouveau-bilan/envoyes-beta-2025-04-08"]}]
    archive = scenario("earlier-beside", tmp_path / "earlier")
    earlier = {s["claim_ids"][0]: s["earlier_beside"]
               for s in analysis_metric(archive, "armes")["current"]["statuses"]}
    assert earlier["2026-03-04-a-hausse/armes-beta-2026-03-03"] == [
        ["2026-02-10-b-estimation/armes-alpha-2026-02-10", "2026-03-04-a-hausse/armes-alpha-2026-02"]]
    archive = scenario("undated-parts", tmp_path / "undated")
    derived = analysis_metric(archive, "envoyes")["derived"]
    assert (derived["qualifier"], derived["value"], derived["dating"]) == ("about", 3000, "undated")
    archive = scenario("fixed-period", tmp_path / "fixed")
    current = analysis_metric(archive, "envoi_initial")["current"]
    (period_range,) = current["ranges"]
    assert period_range["agree"] and period_range["bounds"] == [["2025-02-10-b-envoi/envoi_initial-beta"]]
    assert {s["confirmations"] for s in current["statuses"]} == {3}
    # « confirmé » where the figures are one figure; « concordant » where a range of one
    # actor only allows the other's.
    archive = scenario("agreement", tmp_path / "agreement")
    statuses = analysis_metric(archive, "renforts")["current"]["statuses"]
    assert statuses and {s["same_figure"] for s in statuses} == {True}
    archive = scenario("range-restated", tmp_path / "restated")
    statuses = analysis_metric(archive, "renforts")["current"]["statuses"]
    assert statuses and {s["same_figure"] for s in statuses} == {False}


def test_a_short_dispatch_run_by_three_outlets_is_one_source_linked_from_each_copy(tmp_path):
    archive = scenario("short-dispatch", tmp_path)  # 41 words: under MIN_SHARED sampled shingles
    text = topic_text(archive)
    assert "3 articles, un même texte, une seule origine :" in text
    pages = {p.path: p for p in PageBuilder.from_archive(archive).all_pages()}
    for article in archive.articles:
        page = BeautifulSoup(pages[f"articles/{article.id}.md"].content, "html.parser")
        same = page.select_one(".ba-same-story")
        assert same is not None and "La même dépêche ailleurs" in same.get_text(), article.id
        assert len(same.select("li")) == 2


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.iterdir() if p.is_dir()))
def test_no_link_stands_inside_another_on_any_page(name, tmp_path):
    # HTML forbids <a> in <a>: a browser closes the first link where the second opens, and
    # what follows (« (fin mars 2025) ») falls outside both.
    archive = scenario(name, tmp_path)
    for page in PageBuilder.from_archive(archive).all_pages():
        nested = BeautifulSoup(page.content, "html.parser").select("a a")
        assert not nested, (page.path, [str(a.parent)[:200] for a in nested])
