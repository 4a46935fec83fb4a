"""Near-duplicate articles: the same wire story run by two outlets, or one article twice.

Each body becomes a set of 5-word shingles (accents, quotes and case folded by
quotes.normalise). Two articles are near-duplicates when the shorter one shares at
least NEAR_DUPLICATE of its shingles with the other (overlap coefficient): an
outlet that trims or extends a dispatch still matches. Candidates come from an
inverted index, so the cost follows shared shingles, not the square of the archive.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..model import Archive
from ..quotes import normalise

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.3
# A shingle found in more articles than this is boilerplate, not evidence of a shared story.
MAX_SHARED_BY = 50
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    first: str   # article ids, in archive order
    second: str
    similarity: float


def shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(normalise(text).lower())
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
                     for i in range(max(len(words) - SHINGLE_WORDS + 1, 0)))


def near_duplicates(archive: Archive, threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    ids = [article.id for article in archive.articles]
    sets = [shingles(article.body) for article in archive.articles]
    postings: dict[int, list[int]] = defaultdict(list)
    for index, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            postings[shingle].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= MAX_SHARED_BY:
            shared.update(combinations(members, 2))
    found = []
    for (a, b), count in sorted(shared.items()):
        similarity = count / min(len(sets[a]), len(sets[b]))
        if similarity >= threshold:
            found.append(NearDuplicate(ids[a], ids[b], round(similarity, 2)))
    return tuple(found)


def same_story_elsewhere(pairs: tuple[NearDuplicate, ...]) -> dict[str, list[str]]:
    """For each article, the other articles that run the same story."""
    links: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        links[pair.first].append(pair.second)
        links[pair.second].append(pair.first)
    return dict(links)
