"""`briefing new` as a contributor uses it: raw scraped text in, a draft to confirm out."""

import subprocess
from pathlib import Path

import pytest

from helpers import BIN, briefing, make_project

# The five raw scraped articles the archive started from (copied from shared/seeds).
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, keep_articles=False)


def draft_of(project: Path, seed: str) -> tuple[Path, str]:
    result = briefing(["new", str(SEEDS / seed)], project)
    assert result.returncode == 0, result.stderr
    path = project / result.stdout.split(":")[0].removeprefix("wrote ")
    return path, path.read_text(encoding="utf-8")


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_debris_is_taken_out_and_listed_for_confirmation(project):
    path, text = draft_of(project, "002_6d26b8eed05513dc.txt")
    body = body_of(text)
    assert path.name == "date-inconnue-excelsior-la-coree-du-nord-deploie.md"
    assert 'title: "La Corée du Nord déploie des troupes supplémentaires en Russie, selon Séoul"' in text
    for debris in ("Nous recommandons", "Avec des informations de l'AFP", "ORP", "excelsior"):
        assert debris not in body
        assert debris in text.split("claims:")[0]  # listed under cleaning
    assert "## Soldats nord-coréens en Russie\n\nLa Corée du Nord a renforcé" in body
    assert "outlet: excelsior" in text and "wire: afp" in text


def test_repeated_line_paywall_and_metadata_prefix(project):
    _, first = draft_of(project, "000_65e4f877623b0830.txt")
    assert body_of(first).count("conclu en juin 2024 un traité") == 1
    assert "Ligne répétée plus loin" in first
    _, paywalled = draft_of(project, "004_125bc9ff60828318.txt")
    assert "abonnez-vous" not in body_of(paywalled) and not body_of(paywalled).rstrip().endswith("Plus")
    assert "- Environ 11 000 soldats nord-coréens ont été déployés" in body_of(paywalled)
    assert 'title: "La Corée du Nord renforce ses liens avec la Russie' in paywalled
    assert "La Corée du Nord renforce ses liens" not in body_of(paywalled)
    _, dated = draft_of(project, "001_3d3f816af3be707c.txt")
    assert "date: 2025-03" in dated
    assert body_of(dated).lstrip().startswith("L'armée sud-coréenne a indiqué ce jeudi")
    _, bfm = draft_of(project, "003_359b8381138046ac.txt")
    assert "outlet: bfmtv" in bfm and "« lundi 23 décembre »" in bfm


def test_candidate_claims_carry_number_unit_and_sentence(project):
    texts = "".join(draft_of(project, seed.name)[1] for seed in SEED_FILES)
    for expected in ("#   value: 3000\n  #   qualifier: exact",
                     "#   value: 1100\n  #   qualifier: about",
                     "#   value: 220\n  #   qualifier: about",
                     "#   value: 150\n  #   qualifier: at_least",
                     "#   low: 10000\n  #   high: 12000\n  #   qualifier: range",
                     "# - topic:              # missiles balistiques"):
        assert expected in texts
    assert '#   quote: "Plus de 1 000 soldats nord-coréens ont été tués ou blessés' in texts


def test_a_completed_draft_passes_check(project):
    path, text = draft_of(project, "003_359b8381138046ac.txt")
    path.write_text(text.replace("topics: []", "topics: [casualties]"), encoding="utf-8")
    result = briefing(["check"], project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 articles, 0 claims")


def test_an_incomplete_draft_fails_check_with_the_line_to_fix(project):
    path, _ = draft_of(project, "003_359b8381138046ac.txt")
    result = briefing(["check"], project)
    assert result.returncode == 1
    assert f"briefings/articles/{path.name}:9:9: topics: needs at least 1 item(s)" in result.stderr


def test_never_overwrites_and_reads_standard_input(project):
    path, text = draft_of(project, "003_359b8381138046ac.txt")
    again = briefing(["new", str(SEEDS / "003_359b8381138046ac.txt")], project)
    assert again.returncode == 1 and "already exists: it was not changed" in again.stderr
    assert path.read_text(encoding="utf-8") == text
    piped = subprocess.run([str(BIN / "briefing"), "new", "-"], cwd=project, capture_output=True,
                           text=True, input="Un titre\n\nLa Corée du Nord a envoyé 300 soldats.\n")
    assert piped.returncode == 0, piped.stderr
    assert (project / "briefings" / "articles" / "date-inconnue-inconnu-un-titre.md").exists()
