"""Finding a claim's verbatim quote in its article, and reading French numbers.

Quotes are compared after normalising what copy-paste changes without changing
the words: Unicode form, runs of whitespace (no-break spaces included), apostrophes
and quotation marks. French numbers use a dot or a space for thousands.
"""

from __future__ import annotations

import re
import unicodedata

_EQUIVALENT = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"',
})
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(,\d+)?(?!\d)")


def _normalise_char(char: str) -> str:
    return " " if char.isspace() else char.translate(_EQUIVALENT)


def normalise(text: str) -> str:
    """The comparable form of a text (see module docstring)."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r" +", " ", "".join(_normalise_char(c) for c in text)).strip()


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, for each of its characters, the offset in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        char = _normalise_char(char)
        if char == " " and chars and chars[-1] == " ":
            continue
        chars.append(char)
        offsets.append(index)
    return "".join(chars), offsets


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Start and end offsets of ``quote`` in ``text`` (NFC), or None when it is not there."""
    haystack, offsets = _normalised_with_offsets(text)
    needle = normalise(quote)
    start = haystack.find(needle) if needle else -1
    if start < 0:
        return None
    end = start + len(needle) - 1
    return offsets[start], offsets[end] + 1


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
