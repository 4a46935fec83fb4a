from generator.search import add_folded_field, fold, folded_words


def test_fold_removes_accents_only():
    assert fold("déployés") == "deployes"
    assert fold("Corée") == "Coree"
    assert fold("Koursk") == "Koursk"


def test_folded_words_lists_each_accented_word_once_without_markup():
    assert folded_words("<p>La Corée a déployé, la Corée &eacute;tait là</p>") == "coree deploye etait la"


def test_index_gains_a_declared_folded_field_and_keeps_the_text():
    index = {"config": {"fields": {"title": {"boost": 1000.0}}},
             "docs": [{"location": "a.html", "title": "Corée", "text": "<p>équipements</p>"}]}
    folded = add_folded_field(index)
    assert folded["config"]["fields"]["folded"] == {"boost": 1.0}
    assert folded["docs"][0] == {"location": "a.html", "title": "Corée",
                                 "text": "<p>équipements</p>", "folded": "coree equipements"}
    assert "folded" not in index["docs"][0]
