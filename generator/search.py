"""The site's search index, built once at build time and small enough for 10,000 articles.

Readers type without accents (« deployes » for « déployés »): terms are folded
(lowercase, accents removed) on both sides, so both spellings find the same pages.
The index is an inverted index: a sorted vocabulary and, per term, the list of
documents holding it, as delta-encoded numbers in a compact text form. It is served
as scripts (``search/index.js`` and its postings shards, see build_index) so that it
loads from ``file://`` as well as over HTTP, and the browser searches it without
building anything (assets/javascripts/briefing-search.js). Every article's full text
stays searchable.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import count

import numpy as np

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
    words = set(_TOKEN.findall(_TAG.sub(" ", text).lower())) - STOP_WORDS
    return {fold(word) for word in words if len(word) > 1}


_DIGIT_BYTES = np.frombuffer(_DIGITS.encode("ascii"), dtype=np.uint8)


def _encode_deltas(deltas: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Each delta (unsigned) as a base-32 varint written with URL-safe characters, most
    significant 5 bits first: a character below 32 ends a number, one from 32 up carries 5
    more bits. Returns all the characters and where each number's characters start.
    Vectorised: an index at 10,000 articles holds millions of numbers."""
    lengths = np.ones(len(deltas), dtype=np.uint8)
    for bits in range(5, deltas.dtype.itemsize * 8, 5):
        lengths += deltas >= (1 << bits)
    starts = np.zeros(len(deltas) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    digits = np.empty(starts[-1], dtype=np.uint8)
    for chunk in range(int(lengths.max(initial=1))):
        has = lengths > chunk
        value = (deltas[has] >> deltas.dtype.type(5 * chunk)) & deltas.dtype.type(31)
        digits[starts[1:][has] - 1 - chunk] = value + (32 if chunk else 0)
    return _DIGIT_BYTES[digits].tobytes(), starts


def encode_numbers(numbers) -> str:
    """Ascending numbers as delta varints (see _encode_deltas)."""
    values = np.asarray(numbers, dtype=np.uint64)
    return _encode_deltas(np.diff(values, prepend=np.uint64(0)))[0].decode("ascii")


@dataclass(frozen=True)
class SearchDocument:
    url: str       # relative to the site root
    title: str
    detail: str    # date and outlet, shown under the title
    terms: str     # its distinct folded terms, space-separated (not sets: 10,000 of them)


def _postings(documents: list[SearchDocument]) -> tuple[list[str], list[str]]:
    """The sorted vocabulary and, per term, its documents' numbers encoded.

    Millions of (term, document) pairs at 10,000 articles: they live in flat arrays,
    sorted once in place, with intermediates freed as soon as they are used.
    """
    ids: defaultdict[str, int] = defaultdict(count().__next__)  # term -> number, first seen
    term_ids, per_document = array("I"), array("I")
    for document in documents:
        before = len(term_ids)
        term_ids.extend(map(ids.__getitem__, document.terms.split()))
        per_document.append(len(term_ids) - before)
    vocabulary = sorted(ids)
    rank = np.empty(len(ids), dtype=np.uint64)
    rank[[ids[term] for term in vocabulary]] = np.arange(len(vocabulary), dtype=np.uint64)
    # Keys (term rank, document) sorted: by term, each term's documents ascending.
    width = np.uint64(max(1, len(documents)))
    keys = rank[np.frombuffer(term_ids, dtype=np.uint32)]
    del term_ids
    keys *= width
    keys += np.repeat(np.arange(len(documents), dtype=np.uint64),
                      np.frombuffer(per_document, dtype=np.uint32))
    keys.sort()
    first = np.ones(len(keys), dtype=bool)  # where each term's documents start
    np.not_equal(keys[1:] // width, keys[:-1] // width, out=first[1:])
    docs = (keys % width).astype(np.uint32)
    del keys
    deltas = docs.copy()
    deltas[1:] -= docs[:-1]
    deltas[first] = docs[first]
    del docs
    text, starts = _encode_deltas(deltas)
    bounds = starts[np.append(np.flatnonzero(first), len(first))].tolist()
    encoded = text.decode("ascii")
    return vocabulary, [encoded[a:b] for a, b in zip(bounds, bounds[1:])]


SHARD_PATH = "search/postings-{}.js"
SHARDS_GLOBAL = "__BRIEFING_POSTINGS__"
SHARD_BYTES = 32_000  # postings per shard file, about: a query loads one or two


def _shards(vocabulary: list[str], postings: list[str]) -> list[int]:
    """Where each shard starts in the vocabulary. Terms sharing their first two letters
    stay in one shard, so that a word and every completion of it (prefixes start at
    three letters) are found in a single file."""
    starts, size = [0], 0
    for position, term in enumerate(vocabulary):
        if size >= SHARD_BYTES and term[:2] != vocabulary[position - 1][:2]:
            starts.append(position)
            size = 0
        size += len(postings[position])
    return starts


def _script(assignment: str, data: object) -> bytes:
    return (f"{assignment} = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            + ";\n").encode("utf-8")


def build_index(documents: list[SearchDocument]) -> dict[str, bytes]:
    """The index scripts, by path. ``search/index.js`` sets
    ``window.__BRIEFING_SEARCH__ = {docs, terms, shards}``; shard k's postings (one string
    per term from ``terms[shards[k]]`` on) are in ``search/postings-k.js``, loaded when a
    query needs them: the first search parses a fraction of the index."""
    vocabulary, postings = _postings(documents)
    starts = _shards(vocabulary, postings)
    files = {INDEX_PATH: _script(f"window.{GLOBAL}", {
        "docs": [[d.url, d.title, d.detail] for d in documents],
        "terms": "\n".join(vocabulary),
        "shards": starts,
    })}
    for number, (start, stop) in enumerate(zip(starts, [*starts[1:], len(vocabulary)])):
        files[SHARD_PATH.format(number)] = _script(
            f"(window.{SHARDS_GLOBAL} = window.{SHARDS_GLOBAL} || {{}})[{number}]",
            postings[start:stop])
    return files
