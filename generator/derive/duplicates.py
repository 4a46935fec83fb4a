"""Near-duplicate articles: the same wire story run by two outlets, or one article twice.

Each body becomes a set of 5-word shingles (lowercased words), of which a fixed 1 in SAMPLE is kept (chosen by hash value, so
two texts keep the same shingles). Two articles are near-duplicates when the
shorter one shares at least NEAR_DUPLICATE of its sampled shingles with the other
(overlap coefficient): an outlet that trims or extends a dispatch still matches.
Candidates come from an inverted index, so the cost follows shared shingles, not
the square of the archive. Hashes are of integers only: the same across runs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..model import Archive

SHINGLE_WORDS = 5
SAMPLE = 8
NEAR_DUPLICATE = 0.3
# A shingle found in more articles than this is boilerplate, not evidence of a shared story.
MAX_SHARED_BY = 10
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    first: str   # article ids, in archive order
    second: str
    similarity: float


def shingles(text: str, word_ids: dict[str, int] | None = None) -> frozenset[int]:
    """The sampled shingle hashes of ``text``; ``word_ids`` caches each word's number."""
    word_ids = {} if word_ids is None else word_ids
    ids = []
    for word in _WORD.findall(text.lower()):
        number = word_ids.get(word)
        if number is None:
            number = word_ids[word] = zlib.crc32(word.encode())
        ids.append(number)
    grams = zip(*(ids[i:] for i in range(SHINGLE_WORDS)))
    return frozenset(h for h in map(hash, grams) if h % SAMPLE == 0)


def near_duplicates(archive: Archive, threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    word_ids: dict[str, int] = {}
    return similar_pairs({article.id: shingles(article.body, word_ids)
                          for article in archive.articles}, threshold)


def similar_pairs(shingle_sets: dict[str, frozenset[int]],
                  threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    """Near-duplicates among articles given by id (in archive order) and shingles."""
    ids = list(shingle_sets)
    sets = list(shingle_sets.values())
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
        similarity = count / max(1, min(len(sets[a]), len(sets[b])))
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
