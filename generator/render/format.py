"""French presentation of dates and numbers (Babel's CLDR data, not hand-made tables)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from ..model import Claim, PartialDate

LOCALE = "fr_FR"


@lru_cache(maxsize=4096)
def date_fr(value: PartialDate | None) -> str:
    """'23 décembre 2024', 'mars 2025', or 'date inconnue'."""
    if value is None:
        return "date inconnue"
    if value.day is None:
        return format_date(value.first_day(), "MMMM y", locale=LOCALE)
    return format_date(value.first_day(), "d MMMM y", locale=LOCALE)


def month_fr(month_key: str) -> str:
    """'2025-03' -> 'mars 2025'."""
    year, month = month_key.split("-")
    return date_fr(PartialDate(int(year), int(month)))


@lru_cache(maxsize=4096)
def number_fr(value: int) -> str:
    """4000 -> '4 000' (with the narrow no-break space French typography uses)."""
    return format_decimal(value, locale=LOCALE)


@lru_cache(maxsize=1024)
def short_month_fr(value: date) -> str:
    """date(2024, 12, 1) -> 'déc. 2024' (chart axes)."""
    return format_date(value, "MMM y", locale=LOCALE)


_QUALIFIERS = {"exact": "{}", "about": "environ {}", "at_least": "au moins {}",
               "at_most": "jusqu'à {}"}


def figure_fr(claim: Claim) -> str:
    """A claim's figure as a French reader says it: 'environ 4 000', 'entre 10 000 et 12 000'."""
    if claim.qualifier == "range":
        return f"entre {number_fr(claim.low)} et {number_fr(claim.high)}"
    if claim.value is None:
        return ""
    return _QUALIFIERS[claim.qualifier or "exact"].format(number_fr(claim.value))
