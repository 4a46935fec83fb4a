"""The prebuilt search index: folded terms, compact postings, what the browser decodes."""

import json

from generator.search import GLOBAL, SearchDocument, build_index, encode_numbers, fold, terms


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
    script = build_index(docs).decode()
    assert script.startswith(f"window.{GLOBAL} = ")
    data = json.loads(script.removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
    assert data["docs"] == [["a.html", "Corée", "mars 2025"], ["b.html", "Autre", ""]]
    assert data["terms"].split("\n") == ["coree", "soldats"]
    assert [decode(p) for p in data["postings"]] == [[0], [0, 1]]
