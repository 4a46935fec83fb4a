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


def phrase_pattern(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A phrase as a whole-word pattern on folded text (plural and feminine endings allowed).

    With ``case_sensitive`` (acronyms such as « NIS »), the pattern runs on the text with
    only apostrophes and spaces folded, so that « nis » in a word never matches.
    """
    words = fold(phrase).split() if not case_sensitive else phrase.split()
    body = r"\s+".join(re.escape(word) for word in words)
    ending = "" if case_sensitive else r"(?:e|s|es|x)?"
    return re.compile(rf"(?<![\w-]){body}{ending}(?![\w])")


def is_acronym(phrase: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9-]+", phrase))
