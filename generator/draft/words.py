"""Matching French words whatever their accents, case, apostrophes or spaces.

``fold`` keeps the text's length, one character for one, so that a match found in the
folded text has the same offsets in the original.
"""

from __future__ import annotations

import re

from ..derive.words import fold  # the one folding of the search and the drafts

__all__ = ["fold"]


def compact(text: str) -> str:
    """Letters and digits only: 'FRANCE 24' and 'france24.com' both give 'france24'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _phrase_words(phrase: str, case_sensitive: bool) -> list[str]:
    words = fold(phrase).split() if not case_sensitive else phrase.split()
    if not case_sensitive and words and len(words[-1]) > 4 and words[-1][-1] in "sx":
        words[-1] = words[-1][:-1]   # « envoyés » also matches « envoyé », the ending comes back below
    return words


def phrase_pattern(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A phrase as a whole-word pattern on folded text (plural and feminine endings allowed).

    With ``case_sensitive`` (acronyms such as « NIS »), the pattern runs on the text with
    only apostrophes and spaces folded, so that « nis » in a word never matches.
    """
    words = _phrase_words(phrase, case_sensitive)
    body = r"\s+".join(re.escape(word) for word in words)
    ending = "" if case_sensitive else r"(?:e|s|es|x)?"
    return re.compile(rf"(?<![\w-]){body}{ending}(?![\w])")


def phrase_needle(phrase: str, case_sensitive: bool = False) -> str:
    """The longest word of ``phrase_pattern``'s, as it stands in every match: a text that does
    not hold it cannot match, and a substring test costs far less than the pattern."""
    return max(_phrase_words(phrase, case_sensitive), key=len, default="")


def is_acronym(phrase: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9-]+", phrase))
