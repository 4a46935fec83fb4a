"""Figures an article's text gives that no claim records: warnings for `briefing check`.

A number next to a known metric's words (read as `briefing new` reads them, from the
labels, units and synonyms of topics.yml) is a figure the archive could hold. So is a number
before a metric's unit (« 3 000 soldats »). It is
accounted for when claims give its numbers (``value``, or both ``low`` and ``high`` of a
range: « entre 4 000 et 5 000 » is not covered by a claim of 4 000 alone) or when the
frontmatter lists it under ``left_out`` with a reason (a quote of the text holding it).
``--strict`` makes the rest errors: a figure cannot be left out by mistake.

Reading every figure of every article costs about half a millisecond each: ``briefing check``
keeps each article's warnings in the build cache (``WarningCache``), under a key made of its
bytes and its path, for one fingerprint of the code and registries, so that an unchanged
article costs a hash on the next check.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..model import ArticleInfo, Topic
from ..publish import sealed
from ..read.errors import ContentError
from ..read.quotes import normalise
from ..read.sources import article_lines, read_article
from .claims import Candidate, Vocabulary, candidates

_DIGIT = re.compile(r"\d")


class WarningCache:
    """Every article's warnings in one sealed record (publish/sealed.py: JSON, signed by this
    machine; a record changed or made elsewhere is a miss), made for one ``fingerprint``
    (publish/pipeline.py: the generator's code, the registries, the libraries) and holding,
    for each article, its key (its path and bytes) and its warnings. One file: at 10,000
    articles, one read and one signature check cost far less than one file per article.
    ``save`` writes it back with only the articles asked for this time."""

    def __init__(self, file: Path, fingerprint: str):
        self.file = file
        self.name = f"unclaimed {fingerprint}"
        self.kept: dict[str, list[list]] | None = None   # read on first use
        self.asked: dict[str, list[list]] = {}

    @staticmethod
    def key(data: bytes, path: str) -> str:
        named = path.encode("utf-8")
        return hashlib.sha256(len(named).to_bytes(8, "little") + named + data).hexdigest()

    def get(self, key: str) -> list[ContentError] | None:
        if self.kept is None:
            parts = sealed.read_sealed(self.file, self.name)
            try:
                self.kept = json.loads(parts[0]) if parts and len(parts) == 1 else {}
            except ValueError:
                self.kept = {}
            if not isinstance(self.kept, dict):
                self.kept = {}
        fields = self.kept.get(key)
        if fields is None:
            return None
        try:
            found = [ContentError(*entry) for entry in fields]
        except TypeError:  # not the fields of a warning
            return None
        self.asked[key] = fields
        return found

    def put(self, key: str, warnings: list[ContentError]) -> None:
        self.asked[key] = [[w.path, w.line, w.column, w.field, w.message, w.hint, w.severity]
                           for w in warnings]

    def save(self) -> None:
        if self.asked == self.kept:
            return
        record = json.dumps(self.asked, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            sealed.write_sealed(self.file, self.name, [record])
        except OSError:
            pass  # a cache that cannot be written only costs time


def unclaimed_warnings(articles: tuple[ArticleInfo, ...] | list[ArticleInfo],
                       topics: dict[str, Topic], root: Path,
                       cache: WarningCache | None = None) -> list[ContentError]:
    """For every article, each figure with a metric that no claim and no ``left_out`` covers."""
    vocabulary: Vocabulary | None = None  # made on the first article the cache lacks
    found: list[ContentError] = []
    for article in articles:
        path = root / article.source
        key = cache.key(path.read_bytes(), article.source) if cache else ""
        cached = cache.get(key) if cache else None
        if cached is not None:
            found += cached
            continue
        vocabulary = vocabulary or Vocabulary.from_registries(topics, {})
        lines, end = article_lines(path)
        warnings = unclaimed_in(article, lines[end + 1:], end + 2, vocabulary, root)
        if cache:
            cache.put(key, warnings)
        found += warnings
    if cache:
        cache.save()
    return found


def unclaimed_in(article: ArticleInfo, body: list[str], first_line: int,
                 vocabulary: Vocabulary, root: Path) -> list[ContentError]:
    blocks = [line.strip() for line in body if _DIGIT.search(line)]
    claimed = {number for claim in article.claims for number in claim.numbers}
    left_out = [normalise(entry.quote) for entry in article.left_out]
    found = []
    for figure in candidates(blocks, vocabulary):
        if figure.topic is None or set(figure.numbers) <= claimed:
            continue  # no metric's words or unit next to it, or claimed (both ends of a range)
        printed = normalise(figure.sentence[figure.start:figure.end])
        if any(printed in quote or quote in printed for quote in left_out):
            continue
        found.append(_warning(article, figure, body, first_line))
    for i, entry in enumerate(article.left_out):
        if not any(normalise(entry.quote) in normalise(line) for line in body):
            found.append(read_article(root / article.source, root).error(
                ("left_out", i, "quote"), f"left_out[{i}].quote", "this quote is not in the text",
                "copy the words holding the figure from the article, word for word",
                severity="warning"))
    return found


def _warning(article: ArticleInfo, figure: Candidate, body: list[str], first_line: int) -> ContentError:
    start = figure.sentence[:60]
    index = next((i for i, line in enumerate(body) if start in line), None)
    line = first_line + index if index is not None else 0
    column = body[index].find(start) + figure.start + 1 if index is not None else 0
    return ContentError(
        article.source, line, column, "claims",
        f"figure « {figure.figure_text} » ({figure.topic}.{figure.metric or '?'}, read from "
        f"{figure.metric_hint or figure.topic_hint}) is claimed by no claim",
        "add a claim for it, or list it under 'left_out' (quote: the words holding it; reason: "
        "why the archive does not record it)", severity="warning")
