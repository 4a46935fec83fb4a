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


_ENDING = r"(?:e|s|es|x)?"   # plural and feminine endings


def _stem(word: str) -> str:
    """« envoyés » → « envoye », « tués » → « tue »: the ending comes back in the pattern."""
    if (len(word) > 4 and word[-1] in "sx") or (len(word) == 4 and word.endswith("es")):
        return word[:-1]
    return word


def _phrase_words(phrase: str, case_sensitive: bool) -> list[str]:
    if case_sensitive:
        return phrase.split()
    return [_stem(word) for word in fold(phrase).split()]


_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
# A date the press puts between a verb and its object (« a démenti mercredi toute livraison »,
# « avait reconnu fin avril la présence », « a démenti jeudi dernier que »): a phrase's words still
# name the event across it. Folded French.
_DATE_BETWEEN = (r"(?:(?:ce\s+|le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+dernier)?"
                 rf"|(?:fin|debut|mi)[- ](?:{_MONTHS})|en\s+(?:{_MONTHS})|hier)\s+")


def phrase_pattern(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A phrase as a whole-word pattern on folded text (plural and feminine endings allowed on
    each word of four letters or more, and on the last: « retirés du front » matches « retirées
    du front »).

    With ``case_sensitive`` (acronyms such as « NIS »), the pattern runs on the text with
    only apostrophes and spaces folded, so that « nis » in a word never matches.
    """
    if case_sensitive:
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        return re.compile(rf"(?<![\w-]){body}(?![\w])")
    words = fold(phrase).split()
    last = len(words) - 1
    body = rf"\s+[«“\"]?\s*(?:{_DATE_BETWEEN})?".join(
        _DETERMINER if word in _DETERMINERS and 0 < i < last else
        re.escape(_stem(word)) + (_ENDING if len(word) > 3 and word[-1].isalpha() or i == last else "")
        for i, word in enumerate(words))
    return re.compile(rf"(?<![\w-]){body}(?![\w])")


# An article or a demonstrative inside a phrase stands for any of them: « rejeté les estimations »
# names « a rejeté mercredi ces estimations ». (A word after the quotation mark that opens a quoted
# word is still the phrase's: « qualifiées de « fabrications » ».)
_DETERMINERS = frozenset({"le", "la", "les", "ce", "cet", "cette", "ces"})
_DETERMINER = r"(?:les?|la|ces?|cet|cette)"


def phrase_needle(phrase: str, case_sensitive: bool = False) -> str:
    """The longest word of ``phrase_pattern``'s, as it stands in every match: a text that does
    not hold it cannot match, and a substring test costs far less than the pattern."""
    return max(_phrase_words(phrase, case_sensitive), key=len, default="")


def is_acronym(phrase: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9-]+", phrase))
