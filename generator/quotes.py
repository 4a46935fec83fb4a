"""Finding a claim's verbatim quote in its article, and reading French numbers.

Quotes are compared after normalising what copy-paste changes without changing
the words: Unicode form, runs of whitespace (no-break spaces included), apostrophes
and quotation marks.

French numbers use a dot or a space (plain, no-break, narrow no-break or thin) for
thousands and a comma for decimals; « 1,5 million », « 10 millions » and « 3 mille »
are one number each (1500000, 10000000, 3000).
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import lru_cache

# Each class maps one character to one character, so offsets survive the mapping.
_EQUIVALENT = (
    (re.compile("[’‘ʼ`´]"), "'"),
    (re.compile("[«»“”„‟]"), '"'),
    (re.compile(r"\s"), " "),
)


def _map_equivalents(text: str) -> str:
    for pattern, replacement in _EQUIVALENT:
        text = pattern.sub(replacement, text)
    return text


_THOUSANDS = ".\u00a0\u202f\u2009 "  # dot, no-break, narrow no-break, thin and plain space
_MULTIPLIERS = {"mille": 1000, "million": 10**6, "millions": 10**6,
                "milliard": 10**9, "milliards": 10**9}
_NUMBER = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:[{_THOUSANDS}]\d{{3}})+|\d+)(,\d+)?(?!\d)"
                     rf"(?:\s+({'|'.join(_MULTIPLIERS)})(?!\w))?")
_MAX_DIGITS = 15  # longer numbers are no count (figures stop at 10^12): never converted


def normalise(text: str) -> str:
    """The comparable form of a text (see module docstring)."""
    return re.sub(r" +", " ", _map_equivalents(unicodedata.normalize("NFC", text))).strip()


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Start and end offsets of ``quote`` in ``text`` (NFC), or None when it is not there.

    Equivalent characters map one to one, so offsets in the mapped text are offsets in
    ``text``; runs of whitespace are matched by ' +'.
    """
    needle = normalise(quote)
    if not needle:
        return None
    mapped = _mapped(text)
    start = mapped.find(needle)  # the usual case: single spaces, a plain substring search
    if start >= 0:
        return start, start + len(needle)
    match = re.search(re.escape(needle).replace("\\ ", " +"), mapped)
    return (match.start(), match.end()) if match else None


@lru_cache(maxsize=8)
def _mapped(text: str) -> str:
    """``text`` with equivalent characters mapped (cached: an article has several quotes)."""
    return _map_equivalents(text)


def longest_matching_prefix(text: str, quote: str) -> str:
    """The longest start of ``quote`` that the text contains: where a broken quote diverges."""
    haystack = normalise(text)
    needle = normalise(quote)
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return needle[:low]


def french_numbers(text: str) -> list[int]:
    """Integers written in ``text``: '3.000', '11 000' and '1.100' are thousands, and
    '1,5 million' is 1500000.

    A number with a multiplier is one number ('10 millions' is 10000000, not 10).
    Decimals that are not whole ('2,5 km') are left out.
    """
    numbers = []
    for whole, decimals, multiplier in _NUMBER.findall(text):
        digits, decimals = re.sub(r"\D", "", whole), decimals[1:]
        if len(digits) + len(decimals) > _MAX_DIGITS:
            continue
        number = (Fraction(int(digits + decimals), 10 ** len(decimals))
                  * _MULTIPLIERS.get(multiplier, 1))
        if number.denominator == 1:
            numbers.append(int(number))
    return numbers
