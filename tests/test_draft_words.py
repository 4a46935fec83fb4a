"""draft/words.py: a registry's phrase matches the text's words whatever their accents and endings."""

from generator.draft.words import fold, phrase_needle, phrase_pattern


def _matches(phrase: str, text: str) -> bool:
    return bool(phrase_pattern(phrase).search(fold(text))) and phrase_needle(phrase) in fold(text)


def test_every_word_of_a_phrase_takes_its_plural_and_feminine_endings():
    assert _matches("retirés du front", "les unités ont été retirées du front de Koursk")
    assert _matches("tués ou blessés", "300 soldats tuées ou blessées")
    assert _matches("envoyés en Russie", "un soldat envoyé en Russie")
    # Whole words only, and a short word keeps its form.
    assert not _matches("retirés du front", "retirés des fronts")
    assert not _matches("envoyés", "renvoyés")
