"""Make the search index find unaccented queries: readers type « deployes » for « déployés ».

Each index entry gets a ``folded`` field holding the accent-free form of its
accented words. The search engine (lunr, in Material) indexes that field too, so
« coree » finds « Corée », while the displayed title and text stay as written and
accented queries and prefixes work as before. No stemmer is involved.
"""

from __future__ import annotations

import html
import re
import unicodedata

FOLDED_FIELD = "folded"
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(word: str) -> str:
    """'déployés' -> 'deployes': decompose, then drop the combining marks."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> str:
    """The accent-free forms of the accented words in ``text``, once each, in order."""
    plain = html.unescape(_TAG.sub(" ", text))
    seen: dict[str, None] = {}
    for word in _WORD.findall(plain.lower()):
        folded = fold(word)
        if folded != word:
            seen.setdefault(folded)
    return " ".join(seen)


def add_folded_field(index: dict) -> dict:
    """A copy of a Material/MkDocs search index with the ``folded`` field added and declared."""
    config = dict(index["config"])
    config["fields"] = {**config.get("fields", {}), FOLDED_FIELD: {"boost": 1.0}}
    docs = [{**doc, FOLDED_FIELD: folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")}
            for doc in index["docs"]]
    return {**index, "config": config, "docs": docs}
