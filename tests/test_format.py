"""How a claim's figure is written on every page (render/format.py, figure_fr)."""

from __future__ import annotations

import pytest

from generator.model import Claim, parse_date_interval
from generator.render.format import at_end_fr, figure_fr, moved_fr, number_fr, than_fr


def figure(**fields: object) -> str:
    # Only the figure's fields matter here: the claim is not validated as an article's would be.
    return figure_fr(Claim.model_construct(**fields))


@pytest.mark.parametrize("low, high, expected", [
    (1_500_000, 2_000_000, "entre 1,5 et 2 millions"),
    (1_000_000, 1_500_000, "entre 1 et 1,5 million"),
    (900_000, 1_200_000, f"entre {number_fr(900_000)} et 1,2 million"),
    (1_234_567, 2_000_000, f"entre {number_fr(1_234_567)} et 2 millions"),
    (10_000, 12_000, f"entre {number_fr(10_000)} et {number_fr(12_000)}"),
])
def test_a_range_names_millions_once_when_both_ends_are_in_millions(low, high, expected):
    assert figure(qualifier="range", low=low, high=high) == expected


def test_a_round_million_is_said_in_words_with_its_qualifier():
    assert figure(qualifier="about", value=12_000_000) == "environ 12 millions"
    assert figure(qualifier="exact", value=1_234_567) == number_fr(1_234_567)


@pytest.mark.parametrize("later, earlier, expected", [
    (("about", 12_000), ("about", 11_000), "porté depuis à"),
    (("exact", 2_000), ("about", 3_000), "ramené depuis à"),
    (("range", (1_000, 5_000)), ("exact", 3_000), "remplacé depuis par"),
    # Within the old figure as written, as the log reads it (review 22): no way to say.
    (("about", 5_000), ("range", (5_000, 6_000)), "remplacé depuis par"),
    (("at_least", 1_000), ("about", 1_100), "remplacé depuis par"),
])
def test_a_replaced_figure_says_which_way_it_moved(later, earlier, expected):
    def claim(qualifier, value):
        low, high = value if qualifier == "range" else (None, None)
        return Claim.model_construct(qualifier=qualifier, value=None if low else value, low=low, high=high)
    assert moved_fr(claim(*later), claim(*earlier)) == expected


def test_que_is_elided_before_a_vowel():
    assert than_fr("environ 300 tués") == "qu'environ 300 tués"
    assert than_fr("au moins 300") == "qu'au moins 300"
    assert than_fr("plus de 300") == "que plus de 300"
    assert than_fr("300") == "que 300"


def test_a_period_up_to_its_report_names_the_report_day_once():
    from generator.model import parse_date_interval
    from generator.render.format import stated_when_fr

    def said(words: str) -> str:
        claim = Claim.model_construct(as_of=parse_date_interval("2025-12-01/2025-12-11"), as_of_words=words,
                                      stated_on=None)
        return stated_when_fr(claim, parse_date_interval("2025-12-11"))

    assert said("depuis le début du mois") == "depuis le début du mois ; rapporté le 11 décembre 2025"
    # Words that give that day already say it (review 22).
    assert said("ces derniers jours, avant le 11 décembre 2025") == "ces derniers jours, avant le 11 décembre 2025"


def test_a_period_up_to_the_day_it_was_said_names_that_day():
    from generator.model import parse_date_interval
    from generator.render.format import stated_when_fr

    claim = Claim.model_construct(as_of=parse_date_interval("2024-10/2026-10-14"), as_of_words="depuis octobre 2024",
                                  stated_on=parse_date_interval("2026-10-14"), stated_words="mercredi 14 octobre")
    # « a estimé mercredi » in Thursday's article (review 23, V2): the day it was said, not none.
    assert stated_when_fr(claim, parse_date_interval("2026-10-15")) == "depuis octobre 2024 ; déclaré mercredi 14 octobre"


@pytest.mark.parametrize(("value", "shown"), [
    ("2026-12-04", "au 4 décembre 2026"),
    ("2025-01/2026-12-01", "au 1er décembre 2026"),
    ("2025-01/2025-02", "à la fin de février 2025"),
    ("2025-01/2025-04", "à la fin d'avril 2025"),
    ("2024-10/2025", "à la fin de 2025"),
])
def test_a_figure_at_the_end_of_its_period_is_at_that_end_as_french_says_it(value, shown):
    assert at_end_fr(parse_date_interval(value)) == shown
