"""French presentation of dates and numbers (Babel's CLDR data, not hand-made tables)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import cast

from babel.dates import format_date
from babel.numbers import format_decimal

from ..derive.ledger import LedgerEntry, Statement
from ..derive.synthesis import claim_direction
from ..model import Actor, Claim, DateInterval, Event, Registries, parse_date_interval

LOCALE = "fr_FR"


@lru_cache(maxsize=4096)
def date_fr(value: DateInterval | None) -> str:
    """'23 décembre 2024', 'mars 2025', '2025', '15 janvier 2025 – février 2025', or
    'date inconnue'."""
    if value is None:
        return "date inconnue"
    if value.precision == "period":
        return " – ".join(date_fr(parse_date_interval(part)) for part in value.text.split("/"))
    if value.precision == "year":
        return value.text
    if value.precision == "month":
        return format_date(value.start, "MMMM y", locale=LOCALE)
    # French writes the first of a month as an ordinal: « 1er mars 2025 ».
    day = "1er" if value.start.day == 1 else str(value.start.day)
    return f"{day} {format_date(value.start, 'MMMM y', locale=LOCALE)}"


def at_end_fr(value: DateInterval) -> str:
    """When a figure holds at a date or period's end, at that end's precision: « au 4 décembre
    2026 » for a day, « à la fin de février 2025 » for janvier – février 2025, « à la fin
    d'avril 2025 »."""
    end = value
    if value.precision == "period":
        end = cast(DateInterval, parse_date_interval(value.text.split("/")[-1]))
    return f"au {date_fr(end)}" if end.precision == "day" else f"à la fin {of_fr(date_fr(end))}"


def month_fr(month_key: str) -> str:
    """'2025-03' -> 'mars 2025'."""
    return date_fr(parse_date_interval(month_key))


# For a figure its text does not date, whose metric's scope fixes its period (topics.yml
# ``period``, named in the metric's label): that period is no text's date.
UNDATED_IN_TEXT = "sans date dans le texte"


def when_fr(as_of: DateInterval | None, reported: DateInterval | None,
            period: DateInterval | None = None) -> str:
    """When a figure is for: its as_of; else, when its metric's scope fixes its period (named
    in the metric's label), that the text gives no date, then when it was reported (« sans
    date dans le texte ; rapporté en mars 2025 »); else 'rapporté le …' (its article's date)."""
    if as_of is not None:
        return date_fr(as_of)
    if period is not None:
        return f"{UNDATED_IN_TEXT} ; {reported_fr(reported)}"
    if reported is None:
        return "date inconnue"
    return reported_fr(reported)


def on_fr(when: DateInterval) -> str:
    """A date after a participle: 'le 13 mars 2025' for a day, else 'en mars 2025'."""
    return f"{'le' if when.precision == 'day' else 'en'} {date_fr(when)}"


def known_fr(said: Statement) -> str:
    """When a statement became known, after its figure: « déclaré le 4 novembre 2025 » (or in
    the text's words: « déclaré fin janvier 2025 ») where its text dates the statement, else
    « rapporté le … », or « déclaré à une date inconnue ». What tells apart two figures one
    actor gave for one period."""
    known = said.first_stated
    if known is None or known.stated is None:
        return "déclaré à une date inconnue"
    if known.dates_statement:
        return f"déclaré {known.stated_words or on_fr(known.stated)}"
    return reported_fr(known.stated)


# One actor's new figure that revises its previous one (synthesis.direction) rather than
# follows a change in what is counted.
REVISED = {"up": "révisé à la hausse", "down": "révisé à la baisse", "same": "inchangé", "": "révisé"}


def revised_fr(direction: str) -> str:
    return REVISED[direction]


def moved_fr(later: Claim, earlier: Claim) -> str:
    """How a figure moved to the one its actor gave since, after « chiffre », as the log says
    it (synthesis.claim_direction): « porté depuis à », « ramené depuis à », else « remplacé
    depuis par »."""
    return {"up": "porté depuis à", "down": "ramené depuis à"}.get(
        claim_direction(later, earlier), "remplacé depuis par")


def than_fr(figure: str) -> str:
    """« que » before a figure, elided as French writes it: « qu'environ 300 », « que 300 »."""
    return ("qu'" if figure[:1].lower() in "aeiouyéèêâîôh" else "que ") + figure


def reported_fr(reported: DateInterval | None) -> str:
    """'rapporté le 13 mars 2025', 'rapporté en mars 2025', or 'rapporté à une date inconnue'."""
    if reported is None:
        return "rapporté à une date inconnue"
    return f"rapporté {on_fr(reported)}"


def stated_when_fr(claim: Claim, reported: DateInterval | None,
                   period: DateInterval | None = None) -> str:
    """When a figure is for, in the text's own words when the claim records them (« fin
    janvier 2025 »), else as when_fr says it (``period``: its metric's fixed period); when
    the text gives no such date but dates the statement (« a déclaré lundi »), that date,
    as the log places it (« déclaré le 7 avril 2025 »), not its article's. Words with no
    calendar bounds (« au début de l'engagement », no as_of) stand where « date inconnue »
    would, and before the date of its statement or report, which they do not replace. A
    period up to its report (« depuis octobre 2024 », as_of ending on its article's day) is
    said in its words, then its report: « depuis octobre 2024 ; rapporté le 11 décembre
    2025 », that day being no bound its text gives."""
    if claim.as_of_words and (claim.as_of is not None or period is not None):
        # (unless the words name that day: « avant le 11 décembre 2025 »)
        stated = claim.stated_on
        if claim.as_of is not None and stated is not None and claim.as_of.runs_to(stated) \
                and date_fr(stated) not in claim.as_of_words:  # to the day it was said
            return f"{claim.as_of_words} ; déclaré {claim.stated_words or on_fr(stated)}"
        if claim.as_of is not None and claim.as_of.runs_to(reported) and date_fr(reported) not in claim.as_of_words:
            return f"{claim.as_of_words} ; {reported_fr(reported)}"
        return claim.as_of_words
    if claim.as_of is None and period is None and claim.stated_on is not None:
        said = f"déclaré {claim.stated_words or on_fr(claim.stated_on)}"
    else:
        said = when_fr(claim.as_of, reported, period)
    if not claim.as_of_words:
        return said
    known = claim.stated_on is not None or reported is not None
    return f"{claim.as_of_words} ; {said}" if known else claim.as_of_words


def fixed_period(registries: Registries, claim: Claim) -> DateInterval | None:
    """The period a claim's metric fixes by its scope (topics.yml ``period``), if any."""
    return registries.topics[claim.topic].metrics[claim.metric].period if claim.metric else None


def said_when_fr(registries: Registries, said: Statement | LedgerEntry) -> str:
    """When a statement or claim is for, said one way on every page, the log and the feeds:
    the text's words or date, else its metric's fixed period with its report's date, else its
    report's date."""
    return stated_when_fr(said.claim, said.reported, fixed_period(registries, said.claim))


def part_when_fr(registries: Registries, part: Statement, whole: Statement) -> str:
    """When a part its total's report gives (« dont … ») is for, after it: its own period, and
    the day of its statement or report only where it is not the total's, said once after the
    total (« …, dont environ 7 000 renforts (depuis le début de 2025) »)."""
    own = said_when_fr(registries, part)
    period, said, known = own.rpartition(" ; ")
    return period if said and said_when_fr(registries, whole).endswith(said + known) else own


def dated_fr(value: DateInterval | None) -> str:
    """What follows « daté »: 'du 23 décembre 2024', 'de mars 2025', 'd'avril 2025', 'de 2025';
    "d'une date inconnue" when there is none."""
    if value is None:
        return "d'une date inconnue"
    text = date_fr(value)
    if value.precision == "day":
        return f"du {text}"
    return f"d'{text}" if text[:1] in "aeiouyâéèêîôûh" else f"de {text}"


_OPENERS, _CLOSERS = "«“", "»”"
# A space inside “ ” (kept from a « » shown as “ ”): French sets none there.
_CURLY_SPACES = re.compile("“[ \u00a0\u202f]+|[ \u00a0\u202f]+”")
_QUOTATION_MARKS = re.compile('["«»“”]')  # what quote_fr changes: most quotes hold none


def quote_fr(quote: str, mark_cuts: bool = True) -> str:
    """A verbatim quote as shown between the site's « »: its own quotation marks (« », straight
    double quotes) as the curly “ ” French typography uses for a quote within a quote, and a mark the quote's own
    bounds cut off restored with an ellipsis, since the quotation runs on beyond them
    (« février », a annoncé » starts inside the text's own quotation: shown “… février”, a
    annoncé), so that every mark shown has its pair and no quotation seems to start where
    the text's does not (``mark_cuts``: false for an excerpt already marked as one). The data
    keep the text's characters; only the display changes."""
    if _QUOTATION_MARKS.search(quote) is None:
        return quote
    chars = list(quote)
    for i, char in enumerate(chars):
        if char == '"':
            before = chars[i - 1] if i else " "
            chars[i] = "“" if before.isspace() or before in "([«“'’-—" else "”"
    open_at: list[int] = []
    unopened = 0
    for i, char in enumerate(chars):
        if char in _OPENERS:
            open_at.append(i)
        elif char in _CLOSERS:
            if open_at:
                open_at.pop()
            else:
                chars[i] = "”"
                unopened += 1
    for i in open_at:
        chars[i] = "“"
    chars = ["“" if char == "«" else "”" if char == "»" else char for char in chars]
    shown = ("“" * unopened + "… " * (mark_cuts and bool(unopened)) + "".join(chars)
             + " …" * (mark_cuts and bool(open_at)) + "”" * len(open_at))
    return _CURLY_SPACES.sub(lambda found: found.group().strip(" \u00a0\u202f"), shown)


def hedge_fr(hedge: str) -> str:
    """A hedge as shown between « »: the text's words cut from a sentence, marked as an
    excerpt (« … évaluer à … », « On estime … ») so that an infinitive or a clause's opening
    does not read as a sentence of the site's; a hedge that ends its sentence keeps its end."""
    shown = quote_fr(hedge, mark_cuts=False)
    before = "… " if shown[:1].islower() else ""
    after = "" if shown.rstrip()[-1:] in ".!?…" else " …"
    return f"{before}{shown}{after}"


def inline_label(label: str) -> str:
    """A label inside a sentence: « Retour sur le front » as « retour sur le front »; a label
    that opens with an acronym (« KN-23 », « JCS ») kept."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def joined_fr(label: str) -> str:
    """The word that joins who share a position: « ni » after a negative one (« ni confirmé
    ni démenti par Pyongyang ni par le Kremlin »), else « et »."""
    return "ni" if re.search(r"\bni\b", label, re.IGNORECASE) else "et"


def according_to(actor: Actor, event: Event | None = None) -> str:
    """Who gives a figure, as written after it: the actor's own phrase ('selon le Kremlin',
    'sans source citée'), else 'selon <name>'. Who takes a position (Event.stance) is its
    agent, not its source: 'par le Kremlin'."""
    if event is not None and event.stance:
        return actor.by or f"par {actor_noun(actor) or actor.name}"
    return actor.according_to or f"selon {actor.name}"


def actor_noun(actor: Actor) -> str | None:
    """The actor named where a sentence needs a noun (« contredit par … », « selon A et B »),
    the way « selon … » names it, so that a line names it one way; None for who is no named
    source (« sans source citée »): the line then names the article."""
    phrase = according_to(actor)
    return phrase.removeprefix("selon ") if phrase.startswith("selon ") else None


def of_fr(noun: str) -> str:
    """« de » before a noun, contracted as French writes it: « le JCS » → « du JCS », « les
    services » → « des services », « des médias » → « de médias », « l'agence » → « de
    l'agence », « Agence Alpha » → « d'Agence Alpha »."""
    for article, contracted in (("le ", "du "), ("les ", "des "), ("des ", "de ")):
        if noun.startswith(article):
            return contracted + noun.removeprefix(article)
    return ("d'" if noun[:1].lower() in "aeiouyéèêâîôh" and not noun.startswith(("l'", "l’"))
            else "de ") + noun


@lru_cache(maxsize=4096)
def number_fr(value: int) -> str:
    """4000 -> '4 000' (with the narrow no-break space French typography uses)."""
    return format_decimal(value, locale=LOCALE)


@lru_cache(maxsize=4096)
def amount_fr(value: int) -> str:
    """A figure as the French press writes it: a million and more, round to the hundred
    thousand, in words (12000000 -> '12 millions', 1500000 -> '1,5 million'), since eight
    zeros read as a spreadsheet; any other figure exact (number_fr)."""
    if value < 1_000_000 or value % 100_000:
        return number_fr(value)
    millions = Decimal(value) / 1_000_000
    return f"{format_decimal(millions, locale=LOCALE)} {'million' if millions < 2 else 'millions'}"


def _in_millions(figure: str) -> bool:
    return figure.endswith(("million", "millions"))


def with_unit(figure: str, unit: str) -> str:
    """A figure and its unit: « 250 unités », but « 12 millions d'obus »."""
    return f"{figure} {of_fr(unit) if _in_millions(figure) else unit}"


@lru_cache(maxsize=1024)
def short_month_fr(value: date) -> str:
    """date(2024, 12, 1) -> 'déc. 2024' (chart axes)."""
    return format_date(value, "MMM y", locale=LOCALE)


# The French words for the data files' codes (claims.csv puts them beside the codes).
QUALIFIER_FR = {"exact": "exact", "about": "environ", "at_least": "au moins",
                "more_than": "plus de", "at_most": "jusqu'à", "range": "fourchette"}
PRECISION_FR = {"day": "jour", "month": "mois", "year": "année", "period": "période"}
UNKNOWN_OUTLET_FR = "Média non identifié"

_QUALIFIERS = {"exact": "{}", "about": "environ {}", "at_least": "au moins {}",
               "more_than": "plus de {}", "at_most": "jusqu'à {}"}


def figure_fr(claim: Claim) -> str:
    """A claim's figure as a French reader says it: 'environ 4 000', 'entre 10 000 et 12 000', 'environ 12 millions'."""
    if claim.qualifier == "range":
        low, high = amount_fr(claim.low), amount_fr(claim.high)
        if _in_millions(low) and _in_millions(high):
            low = low.rsplit(" ", 1)[0]  # the word once, as said: « entre 1,5 et 2 millions »
        return f"entre {low} et {high}"
    if claim.value is None:
        return ""
    return _QUALIFIERS[claim.qualifier or "exact"].format(amount_fr(claim.value))
