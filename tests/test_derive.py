"""Ledger derivations on small hand-made archives: estimates, contradictions, revisions, disputes."""

from generator.derive import conflicts, estimates
from generator.derive.briefing import briefings
from generator.derive.ledger import ledger, statements
from generator.model import Actor, Archive, Article, Topic

TOPIC = Topic.model_validate({"id": "casualties", "title": "Pertes", "description": "d",
                              "metrics": {"killed": {"label": "Tués", "unit": "militaires"}},
                              "events": {"heavy_losses": {"label": "Lourdes pertes"}}})
ACTORS = {a: Actor(id=a, name=a.upper()) for a in ("jcs", "nis", "hur")}


def claim(value, actor, as_of, qualifier="exact", **extra):
    return {"topic": "casualties", "metric": "killed", "value": str(value), "qualifier": qualifier,
            "as_of": as_of, "attributed_to": actor, "quote": f"{value}", **extra}


def article(article_id, date, *claims):
    return Article.model_validate({"id": article_id, "title": "t", "date": date, "outlet": "x",
                                   "topics": ["casualties"], "claims": list(claims),
                                   "body": "b", "source": f"{article_id}.md"})


def archive(*articles):
    return Archive(topics={"casualties": TOPIC}, actors=ACTORS, outlets={}, articles=articles)


def metric_statements(*articles):
    return statements(ledger(archive(*articles)))


def test_the_same_claim_in_two_articles_is_one_statement_with_two_sources():
    merged = metric_statements(article("a", "2025-03", claim(4000, "jcs", "2025-03")),
                               article("b", "2025-03", claim(4000, "jcs", "2025-03")))
    assert len(merged) == 1
    assert [e.article.id for e in merged[0].entries] == ["a", "b"]


def test_current_picture_takes_each_actors_latest_and_most_precise_figure():
    merged = metric_statements(article("a", "2024-12-23", claim(1000, "jcs", "2024-12-23", "at_least"),
                                       claim(1100, "jcs", "2024-12-23", "about", id="c2")),
                               article("b", "2025-03", claim(4000, "jcs", "2025-03"),
                                       claim(300, "nis", "2024-12", "about")))
    picture = estimates.picture("killed", merged)
    assert [(s.actor, s.claim.value) for s in picture.latest] == [("jcs", 4000), ("nis", 300)]
    assert (picture.low, picture.high) == (300, 4000)


def test_revision_is_one_actor_changing_its_figure_over_time():
    merged = metric_statements(article("a", "2024-12-23", claim(1000, "jcs", "2024-12-23", "at_least"),
                                       claim(1100, "jcs", "2024-12-23", "about", id="c2")),
                               article("b", "2025-03", claim(4000, "jcs", "2025-03")))
    (revision,) = conflicts.revisions(merged)
    assert (revision.before.claim.value, revision.after.claim.value) == (1100, 4000)
    # The same figure again is no revision.
    assert conflicts.revisions(metric_statements(article("a", "2025-01", claim(5, "jcs", "2025-01")),
                                                 article("b", "2025-03", claim(5, "jcs", "2025-03")))) == ()


def test_contradiction_needs_different_actors_same_period_and_values_beyond_precision():
    def found(first, second):
        return len(conflicts.contradictions(metric_statements(article("a", "2025-01", first, second))))

    assert found(claim(200, "nis", "2025-01", "about"), claim(120, "hur", "2024-12", "at_most")) == 1
    # "about 200" allows 180-220: 210 from another actor is no contradiction.
    assert found(claim(200, "nis", "2025-01", "about"), claim(210, "hur", "2025-01")) == 0
    # "at least 1000" and 4000 are compatible.
    assert found(claim(1000, "nis", "2025-01", "at_least"), claim(4000, "hur", "2025-01")) == 0
    # Months apart: a change over time, not a contradiction.
    assert found(claim(200, "nis", "2025-06"), claim(120, "hur", "2024-12")) == 0
    # The same actor: a revision, not a contradiction.
    assert found(claim(200, "nis", "2025-01", id="x"), claim(120, "nis", "2025-01")) == 0
    ranged = {"qualifier": "range", "low": "10000", "high": "12000"}
    assert found({**claim(0, "nis", "2025-01"), **ranged, "value": None}, claim(13000, "hur", "2025-01")) == 1


def test_explicit_disputes_are_resolved_to_both_claims():
    withdrawal = {"topic": "casualties", "event": "heavy_losses", "as_of": "2025-01",
                  "attributed_to": "nis", "quote": "q"}
    a = article("a", "2025-01", withdrawal,
                claim(8000, "hur", "2025-01", "at_most", disputes=["heavy_losses-nis-2025-01"]))
    (dispute,) = briefings(archive(a))["casualties"].disputes
    assert dispute.claim.claim.value == 8000
    assert dispute.disputed.claim_id == "a/heavy_losses-nis-2025-01"
