"""The comparison rules' worked examples (generator/derive/rules.py EXAMPLES, also on the
method page), each run through the real derivation: statements from a small archive."""

import pytest

from generator.derive import conflicts
from generator.derive.ledger import ledger, statements
from generator.derive.rules import EXAMPLES, ValueInterval, of_its_day, value_interval
from generator.model import Actor, Archive, Article, Claim, Topic, parse_date_interval


def topic(kind: str) -> Topic:
    return Topic.model_validate({"id": "t", "title": "T", "description": "d", "metrics": {
        "m": {"label": "M", "unit": "u", "kind": kind, "scope": "s"}}})


def article(article_id: str, date: str, claim: dict) -> Article:
    return Article.model_validate({"id": article_id, "title": "t", "date": date, "outlet": "x",
                                   "topics": ["t"], "claims": [claim], "body": "b",
                                   "source": f"{article_id}.md"})


def claim_of(actor: str, when: str, qualifier: str, value: int) -> tuple[dict, str]:
    """A claim from an example's tuple; 'rapporté 2025-03' means no as_of, article of 2025-03."""
    reported = when.removeprefix("rapporté ")
    claim = {"topic": "t", "metric": "m", "value": str(value), "qualifier": qualifier,
             "attributed_to": actor, "quote": "q"}
    if reported == when:
        claim["as_of"] = when
        reported = "2026-01-01"  # reported later than any example's date
    return claim, reported


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.why[:60])
def test_worked_example(example):
    articles = []
    for index, (actor, when, qualifier, value) in enumerate((example.first, example.second)):
        claim, reported = claim_of(actor, when, qualifier, value)
        articles.append(article(f"a{index}", reported, claim))
    archive = Archive(topics={"t": topic(example.kind)},
                      actors={a: Actor(id=a, name=a) for a in ("a", "b", "x")},
                      outlets={}, articles=tuple(articles))
    found = conflicts.compare_metric(statements(ledger(archive)), example.kind)
    assert [pair.finding for pair in found] == ([example.finding] if example.finding else [])


@pytest.mark.parametrize("qualifier, expected", [
    ("exact", ValueInterval(3000, 3000)),
    ("about", ValueInterval(2700, 3300)),
    ("at_least", ValueInterval(3000, float("inf"))),
    ("more_than", ValueInterval(3001, float("inf"))),
    ("at_most", ValueInterval(0, 3000)),
])
def test_qualifiers_are_intervals(qualifier, expected):
    claim = Claim.model_validate({"topic": "t", "metric": "m", "value": "3000", "qualifier": qualifier,
                                  "attributed_to": "a", "quote": "q"})
    interval = value_interval(claim)
    assert (round(interval.low), interval.high if interval.high == float("inf") else round(interval.high)) \
        == (expected.low, expected.high)


@pytest.mark.parametrize("kind", ["total", "level"])
def test_a_limited_search_keeps_exactly_the_most_recent_findings(kind):
    import random

    rng = random.Random(7)
    articles = []
    for index in range(120):
        month = rng.randint(1, 12)
        as_of = f"2025-{month:02d}" if rng.random() < 0.5 else f"2025-{month:02d}-{rng.randint(1, 28):02d}"
        claim = {"topic": "t", "metric": "m", "value": str(rng.randint(1, 40) * 100),
                 "qualifier": rng.choice(["exact", "about", "at_least", "at_most"]),
                 "as_of": as_of, "attributed_to": rng.choice(["jcs", "nis", "hur"]), "quote": "q"}
        articles.append(article(f"a{index}", "2026-01-01", claim))
    archive = Archive(topics={"t": topic(kind)},
                      actors={a: Actor(id=a, name=a) for a in ("jcs", "nis", "hur")},
                      outlets={}, articles=tuple(articles))
    merged = statements(ledger(archive))
    everything = conflicts.compare_metric(merged, kind)
    limited = conflicts.compare_metric(merged, kind, limit=5)
    expected = [pair for pair in everything
                if pair in [p for p in everything if p.finding == pair.finding][-5:]]
    assert [(p.finding, p.first.claim_id, p.second.claim_id) for p in limited] == \
        [(p.finding, p.first.claim_id, p.second.claim_id) for p in expected]
    assert len(everything) > len(limited)


def test_the_method_page_works_every_example_with_invented_actors_only():
    """The method page's table is the examples' table, and no real agency stands in it with
    a figure it never gave."""
    from pathlib import Path

    from generator.derive.rules import EXAMPLE_ACTORS

    page = (Path(__file__).parent.parent / "docs" / "methode.md").read_text(encoding="utf-8")
    table = page.split("| Nature | Premier chiffre |")[1].split("\n\n")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert [row.split(" | ")[-1].rstrip(" |") for row in rows] == [e.why for e in EXAMPLES]
    for row in rows:
        for cell in row.split(" | ")[1:3]:
            assert cell.split(" : ")[0].strip("| ") in EXAMPLE_ACTORS.values(), row
    # Each figure as the site says one: its number and its date in French (« 13 mars 2025 »).
    for row, example in zip(rows, EXAMPLES):
        assert [cell.strip("| ") for cell in row.split(" | ")[1:3]] == [
            _said(example.first), _said(example.second)], row


def _said(figure: tuple[str, str, str, int]) -> str:
    from generator.derive.rules import EXAMPLE_ACTORS
    from generator.model import parse_date_interval
    from generator.render.format import _QUALIFIERS, date_fr, number_fr, when_fr

    actor, when, qualifier, value = figure
    reported = when.startswith("rapporté ")
    dated = parse_date_interval(when.removeprefix("rapporté "))
    said = _QUALIFIERS[qualifier].format(number_fr(value)).replace("\u202f", " ")
    return (f"{EXAMPLE_ACTORS[actor]} : {said} "
            f"({when_fr(None, dated) if reported else date_fr(dated)})")


@pytest.mark.parametrize("when, report, expected", [
    ("2025-04-30", "2025-04-30", True),    # « mercredi » in Wednesday's article
    ("2025-04-23", "2025-04-30", True),    # a week before
    ("2025-04-22", "2025-04-30", False),   # more than a week before: an older figure
    ("2025-04", "2025-04-30", False),      # a month is not the article's day
    ("2025-05-01", "2025-04-30", False),   # after the article
    ("2025-04-28", "2025-04", True),       # an article dated to the month
])
def test_a_figure_dated_on_or_near_its_articles_day_is_news_of_that_day(when, report, expected):
    assert of_its_day(parse_date_interval(when), parse_date_interval(report)) is expected
