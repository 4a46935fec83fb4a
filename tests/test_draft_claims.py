"""draft/claims.py: which metric and which date a figure gets, read from the sentence and topics.yml.

Sentences are written for the purpose (in the style of the drafting fixtures); the registries
are the drafting fixtures' (tests/fixtures/drafts/registry), frozen.
"""

from functools import cache

from helpers import FIXTURES

from generator.draft.claims import Candidate, Vocabulary, candidates
from generator.model import Metric, Topic
from generator.read.load import load_registries

DRAFTS = FIXTURES / "drafts"


@cache
def _vocabulary() -> Vocabulary:
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    return Vocabulary.from_registries(archive.topics, archive.actors)


def _read(text: str, article_date: str, vocabulary: Vocabulary | None = None) -> list[Candidate]:
    return candidates([block for block in text.split("\n\n")], vocabulary or _vocabulary(), article_date)


def _metrics(text: str, article_date: str) -> list[tuple]:
    return [(c.numbers, c.metric) for c in _read(text, article_date)]


# The most specific metric whose words match wins (issue 23, point 7; round 3's letelegramme).

def test_a_figure_dated_at_the_first_deployment_is_the_initial_contingent():
    # « en octobre 2024 » is a synonym of initial_contingent; the figure's own words were cut at
    # the digits of 2024, so « déployés » (deployed) alone was read.
    assert _metrics("Ces renforts s'ajoutent aux quelque 11 000 militaires déployés en octobre 2024 "
                    "dans la région russe de Koursk, selon le JCS.", "2025-04-10") == [
        ((11000,), "initial_contingent")]
    # No synonym, but a date inside the period the metric's label states (« (automne 2024) »).
    assert _metrics("Ces renforts s’ajoutent aux quelque 11.000 soldats déployés à l’automne, selon "
                    "le NIS.", "2025-02-12") == [((11000,), "initial_contingent")]
    assert _metrics("Quelque 11 000 soldats avaient été dépêchés en Russie à l'automne 2024, rappelle "
                    "le NIS.", "2025-02-13") == [((11000,), "initial_contingent")]


def test_a_running_total_or_a_level_on_a_later_date_stays_the_wider_metric():
    assert _metrics("Environ 14 000 soldats nord-coréens ont été envoyés en Russie depuis octobre "
                    "2024, selon l'état-major sud-coréen.", "2025-04-28") == [((14000,), "deployed")]
    # The date stands before the figure: it dates a level, not a sending.
    assert _metrics("Fin janvier, selon Kiev, 11 000 soldats nord-coréens étaient alors déployés dans "
                    "la région de Koursk.", "2025-03-27") == [((11000,), "deployed")]
    # A level at the front is of another kind than a contingent sent: the date changes nothing.
    assert _metrics("Quelque 8 000 soldats combattaient sur le front en octobre 2024, selon Kiev.",
                    "2025-04-10") == [((8000,), "at_front")]


def test_a_part_named_among_the_figure_s_words_wins_over_its_whole():
    """topics.yml's relations say what is narrower, whatever the words' order or length."""
    soldiers = dict(unit="soldats", kind="total", scope="…")
    topics = {"troops": Topic(id="troops", title="Troupes", description="…", metrics={
        "sent": Metric(label="Soldats envoyés", synonyms=("envoyés",), parts=("first",), **soldiers),
        "first": Metric(label="Premier groupe", synonyms=("premier groupe",), **soldiers)})}
    vocabulary = Vocabulary.from_registries(topics, {})
    [figure] = _read("Quelque 11 000 soldats envoyés avec le premier groupe.", "2025-04-10", vocabulary)
    assert figure.metric == "first" and "premier groupe" in figure.metric_hint
    [figure] = _read("Quelque 11 000 soldats envoyés avec les autres.", "2025-04-10", vocabulary)
    assert figure.metric == "sent"


# Dates (issue 23, point 4; round 3's courrierinternational).

def test_a_figure_in_the_standfirst_and_the_body_takes_the_body_s_date():
    standfirst = ("Les troupes de Pyongyang ne sont plus engagées dans les combats depuis la "
                  "mi-janvier, après avoir subi près de 4 000 pertes.")
    # The body's clause holds two figures: the standfirst's copy is the one proposed, with the
    # body's period, not the standfirst's « mi-janvier » (the date of something else).
    body = ("Selon le NIS, les forces nord-coréennes ont subi depuis leur engagement à l'automne "
            "près de 4 000 pertes et 300 morts.")
    losses = [c for c in _read(f"{standfirst}\n\n{body}", "2025-02-13") if c.value == 4000]
    assert [(c.quote, c.as_of, c.repeats) for c in losses] == [
        ("après avoir subi près de 4 000 pertes", "2024-09/2025-02-13", 2)]
    assert "depuis leur engagement à l'automne" in losses[0].as_of_note


def test_a_period_closing_the_sentence_after_dont_dates_both_figures():
    figures = _read("Toujours selon le NIS, les forces nord-coréennes ont subi près de 4 000 pertes, "
                    "dont environ 300 morts, depuis leur engagement à l'automne.", "2025-02-13")
    assert [(c.numbers, c.metric, c.as_of) for c in figures] == [
        ((4000,), "killed_or_wounded", "2024-09/2025-02-13"), ((300,), "killed", "2024-09/2025-02-13")]
    # A statement's date after the part's clause is the whole sentence's too, not a relative
    # clause's « depuis janvier » about the one who speaks.
    figures = _read("Les pertes nord-coréennes s’élèvent à environ 4.700, dont 600 morts, a indiqué "
                    "jeudi 27 mars l’état-major interarmées sud-coréen (JCS), qui n’avait plus publié "
                    "d’estimation depuis janvier.", "2025-03-27")
    assert [(c.numbers, c.as_of) for c in figures] == [((4700,), "2025-03-27"), ((600,), "2025-03-27")]


def test_the_day_a_statement_was_relayed_is_not_the_figure_s_date():
    # The statement's own day dates the figure (a level as of then), as the finished articles do.
    [said] = _read("Environ 3 000 soldats nord-coréens ont été tués, a affirmé lundi le NIS.", "2025-03-27")
    assert said.as_of == "2025-03-24"
    # The day someone passed it on does not: no as_of (reported on the article's date), and why.
    [relayed] = _read("Environ 3 000 soldats nord-coréens ont été tués, a rapporté lundi l'agence "
                      "Yonhap, citant le NIS.", "2025-03-27")
    assert relayed.as_of is None and relayed.actor == "nis"
    assert any("rapportée, pas la date du chiffre" in note for note in relayed.notes)
    [cited] = _read("Selon le NIS, cité mardi par le JoongAng Ilbo, 3 000 soldats nord-coréens ont "
                    "été tués.", "2025-03-27")
    assert cited.as_of is None
    # A date the text gives the figure still wins.
    [dated] = _read("Environ 3 000 soldats nord-coréens ont été tués depuis janvier, a rapporté lundi "
                    "l'agence Yonhap.", "2025-03-27")
    assert dated.as_of == "2025-01/2025-03-27"
