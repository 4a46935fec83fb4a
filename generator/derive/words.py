"""The words of a text as the search index and near-duplicate detection both read them:
one tokenizer, so that a build reads each article's words once for both."""

from __future__ import annotations

import html
import re
import unicodedata

# Letters, a number with thousands separators ("3 000", "3\u202f000", "3.000"), or a
# number with its decimals ("1,5"). The same expression is in briefing-search.js; here it
# opens with a look-ahead at a letter or digit, which every token starts with: the scan
# then skips what is neither at once instead of trying each alternative there.
_TOKEN = re.compile(
    r"(?=[^\W_])(?:[^\W\d_]+|(?<!\d)\d{1,3}(?:[ \u00a0\u202f\u2009.]\d{3})+(?!\d)|\d+(?:[.,]\d+)*)")
_TAG = re.compile(r"<[^>]+>")


# Typographic variants read as their plain forms: apostrophes, spaces, dashes, quotes.
_SAME = {"’": "'", "ʼ": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
         "‐": "-", "‑": "-", "–": "-", "—": "-", "“": '"', "”": '"', "«": '"', "»": '"'}


def _folded(char: str) -> str:
    char = _SAME.get(char, char)
    return unicodedata.normalize("NFD", char)[0].lower()[:1] or char


# Each character that folding changes, up to the general punctuation block (Latin, Greek,
# Cyrillic, typographic spaces, dashes and quotes), made once: str.translate leaves the
# others as they are.
_FOLD = {code: folded for code in range(0x2100) if (folded := _folded(chr(code))) != chr(code)}


def fold(text: str) -> str:
    """Lowercase, accents and typographic variants removed ('Déployés' -> 'deployes'), one
    character for one: a match in the folded text has the same offsets in the original.
    The search's keys and the drafts' matching both read words through it."""
    return text.translate(_FOLD)


def without_tags(text: str) -> str:
    """``text`` with each ``<…>`` tag replaced by a space, in linear time.

    ``_TAG`` alone is quadratic on a text of many ``<`` and no ``>`` (each ``<`` scans to
    the end): it only runs on the text up to the last ``>``, where every ``<`` finds its
    ``>`` and each character is scanned once. Past it no tag can end: kept as written."""
    end = text.rfind(">") + 1
    return _TAG.sub(" ", text[:end]) + text[end:] if end else text


def words(text: str) -> list[str]:
    """The lowercase words and numbers of ``text``, in order (HTML tags and entities read
    as text)."""
    text = without_tags(text)
    if "&" in text:
        text = html.unescape(text)
    return _TOKEN.findall(text.lower())
