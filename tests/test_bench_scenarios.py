"""bench/scenarios.py's expectation checker, on small HTML strings (the measurement itself,
on the held-out scenario archives, is a benchmark: it never fails a test)."""

from __future__ import annotations

import sys

from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
import scenarios as bench  # noqa: E402  (bench/scenarios.py)

TOPIC = """<html><body><article>
<div class="ba-headline-block"><p>Tués ou blessés : 2\u202f300 soldats
selon l’OCL (avril 2025) — contesté</p></div>
<h2 id="etat-actuel">État actuel</h2>
<h3 id="etat-tues">Tués</h3><p>Chiffre le plus récent : 2\u00a0300 (début avril 2025)</p>
<h3 id="etat-blesses">Blessés</h3><p>800</p>
<h2 id="graphiques">Graphiques</h2><p>Non attribué</p>
</article></body></html>"""

LOG = """<html><body><article><ul class="ba-log-list">
<li>avril 2025 — Tués : 2 300 (correction ; auparavant 2 800)</li>
<li>mars 2025 — Tués : 2 800 (en hausse ; auparavant 1 500)</li>
</ul></article></body></html>"""


def outcomes(expectation: dict, html: str) -> list[tuple[str, bool]]:
    path, kind, metric = bench.page_of(expectation["where"])
    texts = bench.region_texts(html, kind, metric)
    return [(o.expectation, o.met) for o in bench.check(expectation, texts)]


def test_spaces_and_apostrophes_of_any_width_read_as_one():
    assert bench.visible("2\u202f300 selon l’OCL\n x") == "2 300 selon l'OCL x"


def test_capitals_are_ignored():
    got = outcomes({"where": "headline:pertes", "contains": ["CONTESTÉ", "Selon l'ocl"]}, TOPIC)
    assert [met for _, met in got] == [True, True]


def test_order_is_a_subsequence_not_first_occurrences():
    html = ("<article><ul class='ba-log-list'><li>dépassé par : B</li><li>A</li><li>B</li>"
            "</ul></article>")
    assert outcomes({"where": "journal", "order": ["A", "B"]}, html)[0][1]
    assert not outcomes({"where": "journal", "order": ["B", "A", "B", "A"]}, html)[0][1]


def test_contains_and_absent_look_only_in_their_place():
    got = outcomes({"where": "picture:pertes:tues", "contains": ["2 300", "début avril 2025"],
                    "absent": ["800", "Non attribué"]}, TOPIC)
    assert [met for _, met in got] == [True, True, True, True]
    got = outcomes({"where": "headline:pertes", "contains": ["selon l'OCL", "dépassé"]}, TOPIC)
    assert [met for _, met in got] == [True, False]


def test_a_missing_place_fails_what_must_be_seen():
    got = outcomes({"where": "contradictions:pertes", "contains": ["contre"], "absent": ["x"]}, TOPIC)
    assert [met for _, met in got] == [False, True]


def test_order_count_and_line_selection_in_the_log():
    assert outcomes({"where": "journal", "order": ["2 300", "1 500"]}, LOG) == [
        ("in order: « 2 300 » → « 1 500 »", True)]
    assert not outcomes({"where": "journal", "order": ["en hausse", "correction"]}, LOG)[0][1]
    assert outcomes({"where": "journal", "count": {"containing": "2 800", "equals": 2}}, LOG)[0][1]
    got = outcomes({"where": "journal", "line": "2 300", "contains": ["correction"],
                    "absent": ["en hausse"]}, LOG)
    assert [met for _, met in got] == [True, True]
    got = outcomes({"where": "journal", "line": "9 999", "contains": ["correction"]}, LOG)
    assert [met for _, met in got] == [False]


def test_every_heldout_scenario_has_articles_and_well_formed_expectations():
    import yaml

    places = {"headline", "picture", "contradictions", "charts", "home", "page", "journal"}
    keys = {"where", "contains", "absent", "order", "count", "line", "why"}
    found = bench.scenarios()
    assert len(found) >= 10
    for scenario in found:
        assert list(scenario.glob("*.md")), scenario.name
        expected = yaml.safe_load((scenario / "expected.yml").read_text("utf-8"))
        assert expected["rule"] and expected["expect"], scenario.name
        for entry in expected["expect"]:
            assert set(entry) <= keys and entry["why"], (scenario.name, entry)
            assert entry["where"].partition(":")[0] in places, (scenario.name, entry)
