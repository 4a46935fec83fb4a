"""Near-duplicates: found however many outlets carry a story, never from a stock phrase alone,
and boilerplate shared by thousands of articles links none of them."""

from __future__ import annotations

import random

from generator.derive.duplicates import (
    EXACT_UP_TO,
    MIN_SHARED,
    same_story_elsewhere,
    shingles,
    similar_pairs,
)
from generator.derive.ledger import dispatches

# Made-up words: no two random texts share a 5-word sequence by chance.
VOCABULARY = [f"{a}{b}{c}" for a in ("ka", "ro", "mi", "te", "su", "no", "pa", "li")
              for b in ("ra", "vo", "de", "zu", "ki", "ma") for c in ("n", "s", "t", "l", "")]


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


def dispatch_copies(copies: int, seed: int = 1) -> dict[str, str]:
    """One 400-word dispatch run by ``copies`` outlets, each with its own lead and ending,
    some trimmed."""
    rng = random.Random(seed)
    dispatch = words(rng, 400).split()
    texts = {}
    for n in range(copies):
        kept = dispatch[:400 - 20 * (n % 5)]  # an outlet may cut the last paragraphs
        texts[f"copy-{n:03}"] = f"{words(rng, 40)} {' '.join(kept)} {words(rng, 30)}"
    return texts


def sets(texts: dict[str, str]) -> dict[str, frozenset[int]]:
    return {article_id: shingles(text) for article_id, text in texts.items()}


def groups(texts: dict[str, str]) -> list[set[str]]:
    """The groups of articles found to run one story (connected components, as the
    ledger's dispatches); an article alone is in no group."""
    dispatch_of = dispatches((p.first, p.second) for p in similar_pairs(sets(texts)))
    found: dict[str, set[str]] = {}
    for article_id, dispatch in dispatch_of.items():
        found.setdefault(dispatch, set()).add(article_id)
    return sorted(found.values(), key=min)


def unrelated(count: int, seed: int = 2, length: int = 300) -> dict[str, str]:
    rng = random.Random(seed)
    return {f"other-{n:04}": words(rng, length) for n in range(count)}


def test_a_dispatch_carried_by_50_outlets_is_one_group():
    copies = dispatch_copies(50)
    assert groups({**unrelated(30), **copies}) == [set(copies)]
    pairs = similar_pairs(sets(copies))
    assert len(pairs) == 50 * 49 // 2  # every copy is like every other
    links = same_story_elsewhere(pairs)
    assert all(len(links[article_id]) == 49 for article_id in copies)


def test_a_dispatch_carried_by_more_outlets_than_counted_pairwise_is_still_one_group():
    copies = dispatch_copies(EXACT_UP_TO + 50, seed=3)
    others = unrelated(20)
    assert groups({**others, **copies}) == [set(copies)]
    # Two stories, each carried widely, stay two groups.
    second = {f"b-{article_id}": text for article_id, text in dispatch_copies(EXACT_UP_TO + 5, 4).items()}
    assert groups({**copies, **others, **second}) == [set(second), set(copies)]


def test_boilerplate_shared_by_thousands_of_articles_links_none_of_them():
    rng = random.Random(5)
    boilerplate = words(rng, 40)  # a standard paragraph every article ends with
    texts = {article_id: f"{text} {boilerplate}"
             for article_id, text in unrelated(3000, seed=6, length=200).items()}
    assert similar_pairs(sets(texts)) == ()


def test_two_short_texts_sharing_one_stock_phrase_are_not_duplicates():
    stock = ("a déclaré le porte-parole de l'état-major interarmées sud-coréen lors de son "
             "point de presse hebdomadaire")
    first = f"Des soldats nord-coréens ont été vus près de Koursk, {stock}."
    second = f"Pyongyang a livré de nouveaux obus d'artillerie à Moscou, {stock}."
    shared = len(shingles(first) & shingles(second))
    assert 0 < shared < MIN_SHARED  # the phrase is shared, and is most of each text
    assert shared / min(len(shingles(first)), len(shingles(second))) >= 0.3
    assert similar_pairs(sets({"a": first, "b": second})) == ()


def test_a_short_article_copied_whole_is_still_a_duplicate():
    rng = random.Random(7)
    brief = words(rng, 90)
    texts = {"brief": brief, "copy": f"{words(rng, 10)} {brief}", "other": words(rng, 90)}
    [pair] = similar_pairs(sets(texts))
    assert (pair.first, pair.second) == ("brief", "copy") and pair.similarity >= 0.9


def test_pairs_are_in_archive_order_and_a_shingle_given_twice_counts_once():
    copies = dispatch_copies(3)
    shingle_sets = {article_id: list(found) * 2 for article_id, found in sets(copies).items()}
    pairs = similar_pairs(shingle_sets)
    assert [(p.first, p.second) for p in pairs] == [("copy-000", "copy-001"),
                                                  ("copy-000", "copy-002"),
                                                  ("copy-001", "copy-002")]
    assert all(p.similarity <= 1 for p in pairs)


def test_a_short_dispatch_run_by_three_outlets_is_one_group():
    # A 40-word dispatch holds about 5 sampled shingles, under MIN_SHARED: copies of it, each
    # with its own byline, are still found (all but those whose text holds under 2).
    found = 0
    for seed in range(100):
        rng = random.Random(seed)
        dispatch = words(rng, 40)
        copies = {f"outlet-{n}": f"{words(rng, 3)} {dispatch}" for n in range(3)}
        found += groups({**copies, "other": words(rng, 40)}) == [set(copies)]
    assert found >= 90, found


def test_short_texts_sharing_a_stock_phrase_stay_apart():
    linked = 0
    for seed in range(100):
        rng = random.Random(1000 + seed)
        stock = words(rng, 8)
        linked += bool(similar_pairs(sets({"a": f"{words(rng, 32)} {stock}",
                                           "b": f"{words(rng, 32)} {stock}"})))
    assert linked == 0
