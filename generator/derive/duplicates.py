"""Near-duplicate articles: the same wire story run by several outlets, or one article twice.

Each body becomes a set of 5-word shingles (of its words as the search reads them, see
words.py), of which a fixed 1 in SAMPLE is kept (chosen by hash value, so two texts keep
the same shingles). Two articles are near-duplicates when they share at least MIN_SHARED
sampled shingles and at least NEAR_DUPLICATE of the shorter one's (overlap coefficient): an
outlet that trims or extends a dispatch still matches, while two short texts that only share
a stock phrase (one or two sampled shingles, which is a large part of a short text) do not.
A text too short to hold MIN_SHARED sampled shingles (a 40-word dispatch) is a copy when
nearly all of its sampled shingles, and at least SHORT_SHARED, stand in the other.

Candidates come from the shingles themselves: all shingles are sorted together, and each
run of one shingle names the articles sharing it. How many articles a shingle may be shared
by is not capped: a dispatch carried by 50 or 500 outlets is found whole. What is bounded
is the work per shingle:

- a shingle shared by at most EXACT_UP_TO articles counts for each pair of them (a
  50-copy dispatch: 1,225 pairs per shingle);
- a shingle shared by more counts only between its first article (in archive order) and
  each other one. Copies of one story share most of their shingles, whose first article is
  the same earliest copy: every copy reaches the thresholds against it, and the copies form
  one group through it (``ledger.dispatches`` takes connected components). Boilerplate
  shared by thousands of unrelated articles costs one count per article instead of
  millions of pairs, and gives each article at most one count per boilerplate shingle:
  far below the thresholds unless two texts truly share that much text.

Every count is thus a shingle the two articles really share (never more than an exact
count), the work is at most EXACT_UP_TO / 2 counts per shingle of the archive, and is done
by numpy in batches so that memory stays bounded too. Hashes are of integers only: the
same across runs.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from ..model import Archive, Article
from .words import words

SHINGLE_WORDS = 5
SAMPLE = 8
NEAR_DUPLICATE = 0.3
# Sampled shingles two texts must share, whatever their length: about 50 words in common
# (each sampled shingle stands for SAMPLE 5-word sequences). Unrelated articles on the same
# subject share up to 3 (stock phrases: « des soldats nord-coréens en Russie »).
MIN_SHARED = 6
# A text too short to hold MIN_SHARED sampled shingles (a dispatch of about 40 words holds 4 or
# 5) is a copy of another when it shares at least SHORT_SHARED of them, SHORT_COPY of its own
# (nearly all its text) and SHORT_OF_LONGER of the other's (not a brief quoting a long text's
# sentence). A stock phrase is a few of a text's shingles, rarely nearly all.
SHORT_SHARED = 2
SHORT_COPY = 0.8
SHORT_OF_LONGER = 0.6
# Articles sharing a shingle up to which every pair of them is counted; beyond, the first
# one stands for the story (see the module's docstring).
EXACT_UP_TO = 100
_BATCH = 1 << 21  # pair counts made at once (16 MB per array)


@dataclass(frozen=True)
class NearDuplicate:
    first: str   # article ids, in archive order
    second: str
    similarity: float


def shingles(text: str) -> frozenset[int]:
    """The sampled shingle hashes of ``text``."""
    return word_shingles(words(text))


def word_shingles(tokens: list[str], word_ids: dict[str, int] | None = None) -> frozenset[int]:
    """The sampled shingle hashes of a text's ``words``. ``word_ids`` (word -> number) may
    be kept across the texts of one build by the caller: words repeat."""
    if word_ids is None:
        word_ids = {}
    elif len(word_ids) > 1_000_000:  # bounded, whatever the archive
        word_ids.clear()
    ids = []
    for word in tokens:
        number = word_ids.get(word)
        if number is None:
            number = word_ids[word] = zlib.crc32(word.encode())
        ids.append(number)
    grams = zip(*(ids[i:] for i in range(SHINGLE_WORDS)))
    return frozenset(h for h in map(hash, grams) if h % SAMPLE == 0)


def near_duplicates(archive: Archive[Article],
                    threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    """Near-duplicates among the archive's articles, from their texts."""
    word_ids: dict[str, int] = {}
    return similar_pairs({article.id: word_shingles(words(article.body), word_ids)
                          for article in archive.articles}, threshold)


def _pairs_of_runs(owners: np.ndarray, starts: np.ndarray,
                   lengths: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Batches of (first, second) owner arrays: every pair of a short run, the first
    owner with each other one in a long run."""
    exact = lengths <= EXACT_UP_TO
    for length in np.unique(lengths[exact]).tolist():
        run_starts = starts[exact & (lengths == length)]
        left, right = np.triu_indices(length, 1)
        per_batch = max(1, _BATCH // len(left))
        for at in range(0, len(run_starts), per_batch):
            chunk = run_starts[at:at + per_batch, None]
            yield owners[chunk + left].ravel(), owners[chunk + right].ravel()
    long_starts, long_lengths = starts[~exact], lengths[~exact]
    if len(long_starts):
        others = np.concatenate([np.arange(start + 1, start + length)
                                 for start, length in zip(long_starts.tolist(),
                                                          long_lengths.tolist())])
        firsts = np.repeat(owners[long_starts], long_lengths - 1)
        for at in range(0, len(others), _BATCH):
            yield firsts[at:at + _BATCH], owners[others[at:at + _BATCH]]


def similar_pairs(shingle_sets: Mapping[str, Collection[int] | np.ndarray],
                  threshold: float = NEAR_DUPLICATE) -> tuple[NearDuplicate, ...]:
    """Near-duplicates among articles given by id (in archive order) and shingles, in
    archive order of their first then second article."""
    ids = list(shingle_sets)
    arrays = [values if isinstance(values, np.ndarray)
              else np.fromiter(values, dtype=np.int64, count=len(values))
              for values in shingle_sets.values()]
    values = np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)
    owners = np.repeat(np.arange(len(arrays), dtype=np.int64), [len(a) for a in arrays])
    order = np.argsort(values, kind="stable")  # each shingle's owners stay ascending
    values, owners = values[order], owners[order]
    if len(values):  # a shingle given twice for one article counts once
        once = np.r_[True, (values[1:] != values[:-1]) | (owners[1:] != owners[:-1])]
        values, owners = values[once], owners[once]
    sizes = np.bincount(owners, minlength=len(arrays))
    starts = (np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values)
              else np.empty(0, dtype=np.int64))
    lengths = np.diff(np.r_[starts, len(values)])
    shared = lengths > 1
    counted_pairs, counted = [], []
    for first, second in _pairs_of_runs(owners, starts[shared], lengths[shared]):
        pairs, counts = np.unique(first * len(ids) + second, return_counts=True)
        counted_pairs.append(pairs)
        counted.append(counts)
    if not counted_pairs:
        return ()
    pairs, where = np.unique(np.concatenate(counted_pairs), return_inverse=True)
    counts = np.bincount(where, weights=np.concatenate(counted)).astype(np.int64)
    first, second = np.divmod(pairs, len(ids))
    shorter = np.minimum(sizes[first], sizes[second])
    similarity = counts / np.maximum(1, shorter)
    keep = ((counts >= MIN_SHARED) & (similarity >= threshold)
            | (shorter < MIN_SHARED) & (counts >= SHORT_SHARED) & (similarity >= SHORT_COPY)
            & (counts >= SHORT_OF_LONGER * np.maximum(sizes[first], sizes[second])))
    return tuple(NearDuplicate(ids[a], ids[b], round(s, 2)) for a, b, s in
                 zip(first[keep].tolist(), second[keep].tolist(), similarity[keep].tolist()))


def same_story_elsewhere(pairs: tuple[NearDuplicate, ...]) -> dict[str, list[str]]:
    """For each article, the other articles that run the same story."""
    links: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        links[pair.first].append(pair.second)
        links[pair.second].append(pair.first)
    return dict(links)
