"""The prebuilt search index: keys (folded, stemmed, numbers as digits), compact postings,
excerpts in shards, what the browser decodes."""

import json

import numpy as np

from generator.derive import search
from generator.derive.search import (
    EXCERPTS_GLOBAL,
    GLOBAL,
    SHARDS_GLOBAL,
    SUFFIX_STEPS,
    TITLES_GLOBAL,
    SearchDocument,
    _encode_deltas,
    build_index,
    fold,
    page_text,
    plain_text,
    terms,
)


def test_fold_removes_accents_only():
    assert fold("déployés") == "deployes"
    assert fold("koursk") == "koursk"


def test_terms_are_folded_stemmed_keys_without_markup_or_stop_words():
    assert terms("<p>La Corée a déployé 3.000 soldats, KN-23 &amp; l’équipement</p>") == {
        "cor", "deploi", "3000", "soldat", "kn", "23", "equip"}


def test_plural_feminine_and_verb_forms_share_one_key():
    forms = ("déploie déployés déployées déployer déploient déployaient déploiement "
             "DÉPLOYÉ deployes").split()
    assert {frozenset(terms(form)) for form in forms} == {frozenset({"deploi"})}
    assert terms("coréens") == terms("coréennes") == {"coreen"}
    assert terms("soldat") == terms("soldats") == {"soldat"}
    assert terms("offensive") == terms("offensifs") == {"offensif"}
    assert terms("ans") == {"ans"}  # a stem keeps at least three letters
    assert SUFFIX_STEPS[0] == (("s", ""), ("x", ""))  # plurals go first


def test_numbers_match_whatever_their_thousands_separators():
    for written in ("3000", "3 000", "3\u00a0000", "3\u202f000", "3.000"):
        assert terms(f"{written} soldats") == {"3000", "soldat"}, written
    assert terms("11 000 et 1.500.000 hommes") == {"11000", "1500000", "homm"}
    assert terms("1,5 million en 2024 300 chars") == {"1,5", "million", "2024", "300", "char"}


def test_excerpt_text_is_plain_and_cut_after_a_word():
    text = plain_text("## Titre\n\nLa **Corée** a [déployé](https://x.org/a) des *soldats* &amp; "
                      "<b>chars</b>.\n\n- un point\n" + "mot " * 200, limit=400)
    assert text.startswith("Titre La Corée a déployé des soldats & chars . un point mot")
    assert text.endswith("mot …") and len(text) <= 402
    assert "*" not in text and "](" not in text and "<" not in text


def test_excerpt_text_holds_a_whole_article_where_results_find_their_words():
    body = "Début. " + "mot " * 2_000 + "Koksan à la fin."
    assert plain_text(body).endswith("Koksan à la fin.")


def test_a_page_is_read_as_a_reader_sees_it():
    keys, text = page_text(
        '<h1>Troupes</h1><table><tr><th>Chiffre</th><td><strong>12</strong>&nbsp;000</td>'
        '<td>l’<a href="../acteurs/hur.html" title="infobulle">armée</a></td></tr></table>'
        '<script>var cache = 1;</script><style>.x{}</style><span hidden>masqué</span>'
        '<button aria-hidden="true">icône</button><p class="hidden-note">vue</p>')
    assert text == "Troupes Chiffre 12\u00a0000 l’armée vue"  # no-break spaces kept
    assert keys.split() == sorted(terms(text)) and "12000" in keys
    assert not {"cach", "masque", "icon", "infobull", "hur"} & set(keys.split())
    long_text = page_text("<p>" + "mot " * 100 + "</p>", limit=50)[1]
    assert long_text.endswith("mot …") and len(long_text) <= 52


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


def encode_numbers(numbers: list[int]) -> str:
    """Ascending numbers as the index writes them: delta varints."""
    values = np.asarray(numbers, dtype=np.uint64)
    return _encode_deltas(np.diff(values, prepend=np.uint64(0)))[0].decode("ascii")


def test_postings_round_trip_and_stay_small():
    numbers = [0, 1, 2, 40, 1000, 1001, 70000]
    encoded = encode_numbers(numbers)
    assert decode(encoded) == numbers
    assert len(encode_numbers(list(range(100)))) == 100  # one character per close neighbour


def test_index_script_lists_documents_and_sorted_terms():
    docs = [SearchDocument("a.html", "Corée", "mars 2025", "soldats coree", "La Corée…"),
            SearchDocument("b.html", "Autre", "", "soldats", hub=True)]
    files = build_index(docs)
    script = files["search/index.js"].decode()
    assert script.startswith(f"window.{GLOBAL} = ")
    data = json.loads(script.removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
    assert (data["urls"], data["titles"], data["details"], data["hubs"]) == (
        "a.html\nb.html", "Corée\nAutre", "mars 2025\n", [1])
    assert data["terms"].split("\n") == ["coree", "soldats"]
    assert data["steps"] == [[list(rule) for rule in step] for step in SUFFIX_STEPS]
    assert data["shards"] == [0] and list(files) == [
        "search/index.js", "search/postings-0.js", "search/excerpts-0.js"]
    excerpts = files["search/excerpts-0.js"].decode()
    assert excerpts.startswith(f"(window.{EXCERPTS_GLOBAL} = window.{EXCERPTS_GLOBAL} || {{}})[0] = ")
    assert json.loads(excerpts.partition("[0] = ")[2].removesuffix(";\n")) == ["La Corée…", ""]
    postings, titles = files["search/postings-0.js"].decode().splitlines()
    assert postings.startswith(f"(window.{SHARDS_GLOBAL} = window.{SHARDS_GLOBAL} || {{}})[0] = ")
    assert [decode(p) for p in json.loads(postings.partition("[0] = ")[2].removesuffix(";"))] == [
        [0], [0, 1]]
    assert titles.startswith(f"(window.{TITLES_GLOBAL} = window.{TITLES_GLOBAL} || {{}})[0] = ")


def test_title_postings_list_the_documents_whose_title_holds_each_term():
    docs = [SearchDocument("a.html", "Soldats coréens", "", " ".join(terms("soldats coréens Koursk"))),
            SearchDocument("b.html", "Koursk", "", " ".join(terms("Koursk, des soldats"))),
            SearchDocument("c.html", "Le 3 000e jour", "", " ".join(terms("le jour")))]
    files = build_index(docs)
    data = json.loads(files["search/index.js"].decode().removeprefix(f"window.{GLOBAL} = ")
                      .removesuffix(";\n"))
    titles = files["search/postings-0.js"].decode().splitlines()[1]
    postings = json.loads(titles.partition("[0] = ")[2].removesuffix(";"))
    # « 3000 » is in c's title but no document's terms: not in the vocabulary, not listed.
    assert dict(zip(data["terms"].split("\n"), map(decode, postings))) == {
        "coreen": [0], "jour": [2], "koursk": [1], "soldat": [0]}


def test_shards_keep_terms_sharing_two_letters_together(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 1)
    vocabulary = ["soldat", "soldats", "sort", "sud", "sudiste", "zone"]
    starts = search._shards(vocabulary, ["A"] * len(vocabulary))
    assert starts == [0, 3, 5]  # so… | su… | zo…


def test_facets_number_each_documents_topics_year_and_outlet():
    docs = [SearchDocument("a.html", "A", "", "x", facets=(("Troupes", "Pertes"), ("2024",), ("BFMTV",))),
            SearchDocument("b.html", "B", "", "x", facets=(("Armement",), ("2025",), ("AFP",))),
            SearchDocument("sujets/t.html", "T", "Sujet", "x", hub=True)]
    script = build_index(docs)["search/index.js"].decode()
    data = json.loads(script.removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
    assert data["facets"] == [
        {"name": "topic", "values": ["Armement", "Pertes", "Troupes"], "docs": "2,1 0 "},
        {"name": "year", "values": ["2025", "2024"], "docs": "1 0 "},
        {"name": "outlet", "values": ["AFP", "BFMTV"], "docs": "1 0 "}]


def test_one_line_per_document_whatever_its_title_holds():
    docs = [SearchDocument("a.html", "Deux\nlignes", "", "x"), SearchDocument("b.html", "B", "", "x")]
    data = json.loads(build_index(docs)["search/index.js"].decode()
                      .removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
    assert data["titles"].split("\n") == ["Deux lignes", "B"]
