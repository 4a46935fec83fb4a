"""Finding a claim's verbatim quote in its article, and reading French numbers.

Quotes are compared after normalising what copy-paste changes without changing
the words: Unicode form, runs of whitespace (no-break spaces included), apostrophes
and quotation marks. French numbers use a dot or a space for thousands.
"""

from __future__ import annotations

import re
import unicodedata
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
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(,\d+)?(?!\d)")


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
    """Integers written in ``text``: '3.000', '11 000' and '1.100' are thousands.

    Decimals ('1,5 million') are not integers and are left out.
    """
    return [int(re.sub(r"\D", "", whole)) for whole, decimals in _NUMBER.findall(text)
            if not decimals]
