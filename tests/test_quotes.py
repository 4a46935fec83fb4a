import pytest

from generator.quotes import find_quote, french_numbers, longest_matching_prefix, normalise

TEXT = "«On estime que 3.000 soldats ont été envoyés», a annoncé l’état-major.\n\nPlus loin : 11 000 déployés."


@pytest.mark.parametrize("quote", [
    '"On estime que 3.000 soldats ont été envoyés", a annoncé l\'état-major',
    "On estime  que 3.000\u00a0soldats",          # whitespace and no-break space
    "l’état-major",
    "a annonce\u0301",                            # decomposed accent (NFD) matches NFC text
])
def test_quotes_match_after_normalisation(quote):
    assert find_quote(TEXT, quote) is not None


def test_offsets_point_into_the_original_text():
    start, end = find_quote(TEXT, "3.000 soldats")
    assert TEXT[start:end] == "3.000 soldats"
    start, end = find_quote(TEXT, "envoyés\", a annoncé")
    assert TEXT[start:end] == "envoyés», a annoncé"


def test_a_changed_word_is_not_found_and_the_divergence_is_shown():
    assert find_quote(TEXT, "On estime que 4.000 soldats") is None
    assert longest_matching_prefix(TEXT, "On estime que 4.000 soldats") == "On estime que "


@pytest.mark.parametrize("text, numbers", [
    ("3.000 soldats", [3000]),
    ("environ 1.100 pertes", [1100]),
    ("11 000 soldats et 2\u202f700 blessés", [11000, 2700]),
    ("entre 10 000 et 12 000", [10000, 12000]),
    ("150 missiles KN-23 en 2025", [150, 23, 2025]),
    ("canons de 170 mm", [170]),
    ("1,5 million et 20 morts", [1500000, 20]),
    ("3\u2009000 soldats, 3\u00a0000 obus, 3\u202f000 drones, 3.000 missiles", [3000] * 4),
    ("10 millions d'obus", [10000000]),
    ("2 milliards de dollars et 3 000 milliards de wons", [2000000000, 3000000000000]),
    ("10 mille hommes, mais 10 milles nautiques", [10000, 10]),
    ("1,25 milliard", [1250000000]),
    ("2,5 km et 1,2345678 million", []),
    ("missiles KN-23 en 2025, plus de 1 million", [23, 2025, 1000000]),
    ("9" * 5000 + " chiffres", []),
])
def test_french_numbers(text, numbers):
    assert french_numbers(text) == numbers


def test_normalise_folds_quotes_apostrophes_and_spaces():
    assert normalise(" « l’armée »\u00a0 dit ") == '" l\'armée " dit'
