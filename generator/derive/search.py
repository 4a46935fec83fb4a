"""The site's search index, built once at build time and small enough for 10,000 articles.

Readers type without accents, in the singular, or with another verb ending («
deployes » for « La Corée du Nord déploie »), and write numbers as they like («
3000 » for « 3 000 »): every word is reduced to one key on both sides, by the rules
below, which the index script carries to the browser (assets/javascripts/briefing-search.js)
so that the page applies exactly the same ones. A key is the word lowercased, without
accents, then stemmed by SUFFIX_STEPS; a number is its digits without thousands
separators. The index is an inverted index: a sorted vocabulary of keys and, per key,
the list of documents holding it, as delta-encoded numbers in a compact text form. It
is served as scripts (``search/index.js``, its postings shards and its excerpt shards,
see build_index) so that it loads from ``file://`` as well as over HTTP, and the browser
searches it without building anything. Every article's full text stays searchable.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import count
from typing import Iterable, Iterator

import numpy as np

from .words import _TOKEN, fold, without_tags, words

INDEX_PATH = "search/index.js"
GLOBAL = "__BRIEFING_SEARCH__"
# A number with thousands separators: its key is its digits (words: derive/words.py).
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009.]\d{3})+")
_SEPARATORS = re.compile(r"[ \u00a0\u202f\u2009.]")
# Words too common to narrow a search: they would cost a posting in nearly every document.
STOP_WORDS = frozenset(
    "a au aux avec ce ces dans de des du elle en est et il ils la le les leur leurs lui mais "
    "ne ni on ou par pas pour qu que qui sa se ses son sont sur un une".split())
# Light French stemming, applied to an unaccented lowercase word: step after step, the
# first suffix of a step that the word ends with is replaced, if at least MIN_STEM
# letters remain before it. Plurals, then feminine forms, then common verb and adverb
# endings, then a final y read as i (« déployés » -> deploi, « déploie » -> deploi).
# Shipped in the index: the browser applies these very steps to queries.
SUFFIX_STEPS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("s", ""), ("x", "")),
    (("enne", "en"), ("elle", "el"), ("ive", "if"), ("ee", ""), ("e", "")),
    (("eraient", ""), ("aient", ""), ("erent", ""), ("erait", ""), ("ement", ""), ("ait", ""),
     ("ant", ""), ("ent", ""), ("iez", ""), ("ez", ""), ("er", "")),
    (("y", "i"),),
)
MIN_STEM = 3
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word's stem by SUFFIX_STEPS: 'deployees', 'deployer', 'deploie' -> 'deploi'."""
    for step in SUFFIX_STEPS:
        for suffix, replacement in step:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[:len(word) - len(suffix)] + replacement
                break
    return word


@lru_cache(maxsize=400_000)
def key(token: str) -> str:
    """A lowercase token's search key ('' for a stop word or a single character): numbers
    lose their thousands separators ('3 000', '3.000' -> '3000'), words are folded and stemmed."""
    if len(token) < 2:
        return ""
    if token[0].isdigit():
        return _SEPARATORS.sub("", token) if _GROUPED.fullmatch(token) else token
    word = fold(token)
    return "" if word in STOP_WORDS else stem(word)


def terms(text: str) -> set[str]:
    """The search keys of a text (HTML tags and entities read as text)."""
    return keys(words(text))


def keys(tokens: list[str]) -> set[str]:
    """The search keys of a text's ``words``."""
    return set(map(key, set(tokens))) - {""}


# Linear time on any text: no part scans past its own opening character (« [[[[ » or « <<<< »
# would otherwise be read to the end once per character: a mebibyte of them, for ever).
# The look-ahead names every character a part can start with: the scan skips the others.
_MARKUP = re.compile(r"(?=[!\[<*_`#>|~{\s+-])"
                     r"(?:!?\[([^\[\]]*)\]\([^()]*\)|<[^<>]+>|[*_`#>|~]+|^\s*[-+]\s+|\{[^{}]*\})", re.M)
# Per document, the text where the browser cuts a passage around the query's words (as
# Pagefind does from its per-page fragments): the whole text, so that a word found deep in
# a page is shown, up to this many characters (far beyond any article; bounds a hostile one).
# It sits in the excerpt shards, fetched only for the results shown: the first query's
# bytes (the index and its postings) do not grow with it.
EXCERPT_CHARS = 60_000


def _unmarked(match: re.Match) -> str:
    """A link's text; nothing for emphasis marks (inside words); a space for the rest."""
    if match.group(1) is not None:
        return match.group(1)
    return "" if match.group(0)[0] in "*_`~" else " "


def plain_text(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A Markdown or HTML text as plain text, cut after a whole word past ``limit``: where a
    search result's passage is cut, around its query words (briefing-search.js passage)."""
    text = html.unescape(_MARKUP.sub(_unmarked, text[:limit * 2]))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit] + " …"


# What a page's HTML holds that a reader never sees: scripts, styles, templates (their text is
# not shown), and elements the page hides (``hidden``, ``aria-hidden="true"``), when they hold
# no element of the same name (a nested one would end the match early: then left as text).
_UNSEEN = re.compile(
    r"<(script|style|template)\b[^>]*>.*?</\1\s*>"
    r"|<([a-z][a-z0-9]*)\b[^>]*\s(?:hidden|aria-hidden=\"true\")(?=[\s>/=])[^>]*>(?:(?!<\2\b).)*?</\2\s*>",
    re.I | re.S)
# What _UNSEEN needs to find anything (in HTML as written by templates and Markdown, or in
# capitals): most pages hold none, and a substring search costs nothing beside a scan.
_UNSEEN_HINTS = ("<script", "<style", "<template", "hidden", "<SCRIPT", "<STYLE", "<TEMPLATE", "HIDDEN")


# Elements inside a line of text: a word may run across one (« l’<a>armée</a> »), as the reader
# sees it; every other tag separates words.
_INLINE = re.compile(r"</?(?:a|abbr|b|bdi|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span"
                     r"|strong|sub|sup|time|u|var)\b[^<>]*>", re.I)


# A run of white space to read as one space: one that is not a lone space already (most of
# a page's are, and are left as they are: fewer pieces to join).
_SPACES = re.compile(r"(?: [ \t\n\r\f\v]|[\t\n\r\f\v])[ \t\n\r\f\v]*")


def page_text(markup: str, limit: int = EXCERPT_CHARS) -> tuple[str, str]:
    """A page's HTML content as search reads it: the search keys of every word a reader
    sees on it (space-separated), and that text (tags read as spaces, entities decoded, cut
    after ``limit`` characters), where a result's passage is cut."""
    if any(hint in markup for hint in _UNSEEN_HINTS):
        markup = _UNSEEN.sub(" ", markup)
    # Tags read as spaces and entities decoded once, for both the keys and the text: what
    # ``words`` would do again (without_tags leaves no tag for a second pass to find).
    seen = html.unescape(without_tags(_INLINE.sub("", markup)))
    text = _SPACES.sub(" ", seen).strip(" ")  # no-break spaces kept, as typeset
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[:cut if cut > 0 else limit] + " …"
    return " ".join(sorted(keys(_TOKEN.findall(seen.lower())))), text


SPELLING_SIMILARITY = 0.75  # how alike two keys must be to be spellings of one name


def spelling_groups(names: Iterable[Iterable[str]]) -> list[list[str]]:
    """The keys that are spellings of one name, from each actor's names and aliases: two
    names with as many words, differing in one word whose keys look alike (« Boudanov »,
    « Budanov »; « Kyrylo Boudanov », « Kyrylo Budanov »), make those keys one group.
    A query for one key of a group finds the others' documents too (briefing-search.js)."""
    groups: list[set[str]] = []
    for spellings in names:
        word_keys = {tuple(k for k in map(key, words(name)) if k) for name in spellings}
        for first in word_keys:
            for second in word_keys:
                if first >= second or len(first) != len(second):
                    continue
                differ = [(a, b) for a, b in zip(first, second) if a != b]
                if len(differ) == 1 and not differ[0][0].isdigit() and SequenceMatcher(
                        None, *differ[0]).ratio() >= SPELLING_SIMILARITY:
                    pair = set(differ[0])
                    joined = [g for g in groups if g & pair]
                    groups = [g for g in groups if not g & pair] + [pair.union(*joined)]
    return sorted(sorted(group) for group in groups)


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


@dataclass(frozen=True, slots=True)  # 10,000 made per build
class SearchDocument:
    url: str       # relative to the site root
    title: str
    detail: str    # date and outlet, shown under the title
    terms: str     # its distinct search keys, space-separated (not sets: 10,000 of them)
    excerpt: str = ""  # plain text, where a passage holding the query's words is sought
    hub: bool = False  # a page that is not an article: ranked after articles that match as well
    # What results can be filtered by, by facet (FACETS): an article's year, outlet, topics.
    facets: tuple[tuple[str, ...], ...] = ()


FACETS = ("topic", "year", "outlet")  # the order of SearchDocument.facets


def _facets(documents: list[SearchDocument]) -> list[dict]:
    """Per facet, its values (years newest first, the rest in alphabetical order) and, per
    document, the numbers of its values: a few bytes per article."""
    facets = []
    for position, name in enumerate(FACETS):
        found = {value for d in documents if d.facets for value in d.facets[position]}
        values = sorted(found, reverse=True) if name == "year" else sorted(found, key=fold)
        number = {value: i for i, value in enumerate(values)}
        # One text: per document (separated by spaces) its values' numbers, by commas. A
        # text costs the page nothing to load; it reads it only once a filter is chosen.
        facets.append({"name": name, "values": values, "docs": " ".join(
            ",".join(str(number[v]) for v in d.facets[position]) if d.facets else ""
            for d in documents)})
    return facets


def _encoded(term_ids: array, per_document: array, rank: np.ndarray) -> list[str]:
    """Per term (by rank, as many as rank has), its documents' numbers encoded ("" for
    none), from the number of the term of each (term, document) pair, documents in order
    (per_document pairs each). term_ids is emptied once read.

    Millions of pairs at 10,000 articles: they live in flat arrays, sorted once in place,
    with intermediates freed as soon as they are used.
    """
    keys = rank[np.frombuffer(term_ids, dtype=np.uint32)]
    del term_ids[:]
    width = np.uint64(max(1, len(per_document)))
    keys *= width  # keys (term rank, document): sorted, by term, each term's documents ascending
    keys += np.repeat(np.arange(len(per_document), dtype=np.uint64),
                      np.frombuffer(per_document, dtype=np.uint32))
    keys.sort()
    # Where each term's documents start (a term without any: where the next one's start).
    bounds = np.searchsorted(keys, np.arange(len(rank) + 1, dtype=np.uint64) * width)
    first = np.zeros(len(keys), dtype=bool)
    first[bounds[bounds < len(keys)]] = True
    docs = (keys % width).astype(np.uint32)
    del keys
    deltas = docs.copy()
    deltas[1:] -= docs[:-1]
    deltas[first] = docs[first]
    del docs
    text, starts = _encode_deltas(deltas)
    bounds = starts[bounds].tolist()
    encoded = text.decode("ascii")
    return [encoded[a:b] for a, b in zip(bounds, bounds[1:])]


def _postings(documents: list[SearchDocument]) -> tuple[list[str], list[str], list[str]]:
    """The sorted vocabulary and, per term, its documents' numbers encoded, then those of
    the documents whose title holds it (what ranks results, without reading titles)."""
    ids: defaultdict[str, int] = defaultdict(count().__next__)  # term -> number, first seen
    term_ids, per_document = array("I"), array("I")
    for document in documents:
        before = len(term_ids)
        term_ids.extend(map(ids.__getitem__, document.terms.split()))
        per_document.append(len(term_ids) - before)
    vocabulary = sorted(ids)
    rank = np.empty(len(ids), dtype=np.uint64)
    rank[[ids[term] for term in vocabulary]] = np.arange(len(vocabulary), dtype=np.uint64)
    postings = _encoded(term_ids, per_document, rank)
    title_ids, per_title = array("I"), array("I")
    for document in documents:
        before = len(title_ids)
        title_ids.extend(ids[term] for term in terms(document.title) if term in ids)
        per_title.append(len(title_ids) - before)
    titles = _encoded(title_ids, per_title, rank)
    return vocabulary, postings, titles


SHARD_PATH = "search/postings-{}.js"
SHARDS_GLOBAL = "__BRIEFING_POSTINGS__"
TITLES_GLOBAL = "__BRIEFING_TITLE_POSTINGS__"  # in the same files, on their second line
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


EXCERPT_PATH = "search/excerpts-{}.js"
EXCERPTS_GLOBAL = "__BRIEFING_EXCERPTS__"
EXCERPT_DOCS = 10  # documents' whole texts per excerpt shard: a page of results loads a few


def _shard_script(global_name: str, number: int, data: object) -> bytes:
    return _script(f"(window.{global_name} = window.{global_name} || {{}})[{number}]", data)


def _lines(texts: Iterable[str]) -> str:
    """Texts as one, a line each: the page splits it in a moment, where as many arrays
    written out would cost it tens of milliseconds to parse at 10,000 articles."""
    return "\n".join(" ".join(text.splitlines()) for text in texts)


def build_index(documents: list[SearchDocument], spellings: list[list[str]] | None = None,
                excerpts: bool = True) -> dict[str, bytes]:
    """The index scripts, by path. ``search/index.js`` sets ``window.__BRIEFING_SEARCH__ =
    {urls, titles, details, hubs, terms, shards, excerpts, steps, min_stem, stop, facets}``:
    per document, a line of urls, titles and details (date and outlet), and hubs the numbers
    of the hub pages; shard k's postings (one string per term from
    ``terms[shards[k]]`` on) are in ``search/postings-k.js``, loaded when a query needs
    them: the first search parses a fraction of the index. That file's second line holds
    the same terms' title postings (the documents whose title holds the term): results are
    ranked with them, the page tokenises no title but the twenty it shows. Excerpts come
    ``excerpts`` documents per file (``search/excerpts-k.js``, see excerpt_scripts; left out
    when ``excerpts`` is false), loaded only for the results shown. steps, min_stem and stop
    are the key rules (SUFFIX_STEPS above); facets what results can be filtered by (_facets); spellings the groups of keys that are
    spellings of one name (spelling_groups), one group per line."""
    vocabulary, postings, titles = _postings(documents)
    starts = _shards(vocabulary, postings)
    files = {INDEX_PATH: _script(f"window.{GLOBAL}", {
        "urls": _lines(d.url for d in documents),
        "titles": _lines(d.title for d in documents),
        "details": _lines(d.detail for d in documents),
        "hubs": [number for number, d in enumerate(documents) if d.hub],
        "terms": "\n".join(vocabulary),
        "shards": starts,
        "excerpts": EXCERPT_DOCS,
        "steps": SUFFIX_STEPS,
        "min_stem": MIN_STEM,
        "stop": " ".join(sorted(STOP_WORDS)),
        "facets": _facets(documents),
        "spellings": "\n".join(" ".join(group) for group in spellings or ()),
    })}
    for number, (start, stop) in enumerate(zip(starts, [*starts[1:], len(vocabulary)])):
        files[SHARD_PATH.format(number)] = (
            _shard_script(SHARDS_GLOBAL, number, postings[start:stop])
            + _shard_script(TITLES_GLOBAL, number, titles[start:stop]))
    if excerpts:
        files.update(excerpt_scripts(documents))
    return files


def excerpt_shards(count: int) -> list[range]:
    """The numbers of the documents of each excerpt shard (``search/excerpts-k.js``)."""
    return [range(start, min(start + EXCERPT_DOCS, count)) for start in range(0, count, EXCERPT_DOCS)]


def excerpt_script(number: int, texts: Iterable[str]) -> bytes:
    """Excerpt shard ``number``: its documents' whole texts."""
    return _shard_script(EXCERPTS_GLOBAL, number, list(texts))


def excerpt_scripts(documents: list[SearchDocument]) -> Iterator[tuple[str, bytes]]:
    """The excerpt shards of documents that hold their texts (``excerpt``), one at a time."""
    for number, numbers in enumerate(excerpt_shards(len(documents))):
        yield EXCERPT_PATH.format(number), excerpt_script(number, (documents[n].excerpt
                                                                   for n in numbers))
