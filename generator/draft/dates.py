"""French dates in a text: a printed publication date, and the dates a sentence gives a figure.

Dates a sentence states become ``as_of`` values: a day (``YYYY-MM-DD``), a month
(``YYYY-MM``), a year, or a period ``START/END`` (« entre janvier et février »,
« fin janvier »). What the text leaves out (the year of « 23 décembre », the day of
« jeudi ») is taken from the article's date and said in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .words import fold

MONTHS = {name: number for number, name in enumerate(
    ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"], start=1)}
MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
# A season as the months it spans, for a figure « déployés à l'automne ».
_SEASONS = {"printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (12, 3)}
_MONTH = "(" + "|".join(MONTHS) + ")"
_YEAR = r"((?:19|20)\d\d)"
_DAY = r"(1er|[12]\d|3[01]|0?[1-9])"
_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"

# A printed publication line: « Publié le : 30/04/2025 - 11:52 », « Mis à jour le 30 avril 2025 ».
_PRINTED_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
# « 27-02-25, 10:41 »: a two-digit year, as some outlets print their time stamps (day first).
_PRINTED_SHORT_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?![\d/.-])")
_PRINTED_YEAR_FIRST = re.compile(r"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b")   # « 2025/03/18 15:04 »
_PRINTED_WORDS = re.compile(rf"{_DAY}\s+{_MONTH}\s+{_YEAR}")


def _from(month: int) -> str:
    """« de mars », « d'octobre »."""
    name = MONTH_NAMES[month - 1]
    return f"d'{name}" if name[0] in "aeiouéèêâô" else f"de {name}"


def _words(said: str, year: int | None) -> str:
    """A period in the text's words, as printed (its first letter lower-cased, for the middle
    of a line), with ``year`` after them where the text leaves it out (None: it gives it)."""
    return f"{said[:1].lower()}{said[1:]}{f' {year}' if year else ''}"


def _since_when(m: re.Match[str], sentence: str) -> str | None:
    """« depuis leur engagement à l'automne » (_SINCE_EVENT) as « depuis l'automne »: words a
    page shows alone, where « leur » would have no antecedent; None where they hold no
    possessive (« depuis le déploiement en octobre »): kept as printed."""
    if not re.match(r"depuis\s+(?:leur|leurs|son|sa|ses)\b", m[0]):
        return None
    group = 1 if m[1] else 2
    when = sentence[m.start(group):m.end(group)]
    if m[1]:   # a season: « l'automne », « le printemps », with the text's apostrophe
        apostrophe = "’" if "’" in sentence[m.start():m.end()] else "'"
        when = f"le {when}" if m[1] == "printemps" else f"l{apostrophe}{when}"
    return f"depuis {when}{sentence[m.end(group):m.end()]}"


def _day(text: str) -> int:
    return 1 if text == "1er" else int(text)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_ABBREVIATED = {"janv": "janvier", "fevr": "fevrier", "avr": "avril", "juil": "juillet",
                "sept": "septembre", "oct": "octobre", "nov": "novembre", "dec": "decembre"}


def printed_date(line: str) -> str | None:
    """The date of a publication line, when it prints day, month and year (« 27 févr. 2025 »)."""
    folded = re.sub(r"\b(" + "|".join(_ABBREVIATED) + r")\.", lambda m: _ABBREVIATED[m[1]], fold(line))
    numeric = _PRINTED_NUMERIC.search(folded)
    if numeric:
        return _valid(int(numeric[3]), int(numeric[2]), int(numeric[1]))
    short_year = _PRINTED_SHORT_YEAR.search(folded)
    if short_year:
        return _valid(2000 + int(short_year[3]), int(short_year[2]), int(short_year[1]))
    year_first = _PRINTED_YEAR_FIRST.search(folded)
    if year_first:
        return _valid(int(year_first[1]), int(year_first[2]), int(year_first[3]))
    words = _PRINTED_WORDS.search(folded)
    if words:
        return _valid(int(words[3]), MONTHS[words[2]], _day(words[1]))
    return None


PLAUSIBLE_YEARS = 5  # the years up to today a date printed without one may fall in: a day and
# month fall on the same weekday again only after 5, 6 or 11 years, so at most one of them fits


def weekday_date(line: str, today: date) -> tuple[str, str] | None:
    """« jeudi 27 mars » with no year: the date, when one year of the last few puts that day
    on that weekday, and a French note saying so."""
    for match in re.finditer(rf"\b{_WEEKDAY}\s+{_DAY}\s+{_MONTH}(?!\s+(?:19|20)\d\d)\b", fold(line)):
        weekday, day, month = WEEKDAYS.index(match[1]), _day(match[2]), MONTHS[match[3]]
        years = [year for year in range(today.year - PLAUSIBLE_YEARS + 1, today.year + 1)
                 if (found := _valid(year, month, day)) and date.fromisoformat(found) <= today
                 and date.fromisoformat(found).weekday() == weekday]
        if len(years) == 1:
            said = line[match.start():match.end()]
            return (f"{years[0]:04d}-{month:02d}-{day:02d}",
                    f"Date imprimée sans année (« {said} ») : le {day if day > 1 else '1er'} "
                    f"{MONTH_NAMES[month - 1]} tombait un {match[1]} en {years[0]}, seule année possible "
                    f"parmi les {PLAUSIBLE_YEARS} dernières.")
    return None


def stamp_weekday_date(stamp: str, text: str, today: date) -> tuple[str, str] | None:
    """A publication stamp with day and month and no year (« Publié le 4 mars à 8 h 10 ») and the
    one weekday the text names alone (« a annoncé mardi »), taken as the publication's: the date
    when one year of the last few puts that day on that weekday, and a French note saying so."""
    printed = re.search(rf"\b{_DAY}\s+{_MONTH}(?!\s+(?:19|20)?\d\d)\b", fold(stamp))
    named = {match[1] for match in re.finditer(rf"\b{_WEEKDAY}\b(?!\s+{_DAY}\b)", fold(text))}
    if not printed or len(named) != 1:
        return None
    [weekday_name] = named
    day, month, weekday = _day(printed[1]), MONTHS[printed[2]], WEEKDAYS.index(weekday_name)
    years = [year for year in range(today.year - PLAUSIBLE_YEARS + 1, today.year + 1)
             if (found := _valid(year, month, day)) and date.fromisoformat(found) <= today
             and date.fromisoformat(found).weekday() == weekday]
    if len(years) != 1:
        return None
    return (f"{years[0]:04d}-{month:02d}-{day:02d}",
            f"Date imprimée sans année (« {stamp} ») ; le texte nomme « {weekday_name} » sans autre date : "
            f"le {day if day > 1 else '1er'} {MONTH_NAMES[month - 1]} tombait un {weekday_name} en {years[0]}, "
            f"seule année possible parmi les {PLAUSIBLE_YEARS} dernières (à vérifier : le jour nommé peut "
            "précéder celui de la publication).")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str                  # as printed
    as_of: str | None          # None when the article's date is needed and unknown
    note: str | None           # French: how the date was completed, when it was
    relayed: bool = False      # the day a statement was passed on (« a rapporté lundi »): not
    # the date of what it says, nor of the statement itself
    words: str | None = None   # a period said in words (« fin janvier 2025 »), as_of its month
    running: bool = False      # a period up to the article's date (« depuis octobre »): a running total
    said: bool = False         # the day an actor made the statement (« a déclaré mardi »): ``stated_on``


@dataclass(frozen=True)
class ArticleDay:
    """What is known of the article's date, to complete a date the sentence gives in part."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> ArticleDay:
        parts = [int(p) for p in (text or "").split("-") if p.isdigit()]
        return cls(*parts[:3])

    @property
    def text(self) -> str:
        if self.year is None:
            return "inconnue"
        return "-".join([f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p)])

    @property
    def words(self) -> str:
        """The article's date in French, as a note says it (« 16 mai 2025 »): a note is shown
        on the site, whose dates are French (``text`` is the value's form)."""
        if self.year is None:
            return "inconnue"
        if self.month is None:
            return str(self.year)
        month = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day if self.day > 1 else '1er'} {month}"

    def year_for(self, month: int) -> int | None:
        """The year of a month named without one: the article's, or the one before if later."""
        if self.year is None:
            return None
        if self.month is not None and month > self.month:
            return self.year - 1
        return self.year


def _to_article(article: ArticleDay) -> str:
    """Where a period up to the report ends, as its note says it (« la date de l'article (5 décembre 2026) »)."""
    return f"la date de l'article ({article.words})"


def until_statement(period: DateMention, stated: DateMention, article: ArticleDay) -> DateMention | None:
    """A period up to the article's day (« depuis octobre 2024 ») ended on the day the statement was
    made (« a indiqué vendredi »): the figure is the actor's count on that day, not on the article's
    (CONTRIBUTING.md; review 25, H2). None when ``period`` runs to no article's day or the statement's
    date falls outside it."""
    if not (period.running and period.as_of and stated.as_of and "/" in period.as_of):
        return None
    start, end = period.as_of.split("/")
    if end != article.text or not start < stated.as_of < end:
        return None
    when = f"la déclaration de « {stated.text} » ({ArticleDay.parse(stated.as_of).words})"
    return replace(period, as_of=f"{start}/{stated.as_of}",
                   note=period.note.replace(_to_article(article), when) if period.note else None)


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# The dates find_dates reads on folded text, compiled once.
_DEADLINE = re.compile(rf"\bd'ici\s+(?:la\s+fin\s+(?:de\s+l'|d'|de\s+)?|l'|le\s+|la\s+)?"
                       rf"(?:printemps|ete|automne|hiver|annee|mois|{_MONTH}|{_YEAR})(?:\s+{_YEAR})?")
# « entre janvier et février », « en janvier et février »: one period from the first to the last.
_BETWEEN = re.compile(rf"\b(?:entre|en)\s+{_MONTH}(?:\s+{_YEAR})?\s+et\s+(?:en\s+)?{_MONTH}(?:\s+{_YEAR})?")
_PART_OF_MONTH = re.compile(rf"\b(debut|mi|fin)[- ]+{_MONTH}(?:\s+{_YEAR})?")
_DAY_OF_MONTH = re.compile(rf"\b(?:{_WEEKDAY}\s+)?{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?")
_SINCE_NEW_YEAR = re.compile(rf"\bdepuis\s+(?:le\s+)?debut\s+(?:de\s+l'annee|d'annee)(?:\s+{_YEAR})?")
# « depuis le début de 2025 », « depuis début 2025 », « depuis 2023 »: from that year on (review 25, H1).
_SINCE_YEAR = re.compile(rf"\bdepuis\s+(?:(le\s+)?debut\s+(?:de\s+)?)?{_YEAR}\b")
# « au début de l'année », « en fin d'année », « à la mi-année dernière »: a part of a year, read as
# the whole year (the smallest interval that surely holds it).
_PART_OF_YEAR = re.compile(rf"\b(?:au\s+|en\s+|a\s+la\s+)?(?:debut|mi|fin)[- ]+(?:de\s+l'annee|d'annee)"
                           rf"(\s+(?:derniere|passee))?(?:\s+{_YEAR})?")
# « depuis octobre », « à partir d'octobre », « à partir du mois d'octobre »: from that month on.
_SINCE_MONTH = re.compile(rf"\b(?:depuis\s+(?:le\s+mois\s+d'|le\s+debut\s+d'|debut\s+)?"
                          rf"|a\s+partir\s+(?:du\s+mois\s+d(?:e\s+|')|du\s+debut\s+d(?:e\s+|')|de\s+|d'))"
                          rf"{_MONTH}(?:\s+{_YEAR})?")
_A_MONTH = re.compile(rf"\b{_MONTH}(?:\s+{_YEAR})?\b")
_SEASON = re.compile(rf"\b(depuis\s+)?(?:(?:au|a l'|cet|ce|l'|en|durant l'|pendant l')\s*"
                     r"|(?=(?:printemps|ete|automne|hiver)\s+(?:19|20)\d\d))"   # « (automne 2024) »
                     rf"(printemps|ete|automne|hiver)(?:\s+(?:dernier|passe))?(?:\s+{_YEAR})?\b")
# « depuis leur engagement à l'automne », « depuis son arrivée en octobre »: since an event the text
# dates, the period from that date to the article's.
_SINCE_EVENT = re.compile(rf"\bdepuis\s+(?:leur|leurs|son|sa|ses|le|la|les|l')\s*[a-z]+(?:\s+[a-z']+){{0,3}}?\s+"
                          rf"(?:(?:au|a l'|en|l')\s*(printemps|ete|automne|hiver)|(?:en|au mois d'|au mois de)\s*"
                          rf"{_MONTH})(?:\s+{_YEAR})?\b")
# A verb passing on what another said, just before the day it did (« a rapporté lundi », « cité
# mardi par »): that day is when the statement was relayed, not the date of the figure.
_RELAY = re.compile(r"\b(?:rapport|relay|relai|cit|repris|reprend)[a-z]*\s+(?:ce\s+|le\s+)?$")
# A verb of saying just before the day (« a déclaré mardi », « a pour sa part assuré à la mi-avril »,
# « avait évoqué en janvier », « estimait pour sa part lundi », « selon un communiqué publié (diffusé)
# lundi », « dans un rapport transmis lundi »):
# that date is when the actor made the statement (``stated_on``), which CONTRIBUTING.md keeps apart
# from the figure's ``as_of``.
_SAID = re.compile(r"(?:\b(?:a|ont|avait|avaient)\s+(?:(?:pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)\s+cote"
                   r"|encore|aussi|egalement|deja|lui-meme|elle-meme)\s+)?"
                   r"(?:declare|precise|indique|affirme|assure|annonce|estime|ajoute|confirme|explique|evoque"
                   r"|souligne|averti|rappele|repete|dit|fait\s+savoir|reconnu|chiffre|evalue)"
                   r"|\bpublie|\bdiffuse|\brapport\s+(?:transmis|remis))[a-z]*\s+(?:(?:a\s+la|au|en|ce|le|des"
                   r"|dans\s+la\s+nuit\s+de)\s+)?$")
# The imperfect of a verb of saying just before a weekday (« estimait pour sa part lundi »): the day
# of a statement the article reports. Before a month or a period (« affirmait fin janvier que … »)
# it is left to the figure's date: the text may date what it was saying, not the saying.
_SAID_WEEKDAY = re.compile(r"\b(?:declar|precis|indiqu|affirm|assur|annonc|estim|ajout|confirm|expliqu|evoqu"
                           r"|soulign|chiffr|evalu)(?:ait|aient)\s+(?:(?:pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)"
                           r"\s+cote|encore|aussi|egalement|deja)\s+)?$")
_IN_YEAR = re.compile(rf"\b(?:en|au cours de l'annee)\s+{_YEAR}\b")
_THIS = re.compile(r"\b(cette annee|ce mois-ci|ce mois)\b")
_LAST = re.compile(r"\b(?:le mois (?:dernier|passe)|l'(?:an|annee) (?:dernier|derniere|passe|passee))\b")
# « mardi dernier » (folded): the Tuesday before the article's day, a week back on a Tuesday.
_A_WEEKDAY = re.compile(rf"\b{_WEEKDAY}\b(\s+(?:dernier|passe)\b)?")
# « la semaine dernière », « cette semaine »: a week, Monday to Sunday, placed by the article's day.
_WEEK = re.compile(r"\b(?:la\s+semaine\s+(derniere|passee)|cette\s+semaine)\b")


def _day_words(day: date, year: bool = True) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day if day.day > 1 else '1er'} {MONTH_NAMES[day.month - 1]}" + (
        f" {day.year}" if year else "")


def day_words(iso: str) -> str:
    """A day as a note says it (« jeudi 17 décembre 2026 »); the text itself when it is no whole day."""
    try:
        return _day_words(date.fromisoformat(iso))
    except ValueError:
        return iso


def _week(article: ArticleDay, last: bool) -> tuple[str, str] | None:
    """The week before the article's (``last``), or the article's own up to its day, with a note."""
    if not (article.year and article.month and article.day):
        return None
    published = date(article.year, article.month, article.day)
    monday = published - timedelta(days=published.weekday())
    start, end = (monday - timedelta(days=7), monday - timedelta(days=1)) if last else (monday, published)
    same = (start.year, start.month) == (end.year, end.month)
    first = f"{WEEKDAYS[start.weekday()]} {start.day if start.day > 1 else '1er'}" if same else _day_words(
        start, start.year != end.year)
    said = (f"la semaine du {first} au {_day_words(end)}, avant celle de l'article ({article.words})" if last
            else f"du {first} au {_day_words(end)}, la semaine de l'article ({article.words})")
    if start == end:   # « cette semaine » on a Monday: the article's day
        return start.isoformat(), f"le {_day_words(start)}, premier jour de la semaine de l'article"
    return f"{start.isoformat()}/{end.isoformat()}", said


def find_dates(sentence: str, article: ArticleDay) -> list[DateMention]:
    """Every date the sentence states, with its ``as_of`` (completed from the article's date)."""
    folded = fold(sentence)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, as_of: str | None, note: str | None, words: str | None = None) -> None:
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            return
        taken.append(span)
        relayed = bool(_RELAY.search(folded, max(0, span[0] - 40), span[0]))
        running = bool(re.match(r"depuis\b|a\s+partir\b", folded[span[0]:span[1]]))
        said = not relayed and not running and bool(_SAID.search(folded, max(0, span[0] - 60), span[0]) or (
            _SAID_WEEKDAY.search(folded, max(0, span[0] - 60), span[0]) and _A_WEEKDAY.match(folded, span[0])))
        found.append(DateMention(span[0], span[1], sentence[span[0]:span[1]], as_of, note, relayed,
                                 words, running, said))

    def up_to_article(said: str, year: int | None) -> str | None:
        """The words of a period up to the article's day (« depuis octobre 2024 »): its as_of
        ends on that day, which pages must not show as a bound the text gives
        (CONTRIBUTING.md). An article dated to the month only ends it on its month: no words."""
        return _words(said, year) if article.day else None

    def inferred(text: str, year: int | None = None) -> str:
        """The note of a year the text leaves out; one before the article's says so, lest it read as the
        article's (« le 21 décembre » in a January article is of the year before)."""
        if year and article.year and year < article.year:
            return f"Année {year}, celle qui précède l'article ({article.words}) : « {text} » dans la phrase."
        return f"Année déduite de la date de l'article ({article.words}) : « {text} » dans la phrase."

    for m in _DEADLINE.finditer(folded):
        add(m, None, f"« {sentence[m.start():m.end()]} » est une échéance, pas la date du chiffre")
    for m in _BETWEEN.finditer(folded):
        first, last = MONTHS[m[1]], MONTHS[m[3]]
        end_year = int(m[4]) if m[4] else article.year_for(last)
        start_year = int(m[2]) if m[2] else (end_year - (first > last) if end_year else None)
        value = (f"{_month_key(start_year, first)}/{_month_key(end_year, last)}"
                 if start_year and end_year else None)
        said = sentence[m.start():m.end()]
        # the text's words for the period (« entre janvier et février 2025 »), its year added
        words = _words(said, None if m[4] else end_year) if value else None
        add(m, value, None if m[4] else inferred(said, start_year), words)
    for m in _PART_OF_MONTH.finditer(folded):
        # « fin janvier »: the month, with the words (CONTRIBUTING: no day bounds the text does not give)
        month = MONTHS[m[2]]
        year = int(m[3]) if m[3] else article.year_for(month)
        said = sentence[m.start():m.end()]
        words = _words(said, None if m[3] else year) if year else None
        add(m, _month_key(year, month) if year else None, None if m[3] else inferred(said, year), words)
    for m in _DAY_OF_MONTH.finditer(folded):
        month = MONTHS[m[3]]
        year = int(m[4]) if m[4] else article.year_for(month)
        value = _valid(year, month, _day(m[2])) if year else None
        add(m, value, None if m[4] else inferred(sentence[m.start():m.end()], year))
    for m in _PRINTED_NUMERIC.finditer(folded):
        add(m, _valid(int(m[3]), int(m[2]), int(m[1])), None)
    for m in _SINCE_NEW_YEAR.finditer(folded):
        if article.year and article.month:
            said = sentence[m.start():m.end()]
            year = int(m[1]) if m[1] else article.year
            add(m, f"{year:04d}-01/{article.text}",
                f"« {said} » : de janvier {year} à {_to_article(article)}.",
                up_to_article(said, None if m[1] else year))
        else:
            add(m, None, None)
    for m in _SINCE_YEAR.finditer(folded):
        # « depuis le début de 2025 » from its first month; « depuis 2023 » from the year, as the text says.
        said = sentence[m.start():m.end()]
        year = int(m[2])
        start = f"{year:04d}-01" if "debut" in m[0] else f"{year:04d}"
        if article.year and article.month and year <= article.year:
            add(m, f"{start}/{article.text}",
                f"« {said} » : {'de janvier ' if '-' in start else 'de '}{year} à {_to_article(article)}.",
                up_to_article(said, None))
        else:
            add(m, None, None)
    for m in _PART_OF_YEAR.finditer(folded):
        before = re.search(r"\b(avant|apres)\s+(?:le\s+|la\s+)?$", folded[max(0, m.start() - 12):m.start()])
        said = sentence[m.start():m.end()]
        said_year = int(m[2]) if m[2] else article.year
        if before and before[1] == "avant" and folded[m.start():].startswith("debut") and not m[1] and said_year:
            # « avant le début de l'année (2025) »: what was done by then, a total up to the year before's end.
            year = said_year
            bound = sentence[max(0, m.start() - 12) + before.start():m.end()]
            of_article = "" if m[2] else f", l'article étant de {year}"
            add(m, str(year - 1), f"« {bound} » : jusqu'à la fin de {year - 1}{of_article}.",
                _words(bound, None if m[2] else year))
            continue
        if before:
            add(m, None, f"« {said} » borne la période sans la dater")
            continue   # « après le début de l'année 2025 »: a bound, not the figure's date
        year = int(m[2]) if m[2] else (article.year - bool(m[1]) if article.year else None)
        add(m, str(year) if year else None,
            None if m[2] or not year else f"« {sentence[m.start():m.end()]} » : l'année "
            f"{'avant celle ' if m[1] else ''}de l'article ({year}).")
    def since(m: re.Match[str], first: int, year_said: str | None, words: str | None = None) -> None:
        """A period from month ``first`` (of the year said, else the one it fits) to the article;
        ``words``: the period's, where they are not the whole match."""
        year = int(year_said) if year_said else article.year_for(first)
        value = (f"{_month_key(year, first)}/{article.text}"
                 if year and article.year and article.month else None)
        said = sentence[m.start():m.end()]
        add(m, value, f"« {said} » : {_from(first)} {year} à {_to_article(article)}."
            if value else None, up_to_article(words or said, None if year_said else year) if value else None)

    for m in _SINCE_MONTH.finditer(folded):
        since(m, MONTHS[m[1]], m[2])
    for m in _SINCE_EVENT.finditer(folded):
        since(m, _SEASONS[m[1]][0] if m[1] else MONTHS[m[2]], m[3], _since_when(m, sentence))
    for m in _A_MONTH.finditer(folded):
        month = MONTHS[m[1]]
        year = int(m[2]) if m[2] else article.year_for(month)
        add(m, _month_key(year, month) if year else None,
            None if m[2] else inferred(sentence[m.start():m.end()], year))
    for m in _SEASON.finditer(folded):
        first, last = _SEASONS[m[2]]
        start_year = int(m[3]) if m[3] else article.year_for(first)
        value = None
        if start_year and m[1] and article.month:
            value = f"{_month_key(start_year, first)}/{article.text}"
        elif start_year and not m[1]:
            value = f"{_month_key(start_year, first)}/{_month_key(start_year + (last < first), last)}"
        said = sentence[m.start():m.end()]
        until = (_to_article(article) if m[1]
                 else f"{MONTH_NAMES[last - 1]} {(start_year or 0) + (last < first)}")
        # « depuis l'été » up to the article's day keeps its words; « l'été dernier » says its year.
        words = (up_to_article(said, None if m[3] or re.search(r"\b(?:dernier|passe)$", m[0]) else start_year)
                 if value and m[1] else None)
        add(m, value, f"Saison « {said} » dans la phrase : {_from(first)} {start_year} à {until}."
            if value else None, words)
    for m in _IN_YEAR.finditer(folded):
        add(m, m[1], None)
    for m in _THIS.finditer(folded):
        known_year, known_month = article.year, article.month
        if known_year is None or (m[1] != "cette annee" and known_month is None):
            add(m, None, f"« {sentence[m.start():m.end()]} » dans la phrase, à compléter : la date "
                         "de l'article est inconnue")
            continue
        value = (str(known_year) if known_month is None or m[1] == "cette annee"
                 else _month_key(known_year, known_month))
        add(m, value, f"« {sentence[m.start():m.end()]} » : l'année de l'article ({value})."
            if m[1] == "cette annee" else f"« {sentence[m.start():m.end()]} » : rapporté à la date de "
            f"l'article ({article.words}).")
    for m in _LAST.finditer(folded):
        said = sentence[m.start():m.end()]
        if m[0].startswith("le mois") and article.year and article.month:
            year, month = (article.year, article.month - 1) if article.month > 1 else (article.year - 1, 12)
            add(m, _month_key(year, month), f"« {said} » : {MONTH_NAMES[month - 1]} {year}, le mois avant "
                                            "celui de l'article.")
        elif not m[0].startswith("le mois") and article.year:
            add(m, str(article.year - 1), f"« {said} » : {article.year - 1}, l'année avant celle de l'article.")
        else:
            add(m, None, f"« {said} » dans la phrase, à compléter : la date de l'article est inconnue")
    for m in _WEEK.finditer(folded):
        week = _week(article, bool(m[1]))
        said = sentence[m.start():m.end()]
        add(m, week[0] if week else None, f"« {said} » : {week[1]}." if week else
            f"« {said} » dans la phrase, à compléter : la date de l'article est inconnue")
    for m in _A_WEEKDAY.finditer(folded):
        value = note = None
        if article.year and article.month and article.day:  # a day comes with its month and year
            published = date(article.year, article.month, article.day)
            back = (published.weekday() - WEEKDAYS.index(m[1])) % 7
            day = published - timedelta(days=back or (7 if m[2] else 0))
            value = day.isoformat()
            note = (f"« {sentence[m.start():m.end()]} » dans la phrase : le dernier {m[1]} "
                    + (f"avant la date de l'article ({article.words})." if m[2] else
                       f"jusqu'à la date de l'article ({article.words}) incluse."))
        add(m, value, note)
    return sorted(found, key=lambda mention: mention.start)
