"""The data files for analysts: on the site and from `briefing export`."""

import csv
import io
import json

from generator.render.export import CLAIM_COLUMNS


def read_claims(site):
    text = (site / "data" / "claims.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_site_carries_every_claim_and_article(built_site, archive):
    rows = read_claims(built_site)
    claim_ids = [a.claim_id(c) for a in archive.articles for c in a.claims]
    assert tuple(rows[0]) == CLAIM_COLUMNS
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
