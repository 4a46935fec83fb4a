import pytest
from bs4 import BeautifulSoup

from generator.read.quotes import (
    find_quote,
    french_numbers,
    inside_longer_words,
    longest_matching_prefix,
    normalise,
)
from generator.render.sanitize import Highlight, SafeMarkdown

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
    ("un millier de démineurs, une centaine de blessés", [1000, 100]),
    ("Deux mille soldats et trois milliers d'obus, 6 000 militaires", [6000, 2000, 3000]),
    ("deux soldats, une dizaine de drones, la mille-pattes", [10]),
])
def test_french_numbers(text, numbers):
    assert french_numbers(text) == numbers


def test_normalise_folds_quotes_apostrophes_and_spaces():
    assert normalise(" « l’armée »\u00a0 dit ") == '" l\'armée " dit'


BOUNDARIES = "Plus de 11 000 soldats nord-coréens, dont 11.000 blessés, et l'armée russe."


@pytest.mark.parametrize("quote", [
    "1 000 soldats nord-coréens",  # starts inside « 11 000 »
    "000 soldats nord-coréens",    # starts after the « 11 » of « 11 000 »
    "Plus de 11",                  # ends before the « 000 » of « 11 000 »
    "1.000 blessés",
    "rmée russe",                  # starts inside a word
    "soldats nord-cor",            # ends inside a word
])
def test_a_quote_inside_a_longer_number_or_word_is_not_found(quote):
    assert find_quote(BOUNDARIES, quote) is None
    assert inside_longer_words(BOUNDARIES, quote) is not None


def test_a_quote_on_word_boundaries_is_found_at_a_later_occurrence():
    text = "Il y a 11 000 soldats nord-coréens ; puis 1 000 soldats nord-coréens."
    start, end = find_quote(text, "1 000 soldats nord-coréens")
    assert text[start:end] == "1 000 soldats nord-coréens" and text[start - 1] == " "
    assert find_quote(BOUNDARIES, "l’armée russe") is not None
    assert find_quote(BOUNDARIES, "11 000 soldats") is not None


def test_inside_longer_words_shows_the_whole_passage():
    assert inside_longer_words(BOUNDARIES, "1 000 soldats") == "11 000 soldats"
    assert inside_longer_words(BOUNDARIES, "soldats nord-coréens") is None


# As ArticleRenderer.content does: find the quote, mark its span in the rendered page.
MARKDOWN = [
    ("Il a dit *trois mille* soldats.", "dit trois mille soldats"),
    ("Il a dit _trois mille_ soldats.", "dit trois mille soldats"),
    ("Il a dit _trois mille_ soldats.", "trois mille soldats"),
    ("Selon **le ministère**, [3 000 soldats](https://exemple.fr/a_(b) \"titre\") sont arrivés.",
     "Selon le ministère, 3 000 soldats sont arrivés"),
    ("Le missile `KN-23` a une portée de 1\\.000 km &amp; plus.",
     "Le missile KN-23 a une portée de 1.000 km & plus"),
    ("## Des *renforts*\n\n- 3 000 soldats\n- puis 2 000 autres",
     "renforts 3 000 soldats puis 2 000"),
    ("Il a crié *«* non *»*.", "« non »"),
    ("Selon *Séoul*,\nle bilan « dépasse » 1 000 morts.",
     "Séoul, le bilan « dépasse » 1 000 morts"),
]


@pytest.mark.parametrize("body, quote", MARKDOWN)
def test_a_quote_copied_from_the_page_is_found_and_highlighted(body, quote):
    span = find_quote(body, quote)
    assert span is not None
    html = SafeMarkdown().render(body, [Highlight(*span, anchor="claim-x")])
    page = BeautifulSoup(html, "html.parser")
    marked = " ".join(mark.get_text() for mark in page.select("mark.ba-quote"))
    assert normalise(quote) in normalise(marked)
    assert not set("*_`[]#") & set(page.get_text())  # the Markdown still renders


def test_a_quote_with_markdown_syntax_in_it_is_highlighted_whole():
    body = "Environ _dix_ fois : 10 millions d'obus."
    span = find_quote(body, "_dix_ fois : 10 millions d'obus")
    html = SafeMarkdown().render(body, [Highlight(*span, anchor="claim-x")])
    assert "<mark class=\"ba-quote\"> <em>dix</em> fois : 10 millions d'obus</mark>" in html


def test_a_span_found_through_markdown_covers_its_elements_whole():
    body = "Selon *Séoul*, 3 000 soldats et [un rapport](https://x.fr) de plus."
    start, end = find_quote(body, "Séoul, 3 000 soldats et un rapport")
    assert body[start:end] == "*Séoul*, 3 000 soldats et [un rapport](https://x.fr)"


def test_markdown_syntax_is_not_text_the_reader_sees():
    assert find_quote("un [lien](https://exemple.fr/3000) ici", "exemple.fr/3000 ici") is None
    assert find_quote("une ![image](a.png) ici", "image ici") is None
    assert longest_matching_prefix("Selon *Séoul*, 3 000 morts", "Selon Séoul, 4 000") == \
        "Selon Séoul, "
