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
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import combinations

import numpy as np

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


_WORD_IDS: dict[str, int] = {}  # word -> number, kept across articles: words repeat


def shingles(text: str) -> frozenset[int]:
    """The sampled shingle hashes of ``text``."""
    word_ids = _WORD_IDS
    if len(word_ids) > 1_000_000:  # bounded, whatever the archive
        word_ids.clear()
    ids = []
    for word in _WORD.findall(text.lower()):
        number = word_ids.get(word)
        if number is None:
            number = word_ids[word] = zlib.crc32(word.encode())
        ids.append(number)
    grams = zip(*(ids[i:] for i in range(SHINGLE_WORDS)))
    return frozenset(h for h in map(hash, grams) if h % SAMPLE == 0)


def near_duplicates(archive: Archive, threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    return similar_pairs({article.id: shingles(article.body)
                          for article in archive.articles}, threshold)


def similar_pairs(shingle_sets: Mapping[str, Collection[int] | np.ndarray],
                  threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    """Near-duplicates among articles given by id (in archive order) and shingles.

    All shingles are sorted together (numpy): runs of one shingle name the articles
    sharing it, so only shared shingles cost Python work.
    """
    ids = list(shingle_sets)
    arrays = [values if isinstance(values, np.ndarray)
              else np.fromiter(values, dtype=np.int64, count=len(values))
              for values in shingle_sets.values()]
    sizes = np.array([len(values) for values in arrays], dtype=np.int64)
    values = np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)
    owners = np.repeat(np.arange(len(arrays)), sizes)
    order = np.argsort(values, kind="stable")  # each shingle's owners stay ascending
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else values
    lengths = np.diff(np.r_[starts, len(values)])
    shared: Counter[tuple[int, int]] = Counter()
    evidence = (lengths > 1) & (lengths <= MAX_SHARED_BY)
    for start, length in zip(starts[evidence].tolist(), lengths[evidence].tolist()):
        shared.update(combinations(owners[start:start + length].tolist(), 2))
    found = []
    for (a, b), count in sorted(shared.items()):
        similarity = count / max(1, min(sizes[a], sizes[b]))
        if similarity >= threshold:
            found.append(NearDuplicate(ids[a], ids[b], round(float(similarity), 2)))
    return tuple(found)


def same_story_elsewhere(pairs: tuple[NearDuplicate, ...]) -> dict[str, list[str]]:
    """For each article, the other articles that run the same story."""
    links: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        links[pair.first].append(pair.second)
        links[pair.second].append(pair.first)
    return dict(links)
