"""Dates are intervals: how they are written, refused, ordered and shown."""

from datetime import date

import pytest
from helpers import VALID_FRONT
from test_schema import errors_for

from generator.model import Claim, parse_date_interval
from generator.render.format import date_fr, when_fr


@pytest.mark.parametrize("text, start, end, precision", [
    ("2025-03-13", date(2025, 3, 13), date(2025, 3, 13), "day"),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28), "month"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("2025-01/2025-02", date(2025, 1, 1), date(2025, 2, 28), "period"),
    ("2025-01-21/2025-01-31", date(2025, 1, 21), date(2025, 1, 31), "period"),
])
def test_each_written_date_is_an_interval(text, start, end, precision):
    interval = parse_date_interval(text)
    assert (interval.start, interval.end, interval.precision, str(interval)) == \
        (start, end, precision, text)


def test_a_month_and_a_day_in_it_overlap_and_order_without_error():
    month, day, april = map(parse_date_interval, ("2025-03", "2025-03-13", "2025-04-16"))
    assert month.overlaps(day) and not month.before(day) and not day.before(month)
    assert month.before(april) and not month.overlaps(april)
    assert sorted([day, month], key=lambda d: d.sort_key()) == [month, day]  # no TypeError


@pytest.mark.parametrize("text, words, start, end", [
    ("2025-04", "mi-avril 2025", date(2025, 4, 11), date(2025, 4, 20)),
    ("2025-04", "début avril", date(2025, 4, 1), date(2025, 4, 10)),
    ("2025-02", "au plus tard fin février 2025", date(2025, 2, 21), date(2025, 2, 28)),
    ("2025-08", "à la Mi-Août", date(2025, 8, 11), date(2025, 8, 20)),
    ("2025-04", "avril 2025", date(2025, 4, 1), date(2025, 4, 30)),           # no part named
    ("2025-04", "fin mars", date(2025, 4, 1), date(2025, 4, 30)),             # another month
    ("2025-01/2025-02", "de la mi-janvier à février", date(2025, 1, 1), date(2025, 2, 28)),
])
def test_a_part_of_a_month_its_words_name_orders_as_that_part(text, words, start, end):
    said = parse_date_interval(text).part_said(words)
    assert (said.start, said.end, str(said)) == (start, end, text)  # shown as the month still


@pytest.mark.parametrize("as_of, message", [
    ("2025-13", "'2025-13' is not a real date"),
    ("2025-02-30", "'2025-02-30' is not a real date"),
    ("2025-03/2025-01", "the period '2025-03/2025-01' ends before it starts"),
    ("mars 2025", "'mars 2025' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, or a period"),
])
def test_a_wrong_as_of_is_refused_with_its_line(tmp_path, as_of, message):
    claim = f"""
claims:
  - topic: troops
    metric: reinforcements
    value: 3000
    qualifier: exact
    as_of: {as_of}
    attributed_to: jcs
    quote: "a déployé 3.000 soldats"
"""
    (error,) = errors_for(tmp_path, VALID_FRONT.format(id="a") + claim)
    assert error.startswith(f"briefings/articles/a.md:14:12: claims[0].as_of: {message}")


def test_a_claim_without_as_of_is_reported_on_its_article_date():
    claim = Claim.model_validate({"topic": "t", "event": "e", "attributed_to": "a", "quote": "q"})
    assert claim.as_of is None and claim.local_id == "e-a"
    assert when_fr(None, parse_date_interval("2025-03-13")) == "rapporté le 13 mars 2025"
    assert when_fr(None, parse_date_interval("2025-03")) == "rapporté en mars 2025"
    assert when_fr(None, None) == "date inconnue"


@pytest.mark.parametrize("text, shown", [
    ("2025-03-13", "13 mars 2025"), ("2025-03-01", "1er mars 2025"), ("2025-03", "mars 2025"),
    ("2025", "2025"),
    ("2025-01/2025-02", "janvier 2025 – février 2025"),
])
def test_dates_in_french(text, shown):
    assert date_fr(parse_date_interval(text)) == shown
