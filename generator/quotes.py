"""Finding a claim's verbatim quote in its article, and reading French numbers.

Quotes are compared after normalising what copy-paste changes without changing
the words: Unicode form, runs of whitespace (no-break spaces included), apostrophes
and quotation marks. A quote matches on word boundaries: it neither starts nor ends
inside a word or a number (« 1 000 » is not found in « 11 000 »).

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
    ``text``. The first occurrence on word boundaries counts.
    """
    needle = normalise(quote)
    return _search(_mapped(text), needle) if needle else None


@lru_cache(maxsize=8)
def _mapped(text: str) -> str:
    """``text`` with equivalent characters mapped (cached: an article has several quotes)."""
    return _map_equivalents(text)


def _search(haystack: str, needle: str) -> tuple[int, int] | None:
    """The first occurrence of ``needle`` on word boundaries; runs of spaces match ' '."""
    start = haystack.find(needle)  # the usual case: single spaces, a plain substring search
    if start >= 0 and _on_boundaries(haystack, start, start + len(needle)):
        return start, start + len(needle)
    pattern = _pattern(needle)
    match = pattern.search(haystack)
    while match is not None:
        if _on_boundaries(haystack, *match.span()):
            return match.span()
        match = pattern.search(haystack, match.start() + 1)
    return None


def _pattern(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle).replace("\\ ", " +"))


def _on_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` neither starts nor ends inside a word or a number."""
    return not (_inside_word(text, start) or _inside_word(text, end)
                or _inside_number(text, start) or _inside_number(text, end))


def _inside_word(text: str, position: int) -> bool:
    return 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()


def _inside_number(text: str, position: int) -> bool:
    """Whether a French number (« 11 000 », « 1,5 million ») runs across ``position``."""
    if not 0 < position < len(text):
        return False
    start = position
    while start > 0 and position - start < 40 and (text[start - 1].isdigit()
                                                   or text[start - 1] in _THOUSANDS + ","):
        start -= 1
    return any(start + m.start() < position < start + m.end()
               for m in _NUMBER.finditer(text[start:position + 40]))


def inside_longer_words(text: str, quote: str) -> str | None:
    """The passage around ``quote`` cut to whole words and numbers, when the quote stands
    in ``text`` only inside a longer word or number (« 1 000 » in « 11 000 »), else None."""
    needle = normalise(quote)
    if not needle or find_quote(text, quote) is not None:
        return None
    pattern = _pattern(needle)
    haystack = _mapped(text)
    match = pattern.search(haystack)
    if match is None:
        return None
    start, end = match.span()
    while not _on_boundaries(haystack, start, end) and end - start < len(needle) + 80:
        start -= int(_inside_word(haystack, start) or _inside_number(haystack, start))
        end += int(_inside_word(haystack, end) or _inside_number(haystack, end))
    return normalise(haystack[start:end])


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
