"""The data files for analysts: on the site and from `briefing export`."""

import csv
import io
import json

from generator.render.export import CLAIM_COLUMNS, CSV_COLUMNS


def read_claims(site):
    text = (site / "data" / "claims.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_site_carries_every_claim_and_article(built_site, archive):
    rows = read_claims(built_site)
    claim_ids = [a.claim_id(c) for a in archive.articles for c in a.claims]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert sorted(r["claim_id"] for r in rows) == sorted(claim_ids)
    claims = json.loads((built_site / "data" / "claims.json").read_text())
    assert [c["claim_id"] for c in claims] == [r["claim_id"] for r in rows]
    articles = json.loads((built_site / "data" / "articles.json").read_text())
    assert [a["id"] for a in articles] == [a.id for a in archive.articles]
    assert sum(len(a["claims"]) for a in articles) == len(claim_ids)
    assert all((built_site / a["page"]).exists() for a in articles)


def test_claim_rows_of_the_fixture(fixture_site):
    rows = read_claims(fixture_site)
    jcs_4000 = [r for r in rows if r["value"] == "4000"]
    assert {r["claim_id"] for r in jcs_4000} == {
        "2025-03-inconnu-3000-soldats-supplementaires/killed_or_wounded-jcs-2025-03",
        "2025-03-inconnu-renforts-et-drones-ia/killed_or_wounded-jcs-2025-03"}
    assert all(r["actor_name"] == "Comité des chefs d'état-major interarmées (JCS)" for r in jcs_4000)
    claims = json.loads((fixture_site / "data" / "claims.json").read_text())
    disputing = [c for c in claims if c["disputes"]]
    assert disputing[0]["disputes"] == [
        "date-inconnue-missiles-kn-23-budanov/withdrawal_reported-international_media-2025-01"]


def test_every_code_in_the_csv_has_its_french_words_beside_it(fixture_site):
    rows = read_claims(fixture_site)
    assert [c for c in CSV_COLUMNS if c.endswith("_fr")] == [
        "topic_fr", "metric_fr", "event_fr", "qualifier_fr", "as_of_precision_fr",
        "article_date_fr", "outlet_fr"]
    assert all(CSV_COLUMNS.index(f"{code}_fr") == CSV_COLUMNS.index(code) + 1
               for code in ("topic", "qualifier", "outlet"))
    at_most = next(r for r in rows if r["qualifier"] == "at_most")
    assert at_most["qualifier_fr"] == "jusqu'à"
    unknown = next(r for r in rows if r["outlet"] == "unknown")
    assert unknown["outlet_fr"] == "Média non identifié"
    undated = next(r for r in rows if r["article_date"] == "unknown")
    assert undated["article_date_fr"] == "date inconnue"
    bfmtv = next(r for r in rows if r["article_id"] == "2024-12-23-bfmtv-pertes-nord-coreennes")
    assert (bfmtv["article_date_fr"], bfmtv["outlet_fr"]) == ("23 décembre 2024", "BFMTV")
    troops = next(r for r in rows if r["topic"] == "troops" and r["as_of_precision"] == "month")
    assert (troops["topic_fr"], troops["as_of_precision_fr"]) == ("Troupes", "mois")
    assert all(r["metric_fr"] for r in rows if r["metric"])
    assert all(r["event_fr"] for r in rows if r["event"])
    # Every code of a coded column has its words; the JSON keeps the codes alone.
    assert all(r[f"{code}_fr"] for r in rows for code in ("topic", "qualifier", "outlet")
               if r[code])
    claims = json.loads((fixture_site / "data" / "claims.json").read_text())
    assert tuple(claims[0]) == CLAIM_COLUMNS
    # Said where the columns are described: the Données page and LISEZMOI.txt.
    assert "qualifier_fr" in (fixture_site / "donnees.html").read_text(encoding="utf-8")
    assert "qualifier_fr" in (fixture_site / "data" / "LISEZMOI.txt").read_text(encoding="utf-8")
