"""The prebuilt search index: folded terms, compact postings, what the browser decodes."""

import json

from generator import search
from generator.search import (GLOBAL, SHARDS_GLOBAL, SearchDocument, build_index, encode_numbers,
                              fold, terms)


def test_fold_removes_accents_only():
    assert fold("déployés") == "deployes"
    assert fold("koursk") == "koursk"


def test_terms_are_folded_lowercase_without_markup_or_stop_words():
    assert terms("<p>La Corée a déployé 3.000 soldats, KN-23 &amp; l’équipement</p>") == {
        "coree", "deploye", "3.000", "soldats", "kn", "23", "amp", "equipement"}


def decode(text: str) -> list[int]:
    """The decoder of briefing-search.js, in Python."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
    numbers, value, previous = [], 0, 0
    for char in text:
        digit = digits.index(char)
        value = value * 32 + (digit & 31)
        if digit < 32:
            previous += value
            numbers.append(previous)
            value = 0
    return numbers


def test_postings_round_trip_and_stay_small():
    numbers = [0, 1, 2, 40, 1000, 1001, 70000]
    encoded = encode_numbers(numbers)
    assert decode(encoded) == numbers
    assert len(encode_numbers(list(range(100)))) == 100  # one character per close neighbour


def test_index_script_lists_documents_and_sorted_terms():
    docs = [SearchDocument("a.html", "Corée", "mars 2025", "soldats coree"),
            SearchDocument("b.html", "Autre", "", "soldats")]
    files = build_index(docs)
    script = files["search/index.js"].decode()
    assert script.startswith(f"window.{GLOBAL} = ")
    data = json.loads(script.removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
    assert data["docs"] == [["a.html", "Corée", "mars 2025"], ["b.html", "Autre", ""]]
    assert data["terms"].split("\n") == ["coree", "soldats"]
    assert data["shards"] == [0] and list(files) == ["search/index.js", "search/postings-0.js"]
    shard = files["search/postings-0.js"].decode()
    assert shard.startswith(f"(window.{SHARDS_GLOBAL} = window.{SHARDS_GLOBAL} || {{}})[0] = ")
    assert [decode(p) for p in json.loads(shard.partition("[0] = ")[2].removesuffix(";\n"))] == [
        [0], [0, 1]]


def test_shards_keep_terms_sharing_two_letters_together(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 1)
    vocabulary = ["soldat", "soldats", "sort", "sud", "sudiste", "zone"]
    starts = search._shards(vocabulary, ["A"] * len(vocabulary))
    assert starts == [0, 3, 5]  # so… | su… | zo…
