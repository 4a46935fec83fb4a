"""Figures an article's text gives that no claim records: warnings for `briefing check`.

A number next to a known metric's words (read as `briefing new` reads them, from the
labels, units and synonyms of topics.yml) is a figure the archive could hold. So is a number
before a metric's unit (« 3 000 soldats »). It is
accounted for when a claim gives that number (``value``, ``low`` or ``high``) or when the
frontmatter lists it under ``left_out`` with a reason (a quote of the text holding it).
``--strict`` makes the rest errors: a figure cannot be left out by mistake.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import ArticleInfo, Topic
from ..read.errors import ContentError
from ..read.quotes import normalise
from ..read.sources import article_lines, read_article
from .claims import Candidate, Vocabulary, candidates

_DIGIT = re.compile(r"\d")


def unclaimed_warnings(articles: tuple[ArticleInfo, ...] | list[ArticleInfo],
                       topics: dict[str, Topic], root: Path) -> list[ContentError]:
    """For every article, each figure with a metric that no claim and no ``left_out`` covers."""
    vocabulary = Vocabulary.from_registries(topics, {})
    found: list[ContentError] = []
    for article in articles:
        lines, end = article_lines(root / article.source)
        found += unclaimed_in(article, lines[end + 1:], end + 2, vocabulary, root)
    return found


def unclaimed_in(article: ArticleInfo, body: list[str], first_line: int,
                 vocabulary: Vocabulary, root: Path) -> list[ContentError]:
    blocks = [line.strip() for line in body if _DIGIT.search(line)]
    claimed = {number for claim in article.claims for number in claim.numbers}
    left_out = [normalise(entry.quote) for entry in article.left_out]
    found = []
    for figure in candidates(blocks, vocabulary):
        if figure.topic is None or set(figure.numbers) & claimed:
            continue  # no metric's words or unit next to it, or claimed
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
