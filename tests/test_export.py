"""The data files for analysts: on the site and from `briefing export`."""

import csv
import io
import json

from generator.export import CLAIM_COLUMNS
from generator.load import load_archive
from helpers import REPO, briefing

ARCHIVE = load_archive(REPO / "briefings", root=REPO)
CLAIM_COUNT = sum(len(a.claims) for a in ARCHIVE.articles)


def test_site_carries_claims_and_articles(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "claims.csv").read_text())))
    assert len(rows) == CLAIM_COUNT
    assert tuple(rows[0]) == CLAIM_COLUMNS
    jcs_4000 = [r for r in rows if r["value"] == "4000"]
    assert {r["claim_id"] for r in jcs_4000} == {
        "2025-03-inconnu-3000-soldats-supplementaires/killed_or_wounded-jcs-2025-03",
        "2025-03-inconnu-renforts-et-drones-ia/killed_or_wounded-jcs-2025-03"}
    assert all(r["actor_name"] == "Comité des chefs d'état-major interarmées (JCS)" for r in jcs_4000)
    claims = json.loads((built_site / "data" / "claims.json").read_text())
    assert [c["claim_id"] for c in claims] == [r["claim_id"] for r in rows]
    disputing = [c for c in claims if c["disputes"]]
    assert disputing[0]["disputes"] == [
        "date-inconnue-missiles-kn-23-budanov/withdrawal_reported-international_media-2025-01"]
    articles = json.loads((built_site / "data" / "articles.json").read_text())
    assert [a["id"] for a in articles] == [a.id for a in ARCHIVE.articles]
    assert sum(len(a["claims"]) for a in articles) == CLAIM_COUNT
    assert all((built_site / a["page"]).exists() for a in articles)


def test_cli_export_writes_the_same_files(tmp_path, built_site):
    result = briefing(["export", str(tmp_path / "out")], REPO)
    assert result.returncode == 0, result.stderr
    for name in ("claims.csv", "claims.json", "articles.json"):
        assert (tmp_path / "out" / name).read_bytes() == (built_site / "data" / name).read_bytes()
