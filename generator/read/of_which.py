"""« dont » in a text: a figure it counts inside another (« quelque 250 pièces d'artillerie à
longue portée, dont environ 140 canons automoteurs Koksan ») under two metrics topics.yml
does not nest.

The site says « dont » only where topics.yml declares the narrower metric ``within`` the wider
one (or among its ``parts``); otherwise the two figures stand side by side, at best as scopes
that overlap: less than the text says. Nothing else would notice: `briefing check` asks, as a
warning located on the narrower figure's claim, while topics.yml does not nest them. A part
claimed under its total's own metric, actor and date is asked about too: the site would read it
as the actor's figure revised down.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import ArticleInfo, Claim, Topic
from .errors import ContentError
from .quotes import find_quote
from .sources import read_article, read_body

_OF_WHICH = re.compile(r"\bdont\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s")
# At most this many characters from the wider figure's quote to the narrower one's: « …, dont ».
_GAP = 40


def of_which_questions(articles: tuple[ArticleInfo, ...] | list[ArticleInfo],
                       topics: dict[str, Topic], root: Path) -> list[ContentError]:
    """One warning per claim whose figure its text counts « dont » in another claim's figure
    of the same topic, when topics.yml does not declare its metric within that one."""
    found = []
    for article in articles:
        figures = [(index, claim) for index, claim in enumerate(article.claims)
                   if claim.metric and claim.topic in topics]
        pairs = [(i, whole, j, part) for i, whole in figures for j, part in figures
                 if whole.topic == part.topic and (_read_as_its_whole(part, whole) or (
                     whole.metric != part.metric and not _nested(topics[part.topic], part, whole)))]
        if not pairs:
            continue
        text = read_body(root / article.source, root)
        if not _OF_WHICH.search(text):
            continue
        asked, source = set(), None
        for i, whole, j, part in pairs:
            if j in asked or not _counted_in(text, whole.quote, part.quote):
                continue
            asked.add(j)
            source = source or read_article(root / article.source, root)
            if whole.metric == part.metric:
                found.append(source.error(
                    ("claims", j, "metric"), f"claims[{j}].metric",
                    f"the text counts this figure « dont » claims[{i}]'s, but both are {part.metric} figures "
                    "of one actor for one date: the part reads as a second figure of the whole",
                    f"a part of another scope needs its own metric: add one to topics.yml with within: "
                    f"{whole.metric}, and give this claim that metric", severity="warning"))
                continue
            overlapping = whole.metric in topics[part.topic].metrics[part.metric or ""].overlaps or (
                part.metric in topics[whole.topic].metrics[whole.metric or ""].overlaps)
            found.append(source.error(
                ("claims", j, "metric"), f"claims[{j}].metric",
                f"the text counts this {part.metric} figure « dont » claims[{i}]'s {whole.metric} "
                f"figure, but topics.yml does not declare {part.metric} within {whole.metric}"
                + (" (it declares their scopes overlapping)" if overlapping else ""),
                f"if every {part.metric} is counted in {whole.metric}, add {whole.metric} to "
                f"{part.metric}'s within in topics.yml: the site then says « dont »",
                severity="warning"))
    return found


def _read_as_its_whole(part: Claim, whole: Claim) -> bool:
    """Whether ``part`` is a smaller figure of ``whole``'s metric, actor and date (« plus de 13 millions
    d'obus …, dont environ 4 millions d'obus de 152 mm », both shells supplied): the site would read
    the part as the actor revising its figure down."""
    largest = part.high if part.high is not None else part.value
    least = whole.low if whole.low is not None else whole.value
    return (part.metric == whole.metric and part.attributed_to == whole.attributed_to
            and str(part.as_of) == str(whole.as_of) and largest is not None and least is not None
            and largest < least)


def _nested(topic: Topic, part: Claim, whole: Claim) -> bool:
    """Whether topics.yml declares ``part``'s metric within ``whole``'s, or among its parts."""
    return (whole.metric in topic.metrics[part.metric or ""].wider
            or part.metric in topic.metrics[whole.metric or ""].parts)


def _counted_in(text: str, whole: str, part: str) -> bool:
    """Whether ``part``'s quote follows ``whole``'s in one sentence, after « dont » (or
    opening with it): « … à longue portée, dont environ 140 canons … »."""
    wide, narrow = find_quote(text, whole), find_quote(text, part)
    if wide is None or narrow is None or not 0 <= narrow[0] - wide[1] <= _GAP:
        return False
    between = text[wide[1]:narrow[0]]
    if _SENTENCE_END.search(between + " "):
        return False
    if _OF_WHICH.match(text, narrow[0]):
        return True
    last = None
    for last in _OF_WHICH.finditer(between):
        pass
    return last is not None and not between[last.end():].strip()
