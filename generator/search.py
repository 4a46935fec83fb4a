"""The site's search index, built once at build time and small enough for 10,000 articles.

Readers type without accents (« deployes » for « déployés »): terms are folded
(lowercase, accents removed) on both sides, so both spellings find the same pages.
The index is an inverted index: a sorted vocabulary and, per term, the list of
documents holding it, as delta-encoded numbers in a compact text form. It is served
as a script (``search/index.js``) so that it loads from ``file://`` as well as over
HTTP, and the browser searches it without building anything (assets/javascripts/
briefing-search.js). Every article's full text stays searchable.
"""

from __future__ import annotations

import json
from array import array
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

INDEX_PATH = "search/index.js"
GLOBAL = "__BRIEFING_SEARCH__"
# Letters, or numbers with their French thousands/decimal separators ("3.000", "1,5").
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_TAG = re.compile(r"<[^>]+>")
# Words too common to narrow a search: they would cost a posting in nearly every document.
STOP_WORDS = frozenset(
    "a au aux avec ce ces dans de des du elle en est et il ils la le les leur leurs lui mais "
    "ne ni on ou par pas pour qu que qui sa se ses son sont sur un une".split())
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """'déployés' -> 'deployes': decompose, then drop the combining marks."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(text: str) -> set[str]:
    """The searchable terms of a text (HTML tags ignored), folded as queries are."""
    words = _TOKEN.findall(_TAG.sub(" ", text).lower())
    return {fold(word) for word in words if len(word) > 1 and word not in STOP_WORDS}


def _varint(delta: int) -> str:
    chunks = []
    while True:
        chunks.append(delta & 31)
        delta >>= 5
        if not delta:
            break
    return "".join(_DIGITS[chunk + (32 if i < len(chunks) - 1 else 0)]
                   for i, chunk in enumerate(reversed(chunks)))


def encode_numbers(numbers) -> str:
    """Ascending numbers as deltas, each a base-32 varint written with URL-safe characters:
    a character below 32 ends a number, one from 32 up carries 5 more bits."""
    deltas = [b - a for a, b in zip([0, *numbers], numbers)]  # numbers ascend
    return "".join(_DIGITS[d] if d < 32 else _varint(d) for d in deltas)


@dataclass(frozen=True)
class SearchDocument:
    url: str       # relative to the site root
    title: str
    detail: str    # date and outlet, shown under the title
    terms: frozenset[str]


def build_index(documents: list[SearchDocument]) -> bytes:
    """The index script: ``window.__BRIEFING_SEARCH__ = {docs, terms, postings}``."""
    postings: dict[str, array] = {}  # compact arrays: millions of postings at 10,000 articles
    for number, document in enumerate(documents):
        for term in document.terms:
            numbers = postings.get(term)
            if numbers is None:
                numbers = postings[term] = array("I")
            numbers.append(number)
    vocabulary = sorted(postings)
    data = {
        "docs": [[d.url, d.title, d.detail] for d in documents],
        "terms": "\n".join(vocabulary),
        "postings": [encode_numbers(postings[term]) for term in vocabulary],
    }
    return (f"window.{GLOBAL} = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            + ";\n").encode("utf-8")
