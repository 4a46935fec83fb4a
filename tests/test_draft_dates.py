"""draft/dates.py: the periods French sentences give, completed from the article's date."""

import pytest

from generator.draft.dates import ArticleDay, find_dates


def _dates(sentence: str, article_date: str = "2025-02-13") -> list[tuple]:
    return [(d.text, d.as_of, d.note, d.relayed) for d in find_dates(sentence, ArticleDay.parse(article_date))]


def test_since_an_event_the_text_dates_is_a_period_up_to_the_article_s_date():
    assert _dates("ont subi près de 4 000 pertes depuis leur engagement à l'automne.") == [
        ("depuis leur engagement à l'automne", "2024-09/2025-02-13",
         "« depuis leur engagement à l'automne » : de septembre 2024 à la date de l'article (13 février 2025).",
         False)]
    [(_, as_of, note, _)] = _dates("depuis leur arrivée en Russie en octobre 2024", "2025-04-28")
    assert as_of == "2024-10/2025-04-28" and "d'octobre 2024" in note
    # Without the article's month, the period's end is unknown: no as_of.
    assert _dates("depuis leur engagement à l'automne 2024", "2025")[0][1] is None


def test_two_months_joined_by_et_are_one_period():
    assert _dates("ont rejoint la Russie en janvier et février.", "2025-03-04") == [
        ("en janvier et février", "2025-01/2025-02",
         "Année déduite de la date de l'article (4 mars 2025) : « en janvier et février » dans la phrase.",
         False)]


def test_a_season_printed_with_its_year_alone_is_a_period():
    """As a metric's label gives it: « Premier contingent (automne 2024) »."""
    assert [(d.text, d.as_of) for d in find_dates("Premier contingent (automne 2024)", ArticleDay())] == [
        ("automne 2024", "2024-09/2024-12")]


def test_a_day_a_statement_was_passed_on_is_marked_relayed():
    assert [(text, relayed) for text, _, _, relayed in _dates(
        "a indiqué mercredi le NIS, a rapporté jeudi l'agence Yonhap")] == [
        ("mercredi", False), ("jeudi", True)]
    assert _dates("selon le NIS, cité lundi par le JoongAng Ilbo")[0][3] is True


def test_parts_of_a_year_and_the_month_or_year_before():
    assert _dates("dont 3 000 au début de l’année", "2025-06-19") == [
        ("au début de l’année", "2025", "« au début de l’année » : l'année de l'article (2025).", False)]
    assert _dates("à la fin de l'année dernière", "2025-06-19")[0][1] == "2024"
    assert _dates("le mois dernier", "2024-11-05") == [
        ("le mois dernier", "2024-10", "« le mois dernier » : octobre 2024, le mois avant celui de l'article.",
         False)]
    assert _dates("le mois dernier", "2025-01-13")[0][1] == "2024-12"
    assert _dates("l'an dernier", "2025-01-13")[0][1] == "2024"
    assert _dates("prévoit d'en livrer 150 de plus cette année", "2025-02-03") == [
        ("cette année", "2025", "« cette année » : l'année de l'article (2025).", False)]
    # « depuis le début de l'année » stays a period up to the article's date.
    assert _dates("depuis le début de l'année", "2025-06-19")[0][1] == "2025-01/2025-06-19"
    # « après le début de l'année 2025 » bounds a period, it does not date it.
    assert _dates("après le début de l’année 2025, Pyongyang a fourni", "2025-03-01")[0][1] is None


def test_what_was_done_before_the_year_began_is_dated_by_the_year_before():
    """« avant le début de l'année »: a total up to the previous year's end, that year."""
    [mention] = find_dates("Moscou avait reçu, avant le début de l'année, près de 300 lanceurs.",
                           ArticleDay.parse("2024-05-20"))
    assert (mention.as_of, mention.words) == ("2023", "avant le début de l'année 2024")
    assert "jusqu'à la fin de 2023" in mention.note
    [said] = find_dates("livrés avant le début de l'année 2023", ArticleDay.parse("2024-05-20"))
    assert said.as_of == "2022"
    # The end of a year is a deadline's bound, not a date.
    assert _dates("avant la fin de l'année", "2024-05-20")[0][1] is None


def test_last_week_and_this_week_are_periods_from_the_article_s_day():
    """A week runs Monday to Sunday; « la semaine dernière » is the one before the article's."""
    [(text, as_of, note, _)] = _dates("Kiev avait avancé la semaine passée un bilan plus lourd.", "2025-03-05")
    assert (text, as_of) == ("la semaine passée", "2025-02-24/2025-03-02")
    assert note == ("« la semaine passée » : la semaine du lundi 24 février au dimanche 2 mars 2025, avant celle "
                    "de l'article (5 mars 2025).")
    assert _dates("publié cette semaine", "2025-03-05")[0][1] == "2025-03-03/2025-03-05"
    # Without the article's day, the week is not known.
    assert _dates("la semaine dernière", "2025-03")[0][1] is None


def test_a_period_between_two_months_keeps_the_text_s_words():
    [mention] = find_dates("3 000 soldats envoyés entre janvier et février", ArticleDay.parse("2025-04-30"))
    assert (mention.as_of, mention.words) == ("2025-01/2025-02", "entre janvier et février 2025")
    [mention] = find_dates("Entre janvier 2025 et mars 2025, 500 de plus", ArticleDay.parse("2025-04-30"))
    assert (mention.as_of, mention.words) == ("2025-01/2025-03", "entre janvier 2025 et mars 2025")


@pytest.mark.parametrize(("sentence", "article_date", "as_of", "words"), [
    ("13 000 soldats envoyés depuis octobre 2024", "2025-12-11", "2024-10/2025-12-11", "depuis octobre 2024"),
    ("Depuis octobre, 11 000 militaires", "2024-12-23", "2024-10/2024-12-23", "depuis octobre 2024"),
    ("à partir du mois d'octobre", "2024-12-28", "2024-10/2024-12-28", "à partir du mois d'octobre 2024"),
    ("depuis le déploiement en octobre", "2025-04-28", "2024-10/2025-04-28",
     "depuis le déploiement en octobre 2024"),
    # Since an event the text names with a possessive: its date alone (« leur » read alone on
    # a page would have no antecedent).
    ("depuis leur arrivée en octobre", "2025-04-28", "2024-10/2025-04-28", "depuis octobre 2024"),
    ("depuis leur engagement à l’automne dernier", "2025-02-13", "2024-09/2025-02-13", "depuis l’automne 2024"),
    ("depuis l’été", "2024-11-14", "2024-06/2024-11-14", "depuis l’été 2024"),
    ("depuis l'automne dernier", "2025-04-28", "2024-09/2025-04-28", "depuis l'automne dernier"),
    ("depuis le début de l’année", "2025-02-12", "2025-01/2025-02-12", "depuis le début de l’année 2025"),
    # A year the text names (review 25, H1): from its January, or from the year as said.
    ("renforts arrivés depuis le début de 2025", "2026-12-05", "2025-01/2026-12-05", "depuis le début de 2025"),
    ("depuis début 2025", "2025-04-28", "2025-01/2025-04-28", "depuis début 2025"),
    ("depuis le début de l'année 2025", "2026-03-10", "2025-01/2026-03-10", "depuis le début de l'année 2025"),
    ("des obus envoyés depuis 2023", "2025-02-04", "2023/2025-02-04", "depuis 2023"),
    # An article dated to the month ends the period on its month, a bound it gives: no words.
    ("depuis octobre 2024", "2025-02", "2024-10/2025-02", None),
])
def test_a_period_up_to_the_article_s_day_keeps_the_text_s_words_with_its_year(sentence, article_date,
                                                                               as_of, words):
    """Its as_of ends on the article's day, a bound the text does not give: pages show the
    words and the report instead (« depuis octobre 2024 ; rapporté le 11 décembre 2025 »)."""
    [mention] = find_dates(sentence, ArticleDay.parse(article_date))
    assert (mention.as_of, mention.words) == (as_of, words)
