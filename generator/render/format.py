"""French presentation of dates and numbers (Babel's CLDR data, not hand-made tables)."""

from __future__ import annotations

from babel.dates import format_date
from babel.numbers import format_decimal

from ..model import PartialDate

LOCALE = "fr_FR"


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


def number_fr(value: int) -> str:
    """4000 -> '4 000' (with the narrow no-break space French typography uses)."""
    return format_decimal(value, locale=LOCALE)
