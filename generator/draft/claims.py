"""Claim proposals: each figure of the text, with as much of its claim as the text gives.

The vocabulary comes from the archive's registries: a metric's unit, label and
``synonyms`` (topics.yml) decide topic and metric from the unit after the number and
the words around it; an actor's name, the abbreviation in it and its ``aliases``
(actors.yml) decide ``attributed_to``; dates in the sentence decide ``as_of``. Each
field so filled says what it was read from, for the contributor to confirm.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Actor, DateInterval, Topic, parse_date_interval
from .dates import (
    WEEKDAYS,
    ArticleDay,
    DateMention,
    day_words,
    find_dates,
    until_statement,
)
from .hedges import hedge_words
from .words import fold, is_acronym, phrase_needle, phrase_pattern

_DIGIT = re.compile(r"\d")
_NUMBER = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+"
# A decimal part, read only before « million(s) » or « milliard(s) » (« 1,5 million »).
_DECIMAL = r"(?:[,.]\d{1,2}(?=\s+(?:(?:et|à)\s+[\d,.]+\s+)?mil(?:lion|liard)s?\b))?"
_SCALES = {"million": 10 ** 6, "milliard": 10 ** 9}
_QUALIFIERS = {"environ": "about", "quelque": "about", "près de": "about", "presque": "about",
               "plus de": "more_than", "au moins": "at_least", "jusqu'à": "at_most",
               "jusqu’à": "at_most", "au plus": "at_most", "moins de": "at_most"}
_FIGURE = re.compile(
    r"(?:(?P<q>environ|quelque|près de|presque|plus de|au moins|au plus|moins de|jusqu['’]à"
    r"|(?:dépass|excéd)(?:e|ent|ait|aient|erait|eraient|é|ée|és|ées|er)?"
    r"(?:\s+(?:désormais|déjà|largement))?)\s+)?"
    # a range: « entre 3 000 et 4 000 », « de 100 à 150 », « quelque 100 à 150 missiles »
    rf"(?:(?:(?P<between>entre\s+)|de\s+)?(?<![\d.,\w-])(?P<low>(?:{_NUMBER}){_DECIMAL})\s+(?(between)(?:et|à)|à)\s+"
    rf"(?P<high>(?:{_NUMBER}){_DECIMAL})|(?<![\d.,\w-])(?P<value>(?:{_NUMBER}){_DECIMAL}))"
    # « 12 millions d'obus », « 1,5 million de soldats »: a round count, the noun after « de »
    r"(?![\d.,]\d)(?:\s+(?P<scale>millions?|milliards?)\b)?"
    r"(?:(?(scale)(?:\s+d['’]\s*|\s+de\s+|\s+)|\s+)(?:(?:les|des|le nombre d(?:e\s+|['’]))\s*)?"
    r"(?P<unit>[a-zà-ÿ][a-zà-ÿ-]{2,}(?:\s+[a-zà-ÿ][a-zà-ÿ-]{3,})?))?",
    re.IGNORECASE)
# A number followed by a unit of measure (« 170 mm », « 3 min », « 40 % ») is no count.
_MEASURE = re.compile(r"\s*(?:%|mm|cm|km|kg|m|h|min|t|ans?|heures?)\b\.?", re.IGNORECASE)
# Where a figure's own words end: the words after the number up to a clause break or the next number
# (not the digits of a model's name: « canons automoteurs M-1989 Koksan », « missiles KN-23 »).
_OWN_END = re.compile(r"[,;:.()\[\]«»\"]|\s(?:dont|qui|que|selon|et\s+(?=\d)|soit)\s|(?<![\w-])\d")
_NOT_UNITS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre", "ans", "heures", "jours", "mois", "fois", "pour",
              "semaines", "minutes", "secondes", "années", "million", "millions", "milliard",
              "milliards", "kilomètres", "km"}
_SENTENCE_END = re.compile(r"(?<=[.!?»\"”])\s+(?=[«\"“A-ZÀ-Ý0-9])")
# Where a clause ends: punctuation, « que », and « et » before a second figure (« 300 tués et 2 700
# blessés », « 120 canons Koksan et 120 lance-roquettes »: one figure, one clause each).
_CLAUSE = re.compile(r",\s+|\s*;\s+|\s+:\s+|\s+[–—]\s+|\s*\(\s*|\s*\)\s*(?=,|\s)|\bque\s+|\bqu['’]"
                     r"|\s+(?=et\s+(?:environ\s+|quelque\s+|près de\s+|plus de\s+)?\d)")
# Between two figures that share the first one's « environ »: its noun and « et » (« environ 300
# morts et 2 700 blessés »), nothing that opens another clause.
_SHARED_ABOUT = re.compile(r"\s+(?:[a-zà-ÿ'’-]+\s+){0,4}et\s+", re.I)
_QUOTE_TRIM = " \t«»\"“”'’,;:.–—-"
_NEAR = 120  # characters: words further from the number than this say nothing of it
# A number that names a part of a text rather than counting (« l'article 4 », « alinéa 2 », « n° 3 »).
_REFERENCE = re.compile(r"\b(?:articles?|alinéas?|paragraphes?|chapitres?|clauses?|sections?|points?|titres?"
                        r"|résolutions?|n°|no\.|numéros?)\s+$", re.I)


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern[str]
    case_sensitive: bool
    text: str
    needle: str = ""   # a word every match holds (words.phrase_needle)


@dataclass(frozen=True)
class MetricWords:
    topic: str
    metric: str
    unit: str
    phrases: tuple[Phrase, ...]
    label: str = ""
    kind: str = ""
    period: DateInterval | None = None   # the period its label or synonyms state (« automne 2024 »)
    wider: frozenset[str] = frozenset()  # metrics whose scope holds this one's (``within``, ``parts``)
    stance: bool = False   # an event that is its actor's own position: its as_of is when it was said
    # An event's subject, folded: the words of its label and its topic's title and units (« déploiement »,
    # « troupes », « soldats »): what a position that names no object must find in its clause.
    subject: frozenset[str] = frozenset()

    def narrower_than(self, other: MetricWords) -> bool:
        """Whether this metric counts a part of what ``other`` counts, as topics.yml says it: by a
        relation (``within``, ``parts``), or by a period its words state and ``other``'s do not
        (« Premier contingent (automne 2024) » within « Soldats envoyés en Russie (total) »): of
        one topic, unit and kind (a level at the front holds no contingent sent)."""
        if ((self.topic, self.unit, self.kind) != (other.topic, other.unit, other.kind)
                or self.metric == other.metric):
            return False
        return other.metric in self.wider or (self.period is not None and other.period is None)


def _stated_period(words: tuple[str, ...]) -> DateInterval | None:
    """The smallest period holding every date a metric's label and synonyms state, if any."""
    found = [parse_date_interval(mention.as_of) for text in words
             for mention in find_dates(text, ArticleDay()) if mention.as_of]
    spans = [interval for interval in found if isinstance(interval, DateInterval)]
    if not spans:
        return None
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return DateInterval(start, end, f"{start.isoformat()}/{end.isoformat()}")


@dataclass(frozen=True, eq=False)   # hashed by identity: the lookups below cache on it
class Vocabulary:
    """The archive's words for its metrics and actors."""

    metrics: tuple[MetricWords, ...] = ()
    actors: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()
    events: tuple[MetricWords, ...] = ()   # unit left empty
    # Each actor's role, the first word of its description folded (« Président de l'Ukraine. »:
    # president): « le président ukrainien » names it once it has been named.
    roles: tuple[tuple[str, str], ...] = ()
    # The actor that stands for the article's own statement (``independent: false``), if any.
    itself: str | None = None

    @classmethod
    def from_registries(cls, topics: dict[str, Topic], actors: dict[str, Actor]) -> Vocabulary:
        metrics = tuple(
            MetricWords(topic.id, metric_id, fold(metric.unit),
                        tuple(_phrase(word) for word in (metric.label, *metric.synonyms)),
                        metric.label, metric.kind, _stated_period((metric.label, *metric.synonyms)),
                        frozenset([*metric.wider,
                                   *(whole for whole, other in topic.metrics.items()
                                     if metric_id in other.parts)]))
            for topic in topics.values() for metric_id, metric in topic.metrics.items())
        named = []
        for actor in actors.values():
            names = [actor.name, re.sub(r"\s*\(.*?\)", "", actor.name),
                     *re.findall(r"\(([^()]+)\)", actor.name), *actor.aliases]
            named.append((actor.id, tuple(_phrase(name) for name in dict.fromkeys(names) if name.strip())))
        events = tuple(
            MetricWords(topic.id, event_id, "", tuple(_phrase(word) for word in (event.label, *event.synonyms)),
                        stance=event.stance, subject=frozenset(_stems(" ".join(
                            [event.label, topic.title, *(metric.unit for metric in topic.metrics.values())]))))
            for topic in topics.values() for event_id, event in topic.events.items())
        roles = tuple((actor.id, fold(actor.description.split()[0]))
                      for actor in actors.values() if actor.description and actor.description.split())
        itself = next((actor.id for actor in actors.values() if not actor.independent), None)
        return cls(metrics, tuple(named), events, roles, itself)


def _phrase(text: str) -> Phrase:
    sensitive = is_acronym(text)
    return Phrase(phrase_pattern(text, sensitive), sensitive, text, phrase_needle(text, sensitive))


@lru_cache(maxsize=64)
def _texts(sentence: str) -> tuple[str, str]:
    """The sentence as phrases are searched in it, made once for all of them: folded, and
    with only apostrophes and spaces folded (for acronyms)."""
    return fold(sentence), re.sub(r"[’ʼ‘]", "'", sentence).replace("\u00a0", " ")


def _search(phrase: Phrase, texts: tuple[str, str]) -> Iterator[re.Match[str]]:
    haystack = texts[1] if phrase.case_sensitive else texts[0]
    if phrase.needle not in haystack:
        return iter(())  # the pattern cannot match: no need to run it
    return phrase.pattern.finditer(haystack)


# What opens a part of the figure before it in the sentence: « dont 3 000 tués », « parmi eux … ».
_PART_OPENING = r"dont\b|parmi (?:eux|elles|lesquels)\b"


@dataclass(frozen=True)
class Candidate:
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    sentence: str
    start: int = 0                 # the figure's span in the sentence
    end: int = 0
    topic: str | None = None
    topic_hint: str = ""
    metric: str | None = None
    metric_hint: str = ""
    metric_options: tuple[str, ...] = ()
    actor: str | None = None
    actor_hint: str = ""
    as_of: str | None = None
    as_of_hint: str = ""
    as_of_note: str | None = None
    as_of_words: str | None = None   # the period as the text says it (« fin janvier 2025 »)
    # The day the actor said it (« a déclaré mardi »), when the text gives it and it is not the
    # article's: ``stated_on`` beside ``as_of`` (the figure's date), with the words and a hint.
    stated_on: str | None = None
    stated_words: str | None = None
    stated_hint: str = ""
    stated_text: str = ""            # the words that date the statement, as printed (« jeudi »)
    quote: str = ""
    repeats: int = 1
    notes: tuple[str, ...] = field(default_factory=tuple)
    event: str | None = None       # an event claim (no figure): the words that name it
    part_of: bool = False          # « 15 000 soldats, dont 3 000 … »: a bare part of the figure before
    # The span of a verb phrase saying something else of the figure's subject (« [11 000 hommes
    # déployés] auraient été retirés du front à la mi-janvier »): its words and dates are not the figure's.
    predicate: tuple[int, int] | None = None
    # Metrics of the same topic, unit and kind whose words also stand among the figure's own but
    # lost to a more specific one (« canons automoteurs » beside « M-1989 Koksan »): a copy of the
    # figure elsewhere in the article filed under one of them is this figure, less precisely said.
    passed_over: tuple[str, ...] = ()
    # Whether ``stated_on`` (and ``as_of`` with it) comes from an earlier sentence of the same
    # statement: a copy of the figure that its own sentence dates is the better one.
    carried: bool = False
    # A part in its total's clause (« 9 000 … auraient été tués ou blessés, dont 3 000 tués »): the
    # total's quote, whose hedges the part takes (the text hedges both at once).
    whole_quote: str = ""
    # A figure the sentence sets against the one before or counts by a pronoun (« contre environ
    # 10 000 lors de sa précédente estimation », « le NIS en recensait environ 18 000 »): an earlier
    # estimate recalled, of the metric of the figure it stands beside.
    recall: bool = False
    own_actor: bool = False        # the actor is named in the figure's own sentence

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(n for n in (self.value, self.low, self.high) if n is not None)

    @property
    def figure_text(self) -> str:
        """The figure as printed, with its qualifier (« environ 4 700 »)."""
        return re.sub(r"\s+d['’]$", "", self.sentence[self.start:self.end - len(self.unit)].rstrip())


def _to_int(number: str, scale: str | None = None) -> int:
    """The number as printed, times its scale word (« 12 millions » is 12 000 000, « 1,5 million »
    1 500 000: CONTRIBUTING.md reads them so in quotes)."""
    if not scale:
        return int(re.sub(r"\D", "", number))
    whole, _, decimals = re.sub(r"[^\d,.]", "", number).replace(".", ",").partition(",")
    factor = _SCALES[scale.lower().rstrip("s")]
    return int(whole) * factor + (int(decimals) * factor // 10 ** len(decimals) if decimals else 0)


_LONGEST = 800  # characters: a longer "sentence" (a run-on scrape) is read in pieces


def _pieces(sentence: str) -> list[str]:
    """An over-long sentence cut at clause ends (else spaces) into pieces of bounded length,
    so that the work per figure stays bounded whatever the input."""
    if len(sentence) <= _LONGEST:
        return [sentence]
    out, start = [], 0
    while len(sentence) - start > _LONGEST:
        window = sentence[start:start + _LONGEST]
        cut = max((m.end() for m in _CLAUSE.finditer(window)), default=0) or window.rfind(" ") + 1
        cut = cut if cut > _LONGEST // 4 else _LONGEST
        out.append(sentence[start:start + cut])
        start += cut
    return out + [sentence[start:]]


def sentences(blocks: list[str]) -> list[list[str]]:
    """The sentences of each paragraph or list item (headings left out)."""
    return [[piece for s in _SENTENCE_END.split(block.removeprefix("- ")) if s.strip()
             for piece in _pieces(s) if piece.strip()]
            for block in blocks if not block.startswith("#")]


def candidates(blocks: list[str], vocabulary: Vocabulary | None = None,
               article_date: str | None = None) -> list[Candidate]:
    """Each French number with its unit noun, filled from the vocabulary, each figure once."""
    vocabulary = vocabulary or Vocabulary()
    article = ArticleDay.parse(article_date)
    found: list[Candidate] = []
    before: list[str] = []   # the sentences before, since the last heading (« Il a ajouté que… »)
    named: list[str] = []    # the actors named so far in the article, last named last
    statement: Candidate | None = None   # the last figure whose own sentence dated its statement
    statements: dict[str, Candidate] = {}   # each actor's last figure whose own sentence dated its statement
    sourced: Candidate | None = None     # the last figure of an earlier sentence with an actor
    last_said: Candidate | None = None   # the first figure of the last sentence that gave one, no part nor recall
    for block in blocks:
        if block.startswith("#"):
            before, statement, statements, sourced, last_said = [], None, {}, None, None
            continue
        paragraph = sentences([block])[0]
        for index, sentence in enumerate(paragraph):
            if vocabulary.roles:
                named += [hit[2] for hit in sorted(_actor_hits(vocabulary, sentence))]
            if not _DIGIT.search(sentence) or not _FIGURE.search(sentence):  # a digit first: far cheaper
                before.append(sentence)
                continue
            dates = find_dates(sentence, article)
            figures: list[Candidate] = []
            for match in _FIGURE.finditer(sentence):
                unit = (match["unit"] or "").lower()
                end = match.end()
                if unit and _no_noun(unit.split()[0]):   # « environ 10 000 lors de … », « … fin novembre »: no noun
                    unit, end = "", len(sentence[:match.start("unit")].rstrip())
                number = match["value"] or match["low"]
                if match["low"] and _to_int(match["high"], match["scale"]) <= _to_int(match["low"], match["scale"]):
                    continue  # « en 2024 à 10 h »: no range
                at = match.start("value" if match["value"] else "low")
                if (unit and unit.split()[0] in _NOT_UNITS) or any(d.start <= at < d.end for d in dates):
                    continue
                if _MEASURE.match(sentence, match.end("value" if match["value"] else "high")):
                    continue
                if not match["q"] and _REFERENCE.search(sentence, max(0, at - 20), at):
                    continue  # « l'article 4 du traité »: a reference, not a count
                part_of = bool(not unit and figures and re.search(r"\bdont\s+$", sentence[:match.start()]))
                recall = bool(not unit and not part_of and (found or figures)
                              and _recalled(sentence, match.start(), end))
                if (not unit and not part_of and not recall
                        and not _unitless_counts(vocabulary, sentence, match.start(), end)):
                    continue  # a bare number (« 3 », « 24 ») with no metric's words in its clause
                if re.fullmatch(r"(?:19|20)\d\d", number) and not any(
                        unit and fold(unit.split()[0]).rstrip("s") == m.unit.rstrip("s") for m in vocabulary.metrics):
                    continue  # a year
                said = (match["q"] or "").lower()
                qualifier = ("range" if match["low"] else "more_than" if said.startswith(("dépass", "excéd"))
                             else _QUALIFIERS.get(said, "exact"))
                if (qualifier == "exact" and figures and figures[-1].qualifier == "about"
                        and _SHARED_ABOUT.fullmatch(sentence, figures[-1].end, match.start())):
                    qualifier = "about"   # « environ 300 morts et 2 700 blessés »: both approximate
                figures.append(Candidate(
                    None if match["low"] else _to_int(match["value"], match["scale"]),
                    _to_int(match["low"], match["scale"]) if match["low"] else None,
                    _to_int(match["high"], match["scale"]) if match["high"] else None,
                    qualifier, unit, sentence, match.start(), end,
                    quote=quote_clause(sentence, match.start(), end), part_of=part_of, recall=recall))
                predicate = _other_predicate(vocabulary, sentence, match.start(),
                                             match.end("value" if match["value"] else "high"))
                if predicate:
                    clause = figures[-1].quote
                    at = sentence.find(clause)
                    figures[-1] = replace(figures[-1], predicate=predicate,
                                          quote=trimmed(sentence[at:predicate[0]]))
            filled: list[Candidate] = []
            for figure in figures:
                others = [f for f in figures if f is not figure]
                previous = filled[-1] if filled else None
                figure = _fill(figure, vocabulary, _dates_of(figure, others, dates), before, tuple(figures),
                               previous if figure.part_of else None, tuple(named))
                if figure.recall:
                    figure = _as_recall(figure, _recalled_of([*found, *filled]), others, dates)
                figure = _same_source(figure, sourced)
                part = bool(previous and re.match(_PART_OPENING, figure.quote, re.I))
                if part and previous:
                    figure = replace(figure, whole_quote=previous.whole_quote or previous.quote)
                if (part and previous and previous.as_of and not figure.as_of):
                    # « 14 000 envoyés depuis octobre 2024, dont 4 700 tués »: the same period.
                    figure = replace(figure, as_of=previous.as_of, as_of_words=previous.as_of_words, as_of_hint=(
                        f"« {figure.quote.split()[0]} » : même période que « {previous.figure_text} » "
                        f"({previous.as_of_hint})"), as_of_note=(
                        f"« {figure.quote.split()[0]} » : même période que le chiffre qui précède dans la "
                        f"phrase ; {previous.as_of_note or previous.as_of_hint}"), notes=())
                if figure.part_of and figure.topic is None and previous and previous.topic:
                    figure = replace(figure, topic=previous.topic, topic_hint=(
                        f"« dont » : une partie de « {previous.figure_text} » ({previous.topic_hint})"))
                if part and previous:
                    figure = _part_on_its_total_s_metric(figure, previous, vocabulary)
                filled.append(figure if figure.recall else _statement(figure, dates, article))
            # (the statement of an earlier sentence of this paragraph, or one this sentence says it goes on with)
            filled, statement = _same_statement(filled, statement, dates, bool(
                statement and statement.sentence in paragraph[:index]) or _continues(vocabulary, sentence, statement))
            filled = [_earlier_statement(_same_day(figure, last_said), statements) for figure in filled]
            last_said = next((f for f in filled if not f.recall and not f.whole_quote and not f.part_of), last_said)
            statements |= {f.actor: f for f in filled if f.actor and f.stated_on and not f.carried and not f.recall}
            sourced = next((f for f in reversed(filled) if f.actor), sourced)
            found += filled
            before.append(sentence)
    return _once(found)


# Words read as a figure's unit that are no noun (« contre environ 10 000 lors de sa précédente estimation »).
_NOT_NOUNS = {"lors", "selon", "avant", "après", "depuis", "pendant", "contre", "dans",
              "fin", "début", "courant"}


def _no_noun(word: str) -> bool:
    """Whether the word after a number opens no noun of it but a clause or a date (« contre quelque
    350 fin novembre », « … mi-décembre »): the number is bare, a recall or a part."""
    return word in _NOT_NOUNS or word.startswith("mi-")
# A figure set against another (« contre environ 10 000 »), or counted by « en » standing for the
# noun of the figure before (« le NIS en recensait environ 18 000 », « le HUR en comptait »).
_AGAINST = re.compile(r"\bcontre\s+$", re.I)
_EN_PAST = re.compile(r"\ben\s+[a-zà-ÿ]{3,}(?:ait|aient)\b", re.I)


def _recalled(sentence: str, start: int, end: int) -> bool:
    """Whether a number printed without a noun recalls an earlier estimate of the figure before it."""
    if _AGAINST.search(sentence, max(0, start - 10), start):
        return True
    clause = quote_clause(sentence, start, end, least_words=1)
    at = sentence.find(clause)
    return at >= 0 and bool(_EN_PAST.search(sentence, at, start))


def _recalled_of(figures: list[Candidate]) -> Candidate | None:
    """The figure a recall stands beside: the last one with a metric that is no part of another."""
    return next((f for f in reversed(figures) if f.metric and not f.part_of and not f.whole_quote), None)


def _as_recall(figure: Candidate, of: Candidate | None, others: list[Candidate],
               dates: list[DateMention]) -> Candidate:
    """A recall with the metric of the figure it stands beside, and only the dates of its own clause
    when the sentence holds another figure (« a estimé lundi …, contre environ 10 000 lors de sa
    précédente estimation »: Monday dates the new figure, not the one recalled)."""
    if of is None:
        return replace(figure, recall=False)
    word = "contre" if _AGAINST.search(figure.sentence, max(0, figure.start - 10), figure.start) else "en"
    hint = (f"« {word} » : une estimation antérieure rappelée à côté de « {of.figure_text} », "
            f"de sa métrique ({of.metric})")
    changes: dict = {"topic": of.topic, "metric": of.metric, "topic_hint": hint, "metric_hint": hint,
                     "passed_over": (), "notes": (*figure.notes, (
                         "un rappel d'une estimation antérieure : à confirmer ; as_of et stated_on sont ceux "
                         "de l'estimation rappelée, pas ceux de l'article ni de la phrase"))}
    if others and figure.as_of:
        clause = quote_clause(figure.sentence, figure.start, figure.end, least_words=1)
        at = figure.sentence.find(clause)
        if not any(d.as_of == figure.as_of and at <= d.start < at + len(clause) for d in dates):
            changes |= {"as_of": None, "as_of_hint": "", "as_of_note": None, "as_of_words": None}
    return replace(figure, **changes)


# « selon la même source », « de même source », « selon les mêmes sources »: the source named last.
_SAME_SOURCE = re.compile(r"\b(?:(?:la|les)\s+)?m[êe]mes?\s+sources?\b", re.I)


def _same_source(figure: Candidate, sourced: Candidate | None) -> Candidate:
    """A figure whose sentence gives « la même source » is the actor's of the figure last attributed
    before it, not the sentence's subject (« Pyongyang aurait livré …, selon la même source »)."""
    said = _SAME_SOURCE.search(figure.sentence)
    if said is None or sourced is None or not sourced.actor or figure.actor == sourced.actor:
        return figure
    return replace(figure, actor=sourced.actor, own_actor=False, actor_hint=(
        f"« {said[0]} » dans la phrase : la source de « {sourced.figure_text} » plus haut"))


def _part_on_its_total_s_metric(figure: Candidate, total: Candidate, vocabulary: Vocabulary) -> Candidate:
    """A part (« dont environ 4 millions d'obus de 152 mm ») read on its total's metric would count
    the same thing twice: the metric topics.yml places within it when there is one, else a note
    saying that a part of another scope needs its own metric (CONTRIBUTING.md)."""
    if not figure.metric or figure.metric != total.metric:
        return figure
    narrower = [m.metric for m in vocabulary.metrics if m.topic == figure.topic and figure.metric in m.wider]
    if len(narrower) == 1:
        hint = (f"« dont » : une partie de « {total.figure_text} » ({total.metric}) ; topics.yml place "
                f"{narrower[0]} dans {total.metric}")
        return replace(figure, metric=narrower[0], metric_hint=hint)
    others = f" (topics.yml en a : {', '.join(narrower)})" if narrower else ""
    return replace(figure, notes=(*figure.notes, (
        f"« dont » : une partie de « {total.figure_text} », proposée sur la même métrique ({total.metric}) : "
        f"une partie d'une autre portée demande sa propre métrique, within: {total.metric}{others}")))


_SAME_DAY = re.compile(r"\ble\s+même\s+jour\b", re.I)


def _same_day(figure: Candidate, said: Candidate | None) -> Candidate:
    """A figure said « le même jour » (« Le ministère a avancé le même jour … environ 11 000 »), its
    sentence dating nothing else: the day of the figure before it (the day its actor said it, else
    its own date when a day), as ``stated_on`` and ``as_of``, to confirm; nothing when that is no day."""
    words = _SAME_DAY.search(figure.sentence)
    if (words is None or said is None or figure.stated_on or figure.as_of or figure.recall
            or _DATE_WORD.search(figure.sentence) or said.sentence == figure.sentence):
        return figure
    day, text = (said.stated_on, said.stated_text) if said.stated_on else (said.as_of, "")
    if not day or len(day) != 10:
        return figure
    hint = f"« {words[0]} » : le jour de « {said.figure_text} » plus haut" + (f" (« {text} »)" if text else "")
    return replace(figure, stated_on=day, stated_words=None, stated_text=text or words[0],
                   stated_hint=hint, carried=True, as_of=day, as_of_words=None,
                   as_of_hint=hint, notes=(), as_of_note=(
                       f"« {words[0]} » que « {said.figure_text} » plus haut ({day_words(day)})."))


# Words that date a figure at its statement (« actuellement »), or the weeks before it.
_NOW = re.compile(r"\b(?:actuellement|à l['’]heure actuelle|à ce jour)\b", re.I)
_RECENT_WEEKS = re.compile(r"\b(?:ces|les)\s+dernières\s+semaines\b", re.I)


def _earlier_statement(figure: Candidate, statements: dict[str, Candidate]) -> Candidate:
    """A figure (or event) that names its actor and that its sentence dates only by a word relative
    to the saying (« actuellement », « ces dernières semaines »), when an earlier sentence dated
    that actor's statement (« a estimé jeudi le NIS » two paragraphs up): that day as ``stated_on``
    and the day (or the weeks before it) as ``as_of``, to confirm. Without such a word, a figure
    of another paragraph may be another statement, and keeps the article's date."""
    said = statements.get(figure.actor or "")
    if (said is None or not figure.own_actor or figure.stated_on or figure.as_of or figure.recall or figure.notes
            or _DATE_WORD.search(figure.sentence) or said.sentence == figure.sentence):
        return figure
    now, weeks = _NOW.search(figure.quote), _RECENT_WEEKS.search(figure.quote)
    day = said.stated_on or ""
    if not now and not (weeks and len(day) == 10):
        return figure
    hint = (f"« {said.stated_text} » : la date de la déclaration de la même source plus haut (« "
            f"{said.figure_text or said.quote} ») ; la phrase ne date rien")
    figure = replace(figure, stated_on=day, stated_words=said.stated_words,
                     stated_text=said.stated_text, stated_hint=hint, carried=True)
    if now:
        return replace(figure, as_of=day, as_of_words=now[0], as_of_hint=f"« {now[0]} » : {hint}",
                       as_of_note=f"« {now[0]} » : le jour de la déclaration (« {said.stated_text} », {day_words(day)}).")
    assert weeks is not None
    year, month = int(day[:4]), int(day[5:7])
    year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return replace(figure, as_of=f"{year:04d}-{month:02d}/{day}", as_of_words=weeks[0],
                   as_of_hint=f"« {weeks[0]} » : {hint}", as_of_note=(
                       f"« {weeks[0]} » avant la déclaration (« {said.stated_text} », {day_words(day)}) : "
                       "du mois précédent à ce jour."))


# A conjugated verb opening a predicate (« auraient été retirés », « sont arrivés », « ne sont plus »).
_FINITE = re.compile(r"\s(?:a|ont|avait|avaient|aurait|auraient|aura|auront|est|sont|était|étaient|serait"
                     r"|seraient|sera|seront|ne|n['’]|se|s['’])(?=\s|(?<=['’]))", re.I)


def _other_predicate(vocabulary: Vocabulary, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """When the figure is the subject of its clause, its noun phrase already says what it counts
    (« Les 11 000 hommes déployés en Russie ») and the verb says something else of them, in the words
    of an event or of another metric (« auraient été retirés du front à la mi-janvier »): the span of
    that verb phrase, whose words and dates are not the figure's. A verb completing the figure
    (« 3 000 renforts sont arrivés au début de l'année ») names nothing else: None."""
    clause = quote_clause(sentence, start, end, least_words=1)
    at = sentence.find(clause)
    if at < 0 or _FINITE.search(sentence, at, start):
        return None   # a verb before the figure: it is no subject
    verb = _FINITE.search(sentence, end, at + len(clause))
    if verb is None:
        return None
    span = (verb.start(), at + len(clause))
    metrics = _metric_hits(vocabulary, sentence)
    if not any(end <= a and b <= span[0] for (a, b), _, _ in metrics):
        return None   # the noun phrase names no metric: the verb says what the figure counts
    # The verb itself (past its auxiliaries and adverbs) must be an event's or a metric's words: « retirés
    # du front » is; « arrivés … pour combler ces pertes » is not (the metric's word is no verb there).
    head = _VERB_HEAD.match(sentence, verb.end())
    at_verb = head.end() if head else verb.end()
    texts = _texts(sentence)
    if any(match.start() == at_verb for event in vocabulary.events for phrase in event.phrases
           for match in _search(phrase, texts)):
        return span
    # A verb in the words of the metric the noun phrase names, or of a wider one it is part of,
    # restates what the figure counts (« 3 000 soldats supplémentaires ont été envoyés en renfort
    # en janvier »: reinforcements are soldiers sent): it completes the figure, its dates are the figure's.
    said = [metric for (a, _), _, metric in metrics if a == at_verb]
    own = [metric for (a, b), _, metric in metrics if end <= a and b <= span[0]]
    if said and all(any(mine.metric == other.metric or mine.narrower_than(other) for mine in own) for other in said):
        return None
    return span if said else None


# What may stand between a predicate's first verb and its main word: auxiliaries, negation, adverbs.
_VERB_HEAD = re.compile(r"(?:\s*(?:été|eu|plus|pas|déjà|tous|toutes|ensuite|aussi|également|bien|encore|alors"
                        r"|toujours|ne|n['’]|se|s['’]|sont|ont))*\s*", re.I)


def event_candidates(blocks: list[str], vocabulary: Vocabulary, article_date: str | None,
                     figures: list[Candidate]) -> list[Candidate]:
    """Events the text names in the words of topics.yml (label or synonyms), each event once,
    outside the clauses that already hold a figure."""
    article = ArticleDay.parse(article_date)
    taken = {(f.sentence, f.quote) for f in figures}
    found: dict[str, Candidate] = {}
    before: list[str] = []
    statements: dict[str, Candidate] = {}   # each actor's last figure whose own sentence dated its statement
    sourced: Candidate | None = None        # the last figure of an earlier sentence with an actor
    for block in blocks:
        if block.startswith("#"):
            before, statements, sourced = [], {}, None
            continue
        for sentence in sentences([block])[0]:
            statements |= {f.actor: f for f in figures if f.sentence == sentence and f.actor and f.stated_on
                           and not f.carried and not f.recall}
            texts = _texts(sentence)
            hits = sorted(((match.span(), -len(phrase.text), event)
                           for event in vocabulary.events for phrase in event.phrases
                           for match in _search(phrase, texts)), key=lambda h: (h[0][0], h[1]))
            dates = find_dates(sentence, article) if hits else []
            for (start, end), _, event in hits:
                quote = quote_clause(sentence, start, end)
                predicate = next((f.predicate for f in figures if f.sentence == sentence and f.predicate
                                  and f.predicate[0] <= start < f.predicate[1]), None)
                if predicate:   # « [11 000 hommes] auraient été retirés du front »: the event's own words
                    quote = trimmed(sentence[predicate[0]:predicate[1]])
                if not _says_the_event(event, sentence[start:end], quote):
                    continue  # « apprendre à utiliser des drones » is no supply of drones
                if not _names_its_subject(event, sentence[start:end], quote):
                    continue  # « ni confirmé ni démenti ces livraisons » is no position on troops
                if not _dated_words(sentence, end, dates) and any(
                        other.metric != event.metric and _dated_words(sentence, span[1], dates)
                        and quote_clause(sentence, *span) == quote for span, _, other in hits):
                    continue  # « le traité de partenariat … entré en vigueur en décembre 2024 »: the dated words name it
                if (event.metric in found and found[event.metric].as_of) or _counts_outside_dates(sentence, quote, dates) or any(
                        quote in q or q in quote or _within(sentence, q, start, end) for s, q in taken if s == sentence):
                    continue  # an event once; none in a clause that holds a figure, nor in a figure's words
                candidate = Candidate(None, None, None, "", "", sentence, start, end, quote=quote,
                                      topic=event.topic, event=event.metric,
                                      topic_hint=f"« {sentence[start:end]} » dans la phrase")
                pseudo = [f for f in figures if f.sentence == sentence]
                others = [span for span, _, other in hits if other.metric != event.metric]
                filled = _fill(candidate, Vocabulary(actors=vocabulary.actors, itself=vocabulary.itself),
                               _event_dates(candidate, pseudo, others, dates), before)
                filled = replace(filled, topic=event.topic, topic_hint=candidate.topic_hint)
                filled = _same_source(filled, sourced)
                filled = filled if event.stance else _earlier_statement(_statement(filled, dates, article), statements)
                if event.metric not in found or filled.as_of:
                    # an event once; a later copy the text dates wins over an undated summary
                    # (a standfirst's « Deux ans après l'entrée en vigueur … », the body's « en décembre 2024 »)
                    found[event.metric] = filled
                taken.add((sentence, quote))
            sourced = next((f for f in reversed(figures) if f.sentence == sentence and f.actor), sourced)
            before.append(sentence)
    return list(found.values())


# What may stand between an event's words and the date they take (« entré en vigueur en décembre 2024 »).
_BEFORE_DATE = re.compile(r"\s*(?:(?:en|le|au|à|dès|depuis|début|fin|mi)\s*)?")


def _dated_words(sentence: str, end: int, dates: list[DateMention]) -> bool:
    """Whether a date follows an event's words directly: of two events one clause names (« le traité
    de partenariat stratégique global entré en vigueur en décembre 2024 »), the one the date is of."""
    return any(d.start >= end and _BEFORE_DATE.fullmatch(sentence, end, d.start) for d in dates)


def _statement(figure: Candidate, dates: list[DateMention], article: ArticleDay) -> Candidate:
    """The figure with ``stated_on`` when its sentence dates the saying (« a déclaré mardi », « selon
    un communiqué publié lundi ») and that day is not the article's (CONTRIBUTING.md: the day of
    the statement, kept apart from ``as_of``, the figure's date, which may be the same day)."""
    said = [d for d in dates if d.said and d.as_of and d.as_of != article.text
            and not (figure.predicate and figure.predicate[0] <= d.start < figure.predicate[1])]
    if not said:
        return figure
    day = min(said, key=lambda d: _distance((figure.start, figure.end), (d.start, d.end)))
    how = f" ; {_lower(day.note)}" if day.note and day.as_of != figure.as_of else ""
    figure = replace(figure, stated_on=day.as_of, stated_words=day.words, stated_text=day.text, stated_hint=(
        f"« {day.text} » : la date de la déclaration (as_of : la date du chiffre){how}"))
    # A period up to the report (« depuis octobre 2024 ») runs to the day the actor said it.
    ended = next((until for d in dates if d.as_of == figure.as_of
                  and (until := until_statement(d, day, article))), None)
    if ended:
        return replace(figure, as_of=ended.as_of, as_of_note=ended.note, as_of_hint=(
            f"« {ended.text} » dans la phrase, jusqu'à la date de la déclaration (« {day.text} »)"))
    if figure.event or figure.as_of:
        return figure
    # A figure the text gives for no other date is the actor's estimate on the day it was said.
    return replace(figure, as_of=day.as_of, as_of_words=day.words, as_of_hint=(
        f"« {day.text} » : la date de la déclaration, le texte ne donne pas d'autre date au chiffre"),
        as_of_note=f"« {day.text} » : date de la déclaration, seule date que le texte donne au chiffre"
                   + (f" ; {_lower(day.note)}" if day.note else "."))


def _same_statement(figures: list[Candidate], said: Candidate | None, dates: list[DateMention],
                    continued: bool) -> tuple[list[Candidate], Candidate | None]:
    """A sentence's figures with the day of the statement their actor goes on making (« a indiqué
    jeudi le NIS … Le NIS évalue à environ 9 000 … »): a figure of ``said``'s actor in a later
    sentence that dates nothing is that statement's, and gets its ``stated_on`` (and its
    ``as_of`` when none), when the sentence stands in the same paragraph or ``continued`` says it
    goes on with it (« Le NIS a également indiqué que … »). Returns the figures and the figure
    whose statement a later sentence may go on with: None once another actor's figure comes."""
    out: list[Candidate] = []
    for figure in figures:
        if (said and continued and not dates and not _DATE_WORD.search(figure.sentence)
                and figure.stated_on is None and not figure.event and not figure.recall
                and figure.actor == said.actor):
            hint = (f"« {said.stated_text} » : la date de la déclaration, donnée plus haut pour « "
                    f"{said.figure_text} » (même source) ; aucune date dans la phrase")
            figure = replace(figure, stated_on=said.stated_on, stated_words=said.stated_words,
                             stated_text=said.stated_text, stated_hint=hint, carried=True)
            if not figure.as_of:
                figure = replace(figure, as_of=said.stated_on, as_of_words=said.stated_words,
                                 as_of_hint=hint, notes=(), as_of_note=(
                                     f"« {said.stated_text} » : même déclaration que « {said.figure_text} » "
                                     "plus haut ; le texte ne donne pas d'autre date au chiffre."))
        if figure.stated_on and figure.actor and not figure.carried:
            said = figure
        elif figure.actor and said and figure.actor != said.actor:
            said = None
        out.append(figure)
    return out, said


def _lower(note: str) -> str:
    """A note continued after « ; »: its first letter in lower case."""
    return note[:1].lower() + note[1:]


def _within(sentence: str, quote: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` of the sentence stand inside ``quote`` (a figure's, which may
    run past its clause: « 180 systèmes d'artillerie, lance-roquettes et canons automoteurs »)."""
    at = sentence.find(quote)
    return 0 <= at <= start and end <= at + len(quote)


_LINKS = {"de", "du", "des", "d", "a", "au", "aux", "en", "sur", "pour"}


def _stems(text: str) -> set[str]:
    return {word[:4] for word in re.findall(r"[a-z]{4,}", fold(text))}


def _says_the_event(event: MetricWords, words: str, clause: str) -> bool:
    """A phrase of several words says its event; a bare noun (« drones », « munitions ») says it
    only when the clause also holds a word of what the event's label says happened (its words
    before the noun: « Production et livraison de drones » → produire, livrer)."""
    if len(words.split()) > 1 or is_acronym(words) or re.search(r"(?:é|ée|és|ées|er|ir)$", words.lower()):
        return True  # several words, a name, or a verb (« redéployées ») say what happened
    label = next((p.text for p in event.phrases), "")
    action: list[str] = []
    for word in re.findall(r"[\w’']+", fold(label)):
        if word.strip("'’") in _LINKS or word.startswith(("d'", "l'")):
            break
        if word != "et":
            action.append(word)
    wanted = {word[:4] for word in action if len(word) >= 4}
    return bool(wanted & (_stems(clause) - _stems(words))) or fold(words)[:4] in wanted


# A determiner before a word: a position's words that hold one name what it is on (« a reconnu la
# présence », « démenti toute livraison »).
_OBJECT = re.compile(r"\b(?:l'|(?:le|la|les|un|une|des|du|son|sa|ses|leur|leurs|ce|cet|cette|ces|tout|toute|tous"
                     r"|toutes)\s+)[a-z]")


def _names_its_subject(event: MetricWords, words: str, clause: str) -> bool:
    """A position in words that name no object (« ni confirmé ni démenti ») is the event's only when
    the clause also holds a word of its subject (« déploiement », « troupes », « soldats »): else it
    may be on anything (« ces livraisons »), and is left to a comment (unnamed.py)."""
    if not event.stance or _OBJECT.search(fold(words)):
        return True
    return bool((event.subject - _stems(words)) & (_stems(clause) - _stems(words)))


def _event_dates(event: Candidate, figures: list[Candidate], others: list[tuple[int, int]],
                 dates: list[DateMention]) -> list[DateMention]:
    """The dates of an event: of the sentence's, those with no other event's words between them and
    its own (« signé en juin 2024 … et entré en vigueur le 4 décembre 2024, prévoit une assistance
    militaire »: the clause is not dated by the entry into force); among them a day printed whole
    (« signé le 19 juin 2024 ») over a weekday (« a deux ans ce vendredi », the anniversary)."""
    def others_date(other: tuple[int, int], date: DateMention) -> bool:
        """Another event's words stand between the date and the event's, or the date, before the
        event's words, follows the other's more closely (« entré en vigueur le 4 décembre 2024 »)."""
        if (event.end <= other[0] and other[1] <= date.start) or (date.end <= other[0] and other[1] <= event.start):
            return True
        return date.end <= event.start and other[1] <= date.start and date.start - other[1] < event.start - date.end
    # the day of the saying (« …, a indiqué jeudi le commandement ») dates all the sentence says
    mine = [d for d in dates if d.said or not any(others_date(other, d) for other in others)]
    found = _dates_of(event, figures, mine)
    whole = [d for d in mine if not d.relayed and d.as_of and len(d.as_of) == 10 and not _bare_weekday(d)]
    if whole and all(_bare_weekday(d) for d in found if not d.relayed):
        return whole + [d for d in found if d.relayed]
    return found


def _bare_weekday(date: DateMention) -> bool:
    """« vendredi », « lundi »: a day named by its weekday alone, placed by the article's date."""
    return fold(date.text) in WEEKDAYS


def _dates_of(figure: Candidate, others: list[Candidate], dates: list[DateMention]) -> list[DateMention]:
    """The dates of the figure's own clause; else those of the sentence no other figure's own
    clause holds (« 4 000 pertes, dont environ 300 morts, depuis leur engagement à l'automne »:
    the period closes the sentence, past the clause of the 300)."""
    def inside(date: DateMention, candidate: Candidate, quote: str) -> bool:
        start = candidate.sentence.find(quote)
        return start >= 0 and start <= date.start and date.end <= start + len(quote)
    def nearest_figure(date: DateMention) -> bool:
        span = (date.start, date.end)
        mine = _distance((figure.start, figure.end), span)
        return all(mine <= _distance((o.start, o.end), span) for o in others if inside(date, o, o.quote))
    if figure.predicate:   # the dates of what the verb says of the figure's subject are not its own
        dates = [d for d in dates if not figure.predicate[0] <= d.start < figure.predicate[1]]
    relayed = [d for d in dates if d.relayed]   # kept last, for _fill to say why it left them
    dates = [d for d in dates if not d.relayed]
    own = [d for d in dates if inside(d, figure, figure.quote) and nearest_figure(d)]
    if not own and (coordinated := _coordinated(figure, others)):
        # « plus de 100 tués et près de 1 000 blessés depuis le début du mois »: the date closing the
        # coordination dates both figures, before the day the statement was made (« a affirmé lundi »).
        partner, clause = coordinated
        own = [d for d in dates if inside(d, partner, clause) and d.start >= _number_span(partner)[1]]
    clauses = [(other, quote_clause(other.sentence, other.start, other.end, least_words=1)) for other in others]
    return (own or [d for d in dates if not any(inside(d, other, clause) for other, clause in clauses)
                    and not _in_relative_clause(figure.sentence, d)]) + relayed


def _coordinated(figure: Candidate, others: list[Candidate]) -> tuple[Candidate, str] | None:
    """The figure joined to this one by « et » right after its clause (« 100 tués et 1 000 blessés »),
    with that figure's clause."""
    mine = quote_clause(figure.sentence, figure.start, figure.end, least_words=1)
    at = figure.sentence.find(mine)
    if at < 0:
        return None
    end = at + len(mine)
    for other in others:
        clause = quote_clause(other.sentence, other.start, other.end, least_words=1)
        start = figure.sentence.find(clause, end)
        if (start >= end and not figure.sentence[end:start].strip(" ,") and re.match(r"et\s", clause)
                and not other.predicate):
            return other, clause
    return None


# A relative clause with its own verb (« où l'armée ukrainienne occupe depuis l'été… »): its date
# is that of what it says, not of the figure outside it.
_RELATIVE = re.compile(r"(?:où|lorsque|quand|alors que|tandis que)\b", re.I)


def _in_relative_clause(sentence: str, date: DateMention) -> bool:
    clause = quote_clause(sentence, date.start, date.end, least_words=1)
    return bool(_RELATIVE.match(clause))


def _distance(a: tuple[int, int], b: tuple[int, int]) -> float:
    """How far span ``b`` stands from ``a``; words before the number count a little further."""
    if b[0] >= a[1]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return 1.5 * (a[0] - b[1])
    return 0


@lru_cache(maxsize=64)
def _actor_hits(vocabulary: Vocabulary, sentence: str) -> tuple[tuple, ...]:
    """Every actor's name or alias in the sentence: (span, phrase length, actor id, words)."""
    if not vocabulary.actors:
        return ()  # the unclaimed-figure check reads no actor
    texts = _texts(sentence)
    return tuple((match.span(), len(phrase.text), actor_id, sentence[match.start():match.end()])
                 for actor_id, phrases in vocabulary.actors for phrase in phrases
                 for match in _search(phrase, texts))


@lru_cache(maxsize=64)
def _metric_hits(vocabulary: Vocabulary, sentence: str) -> tuple[tuple, ...]:
    """Every metric's label or synonym in the sentence: (span, phrase length, metric)."""
    texts = _texts(sentence)
    return tuple((match.span(), len(phrase.text), metric)
                 for metric in vocabulary.metrics for phrase in metric.phrases
                 for match in _search(phrase, texts))


@lru_cache(maxsize=64)
def _topics_of_words(vocabulary: Vocabulary) -> dict[str, frozenset[str]]:
    """The topics each one-word label or synonym of topics.yml belongs to (« obus »: the topic
    whose event names shells), folded and singular. Units are left out: « militaires » counts
    soldiers sent as well as the killed."""
    found: dict[str, set[str]] = {}
    for words in (*vocabulary.metrics, *vocabulary.events):
        for text in (phrase.text for phrase in words.phrases):
            if len(text.split()) == 1:
                found.setdefault(fold(text).rstrip("sx"), set()).add(words.topic)
    return {word: frozenset(topics) for word, topics in found.items()}


def _unit_of_another_topic(vocabulary: Vocabulary, unit: str, chosen: MetricWords) -> str | None:
    """The figure's unit noun when topics.yml gives it to other topics only (« 2 millions d'obus
    supplémentaires »: shells are weapons' words, so troops' « supplémentaires » is not their metric)."""
    noun = unit.split()[0] if unit.strip() else ""
    topics = _topics_of_words(vocabulary).get(fold(noun).rstrip("sx"), frozenset())
    return noun if topics and chosen.topic not in topics else None


# An actor named as the other side (« les combats contre l'armée ukrainienne ») is not the source.
_OPPONENT = re.compile(r"\b(?:contre|face à|face aux?)\s+(?:l['’]|les?\s+|la\s+|des\s+)?$", re.I)


# An actor named only to compare with the source's figure (« un chiffre identique à celui avancé en
# mars par l'état-major », « comme celle du NIS ») is not the source.
_COMPARED = re.compile(r"\b(?:celui|celle|ceux|celles)\b[^.;«»]{0,40}?\b(?:de|du|des|par|d['’])\s*"
                       r"(?:l['’]|la\s+|le\s+|les\s+)?$", re.I)


def _actors_in(vocabulary: Vocabulary, sentence: str, span: tuple[int, int]) -> list[tuple]:
    """The actors the sentence names, nearest first: (distance, -length, id, words, span)."""
    return sorted((_distance(span, found), -length, actor_id, words, found)
                  for found, length, actor_id, words in _actor_hits(vocabulary, sentence)
                  if not _OPPONENT.search(sentence, max(0, found[0] - 20), found[0])
                  and not _COMPARED.search(sentence, max(0, found[0] - 60), found[0]))


# Words by which a sentence gives its source: « selon », « d'après », a verb of saying, estimating
# or taking a position (« a indiqué », « estime », « a reconnu », « n'exclut pas »).
_SAYING = (r"(?:selon|d['’]après|annon[cç]|indiqu|affirm|déclar|estim|précis|confirm|reconn|assur|rapport"
           r"|dément|démenti|ajout|expliqu|soulign|signal|évoqu|observ|fait\s+état|fait\s+savoir|avert"
           r"|exclu|accus|évalu|chiffr|juge|craint|dit|dise|invoqu|justifi|rappel|répét|admet|admis)")
_SOURCE_WORDS = re.compile(rf"\b{_SAYING}", re.I)

# A year or a month's name: a date the sentence gives, even one the date reader leaves unread
# (« avant la fin de 2024 »), which no statement's day carried from another sentence may replace.
_DATE_WORD = re.compile(r"\b(?:(?:19|20)\d\d|janvier|février|mars|avril|mai|juin|juillet|août|septembre"
                        r"|octobre|novembre|décembre)\b", re.I)

# A statement that says it goes on with one made before (« Le NIS a également indiqué que … »,
# « a encore précisé », « a ajouté »).
_CONTINUED = re.compile(r"\b(?:a|ont)\s+(?:(?:également|aussi|encore|en outre|par ailleurs)\s+"
                        rf"{_SAYING}|ajouté)", re.I)


def _continues(vocabulary: Vocabulary, sentence: str, said: Candidate | None) -> bool:
    """Whether a sentence of a later paragraph says that ``said``'s actor, named in it, goes on with
    the statement (« Le NIS a également indiqué que … »); a pronoun (« Il a ajouté que ») may
    stand for another speaker there, whom the paragraphs between named."""
    return bool(said and _CONTINUED.search(sentence)
                and any(hit[2] == said.actor for hit in _actor_hits(vocabulary, sentence)))


_SOURCE_BEFORE = re.compile(r"\b(?:selon|d['’]après|cité\w*\s+par|par\s+la\s+voix\s+d\w*)\s*"
                            r"(?:l['’]|la\s+|le\s+|les\s+)?$|\b" + _SAYING + r"\w*\s+(?:(?!que\b)\w+\s+){0,2}$", re.I)
_SOURCE_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:a|ont|avait|avaient|aurait|auraient)?\s*(?:\w+\s+)?" + _SAYING,
                           re.I)


def _gives_the_source(sentence: str, actor: tuple) -> bool:
    """Whether the actor stands where a sentence names its source: after « selon » or a verb of
    saying (« a indiqué le NIS »), or as the subject of one (« Le NIS a également indiqué que »)."""
    start, end = actor[4]
    return bool(_SOURCE_BEFORE.search(sentence, max(0, start - 40), start) or _SOURCE_AFTER.match(sentence[end:]))


def _event_source(sentence: str, actors: list[tuple]) -> tuple | None | bool:
    """Who an event's sentence gives as its source: an actor after « selon », or next to a verb of
    saying (« Le NIS a indiqué », « a reconnu Pyongyang »), nearest first; True when the sentence
    says someone said it and names no one so (the actor is found as for a figure); None when it
    has no word of a source nor a hedge: the article states the event itself (« Pyongyang et Moscou ont signé
    en juin 2024 un traité »), whoever it names."""
    speaker = next((actor for actor in actors if _gives_the_source(sentence, actor)), None)
    if speaker:
        return speaker
    # The press's conditional (« auraient été retirées ») reports what someone says, too.
    return True if _SOURCE_WORDS.search(sentence) or hedge_words(sentence) else None


# Where an apposition stops: punctuation, a relative or a source (« selon »), a finite verb, or a count (not a
# measure's digits: « canons de 170 mm »).
_APPOSITION_END = re.compile(r"[,;:.()\[\]«»\"]|\s(?:dont|qui|que|qu['’]|selon|soit|d['’]après)\b|(?<![\w-])\d[\d.\u00a0\u202f ]*")
# A comma and the word after it, where an apposition may open.
_APPOSITION_START = re.compile(r",\s+([a-zà-ÿ][\w-]*)")
# Words that open a clause, a coordination, a part or a complement, not a noun restating the one before.
_NOT_A_NOUN = re.compile(r"(?:et|ou|ni|mais|ainsi|selon|soit|dont|qui|que|qu|d|l|le|la|les|un|une|des|du|de|au|aux|à|en"
                         r"|pour|par|avec|sans|contre|depuis|vers|sur|sous|dans|chez|entre|parmi|notamment|surtout"
                         r"|principalement|essentiellement|y|alors|puis|déjà|encore|aussi|également|a|ont|est|sont"
                         r"|il|ils|elle|elles|on|ce|ces|cet|cette|son|sa|ses|leur|leurs|tous|toutes|plus|moins"
                         r"|près|environ|quelque|jusqu)$", re.I)


def _apposition(sentence: str, own_end: int, longest: int = 100) -> tuple[int, int] | None:
    """The span of the nouns in apposition to a figure's own words, when a comma closes them and a
    noun without article opens what follows (« pièces d'artillerie lourde, canons automoteurs de 170 mm
    et lance-roquettes de 240 mm, selon … »), up to the clause's end, a verb or another count."""
    opening = _APPOSITION_START.match(sentence, own_end)
    if opening is None or _NOT_A_NOUN.match(opening[1]):
        return None
    start, limit = opening.start(1), min(len(sentence), opening.start(1) + longest)
    end = limit
    for stop in _APPOSITION_END.finditer(sentence, start, limit):
        if stop[0][:1].isdigit() and _MEASURE.match(sentence, stop.end()):
            continue   # a measure (« 170 mm »), part of the noun's words
        end = stop.start()
        break
    verb = _FINITE.search(sentence, start, end)
    end = verb.start() if verb else end
    return (start, end) if sentence[start:end].strip() else None


def own_words_end(sentence: str, start: int, longest: int = 70) -> int:
    """Where the words that follow a number, and say what it counts, end."""
    stop = _OWN_END.search(sentence, start, min(len(sentence), start + longest))
    return stop.start() if stop else min(len(sentence), start + longest)


def _number_span(candidate: Candidate) -> tuple[int, int]:
    """Where the digits of the figure stand (the unit after them left out)."""
    digits = [m.span() for m in re.finditer(r"\d+", candidate.sentence[candidate.start:candidate.end])]
    if not digits:
        return candidate.start, candidate.end
    return candidate.start + digits[0][0], candidate.start + digits[-1][1]


_CAPITAL = re.compile(r"[A-ZÀ-Ý]")
_MODEL = re.compile(r"[A-Z].*\d|\d.*[A-Z]")


def _is_name(words: str) -> bool:
    """A proper name (« Koksan », « KN-23 »): a model names fewer things than a common noun."""
    return bool(_CAPITAL.match(words)) and not words.isupper() or bool(_MODEL.search(words))


# A number standing for a noun said before it: « soit environ 8 000 » (apposition), « d'en livrer
# 150 », « il en a envoyé 3 000 » (the pronoun « en »).
_APPOSITION = re.compile(r"\bsoit\s+$", re.I)
_PRONOUN_EN = re.compile(r"\b[dn]['’]en\b|\ben\s+(?:a|ont|avait|avaient|aurait|auraient|aura|auront)\b"
                         # « pourrait en livrer 200 », « va en envoyer »: « en » before an infinitive
                         r"|\ben\s+[a-zà-ÿ]{2,}(?:er|ir|re)\b", re.I)


def _unitless_counts(vocabulary: Vocabulary, sentence: str, start: int, end: int) -> bool:
    """Whether a number printed without a noun (« environ 4.700, dont… », « à 3 000 ») has a
    metric's words in its clause, or, when it stands for a noun said before it (« soit
    environ 8 000 », « d'en livrer 150 »), in its sentence."""
    clause = quote_clause(sentence, start, end, least_words=1)
    at = sentence.find(clause)
    if _APPOSITION.search(sentence, 0, start) or _PRONOUN_EN.search(clause):
        at, clause = 0, sentence
    return any(at <= found[0] and found[1] <= at + len(clause) and not (found[0] < end and start < found[1])
               for found, _, _ in _metric_hits(vocabulary, sentence))


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, folded, without their plural or feminine ending
    (« nord-coréens » one word, as the label writes it)."""
    return {re.sub(r"(?:es|e|s|x)$", "", word) for word in re.findall(r"[a-z][a-z-]{3,}", fold(text))}


def _label_in(metrics: list[MetricWords], words: str, unit: str) -> MetricWords | None:
    """Of the metrics a unit leaves open, the one whose label shares the most words with the
    figure's own (« soldats nord-coréens déjà présents en Russie »: « Soldats nord-coréens envoyés
    en Russie (total) »), when at least two besides the unit and no other shares as many."""
    own = _content_words(words) - {unit}
    scored = sorted(((len(own & (_content_words(m.label) - {unit})), index) for index, m in enumerate(metrics)),
                    reverse=True)
    if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return metrics[scored[0][1]]
    return None


# A sentence that sets its source against the one before (« Séoul avait pour sa part évalué… »,
# « de son côté », « quant à lui »): its figure is not the previous sentence's speaker's, whom
# « Il a ajouté que… » or « Selon Kiev, … » (a capital for its government) may go on quoting.
_ANOTHER_SOURCE = re.compile(r"\b(?:pour (?:sa|leur) part|de (?:son|leur) côté|quant à (?:lui|elle|eux|elles))\b",
                             re.IGNORECASE)


def _another_source(sentence: str) -> bool:
    return bool(_ANOTHER_SOURCE.search(sentence))


# A person named by role (« le président ukrainien », « la ministre »), as the subject of a statement.
_ROLE = re.compile(r"\b(?:le|la|l['’])\s*(presidente?|ministre|chef|generale?|porte-parole|dirigeante?"
                   r"|directeur|directrice|commandant|secretaire)\b")


def _named_by_role(vocabulary: Vocabulary, sentence: str, named: tuple[str, ...]) -> tuple[str, str] | None:
    """The actor a role noun of the sentence stands for (« Le président ukrainien avait évoqué… »):
    of the actors already named in the article, the last whose description opens with that role
    (« Président de l'Ukraine. »); with the words, for the hint."""
    for match in _ROLE.finditer(fold(sentence)):
        # (a feminine role, « la présidente », fits a description opening on « Président »)
        fits = {actor for actor, word in vocabulary.roles if match[1] in (word, word + "e")}
        actor = next((actor for actor in reversed(named) if actor in fits), None)
        if actor:
            return actor, sentence[match.start():match.end()]
    return None


def _fill(candidate: Candidate, vocabulary: Vocabulary, dates: list[DateMention],
          before: list[str], siblings: tuple[Candidate, ...] = (), whole: Candidate | None = None,
          named: tuple[str, ...] = ()) -> Candidate:
    """Topic, metric, actor and as_of from the sentence (the actor from the sentences before
    it in the paragraph when the sentence names none: « Il a affirmé que… »). ``whole``: the
    figure a bare part is of (« 15 000 soldats, dont 3 000 au début de l'année »), whose metric
    a narrower one among the part's own words may refine."""
    sentence = candidate.sentence
    number_span = (candidate.start, candidate.end)
    changes: dict = {}
    # Topic and metric: a label or synonym among the figure's own words (« 120 canons automoteurs
    # Koksan »: the most specific, a name before common words), else the nearest outside the
    # words of another figure of the sentence (« environ 4 700, dont 600 morts »), else the unit.
    own_end = own_words_end(sentence, candidate.end if candidate.unit else number_span[1])
    if candidate.predicate:
        own_end = min(own_end, candidate.predicate[0])
    number_at, number_end = _number_span(candidate)
    others = [(o.start, o.end) for o in siblings if o is not candidate and o.start != candidate.start]
    usable = [(found, length, metric) for found, length, metric in _metric_hits(vocabulary, sentence)
              if not (found[0] < number_end and number_at < found[1])
              and not any(a <= found[0] and found[1] <= b for a, b in others)]
    own = [(found, length, metric) for found, length, metric in usable
           if number_span[1] - len(candidate.unit) <= found[0] and found[1] <= own_end]
    hits = [(distance, -length, metric, found) for found, length, metric in usable
            if (distance := _distance(number_span, found)) <= _NEAR]
    chosen: MetricWords | None = None
    if own:
        # A name first; else the nearest words, the longest of those starting there.
        found, _, chosen = min(own, key=lambda hit: (not _is_name(sentence[hit[0][0]:hit[0][1]]),
                                                     _distance(number_span, hit[0]), -hit[1]))
        hint = f"« {sentence[found[0]:found[1]]} » dans la phrase"
        # An apposition after the noun says what it counts more precisely, by its kinds (« 220 pièces
        # d'artillerie, canons automoteurs … et lance-roquettes … »): a metric of the same topic, unit
        # and kind that its words name wins over the noun's, unless the noun's is a name or narrower.
        apposition = _apposition(sentence, own_end)
        kinds = [hit for hit in usable if apposition and apposition[0] <= hit[0][0] and hit[0][1] <= apposition[1]
                 and hit[2].metric != chosen.metric and not chosen.narrower_than(hit[2])
                 and (hit[2].topic, hit[2].unit, hit[2].kind) == (chosen.topic, chosen.unit, chosen.kind)]
        if apposition and kinds and not _is_name(sentence[found[0]:found[1]]):
            noun = sentence[found[0]:found[1]]
            found, _, chosen = min(kinds, key=lambda hit: (not _is_name(sentence[hit[0][0]:hit[0][1]]),
                                                           _distance(number_span, hit[0]), -hit[1]))
            hint = f"« {sentence[found[0]:found[1]]} » dans l'apposition qui précise « {noun} »"
            own = [*own, *kinds]
            clause = sentence.find(candidate.quote)
            if 0 <= clause and clause + len(candidate.quote) < apposition[1]:
                # the quote holds the words that say what the figure counts
                changes["quote"] = trimmed(sentence[clause:apposition[1]])
        changes["passed_over"] = tuple(dict.fromkeys(
            metric.metric for _, _, metric in own if metric.metric != chosen.metric
            and (metric.topic, metric.unit, metric.kind) == (chosen.topic, chosen.unit, chosen.kind)))
    elif hits and not candidate.part_of:
        hits.sort(key=lambda hit: hit[:2])
        nearest = hits[0][3]
        # Of the words overlapping the nearest ones (« tués » in « tués ou blessés »), the longest.
        overlapping = [hit for hit in hits if hit[3][0] < nearest[1] and nearest[0] < hit[3][1]]
        _, _, chosen, (a, b) = max(overlapping, key=lambda hit: (hit[3][1] - hit[3][0], -hit[0]))
        hint = f"« {sentence[a:b]} » dans la phrase"
    if chosen is not None and _unit_of_another_topic(vocabulary, candidate.unit, chosen):
        chosen = None   # the words name a metric, the unit another topic's thing: no metric
        changes["passed_over"] = ()
    own_start = number_span[1] - len(candidate.unit)
    if chosen is None and whole is not None and whole.metric:
        of = next((m for m in vocabulary.metrics if (m.topic, m.metric) == (whole.topic, whole.metric)), None)
        narrower = of and _narrower_match(of, vocabulary, sentence, own_start, own_end, usable, dates)
        if narrower:   # a part of the whole, of the narrower metric its own words say
            chosen, hint = narrower[0], f"« dont » : une partie de « {whole.figure_text} » ; {narrower[1]}"
    elif chosen is not None:
        narrower = _narrower_match(chosen, vocabulary, sentence, own_start, own_end, usable, dates)
        if narrower:
            chosen, hint = narrower
    if chosen is not None:
        changes |= {"topic": chosen.topic, "metric": chosen.metric, "metric_hint": hint,
                    "topic_hint": hint}
    elif candidate.unit.strip():
        unit = fold(candidate.unit.split()[0]).rstrip("sx")
        by_unit = [m for m in vocabulary.metrics if m.unit.rstrip("sx") == unit]
        if len(by_unit) == 1:
            changes |= {"topic": by_unit[0].topic, "metric": by_unit[0].metric,
                        "metric_hint": f"unité « {candidate.unit.split()[0]} »"}
            changes["topic_hint"] = changes["metric_hint"]
        elif by_unit and len({m.topic for m in by_unit}) == 1:
            changes |= {"topic": by_unit[0].topic, "topic_hint": f"unité « {candidate.unit.split()[0]} »",
                        "metric_options": tuple(m.metric for m in by_unit)}
            label = _label_in(by_unit, sentence[candidate.start:own_end], unit)
            if label:
                changes |= {"metric": label.metric, "metric_hint": f"mots du libellé « {label.label} » "
                            f"dans la phrase (unité « {candidate.unit.split()[0]} »)"}
    # The actor: the nearest name or alias in the sentence, else the last one named before it.
    actors = _actors_in(vocabulary, sentence, number_span)
    source = _event_source(sentence, actors) if candidate.event and vocabulary.actors else True
    if source is None:   # the article's own statement (a treaty's signature recalled), whoever it names
        actors = []
        if vocabulary.itself:
            changes |= {"actor": vocabulary.itself,
                        "actor_hint": "aucune source dans la phrase : l'article l'affirme lui-même"}
    elif isinstance(source, tuple):
        actors = [source]
    elif actors and not _gives_the_source(sentence, actors[0]):
        # The nearest name may be what the source speaks of (« Le NIS a indiqué que Pyongyang aurait
        # livré 250 missiles »): the one who says it is the actor named as the source.
        speaker = next((actor for actor in actors if _gives_the_source(sentence, actor)), None)
        if speaker:
            changes["actor_hint"] = (f"« {speaker[3]} » dans la phrase, sa source (« {actors[0][3]} » "
                                     "y est nommé dans ce qui est rapporté)")
            actors = [speaker]
    role = None if actors or source is None else _named_by_role(vocabulary, sentence, named)
    if actors:
        changes |= {"actor": actors[0][2], "own_actor": True,
                    "actor_hint": changes.get("actor_hint", f"« {actors[0][3]} » dans la phrase")}
    elif role:   # « Le président ukrainien a évoqué… », Volodymyr Zelensky named before
        changes |= {"actor": role[0], "actor_hint": f"« {role[1]} » dans la phrase, nommé plus haut dans l'article"}
    neighbours = not actors and not role and source is not None and not _another_source(sentence)
    for previous in reversed(before[-2:] if neighbours else []):
        subjects = _actors_in(vocabulary, previous, (0, 0))  # its subject: the first named
        if subjects:
            changes |= {"actor": subjects[0][2],
                        "actor_hint": f"« {subjects[0][3]} » dans une phrase précédente"}
            break
    # as_of: the nearest date the sentence gives the figure or its statement (« a indiqué
    # lundi »: a level as of then); not the day someone passed the statement on (« a rapporté
    # lundi »): with no other date, the figure is reported on its article's date.
    stated = [d for d in dates if not d.relayed]
    if not stated and dates:
        changes["notes"] = (f"« {dates[0].text} » : le jour où la déclaration a été rapportée, pas la "
                            "date du chiffre ; as_of omis (chiffre rapporté à la date de l'article)",)
    if stated:
        nearest = min(stated, key=lambda d: _distance(number_span, (d.start, d.end)))
        if nearest.as_of:
            changes |= {"as_of": nearest.as_of, "as_of_note": nearest.note, "as_of_words": nearest.words,
                        "as_of_hint": f"« {nearest.text} » dans la phrase"}
        else:
            changes["notes"] = (nearest.note or f"date « {nearest.text} » dans la phrase, à compléter : "
                                "la date de l'article est inconnue",)
    return replace(candidate, **changes)


def _narrower_match(chosen: MetricWords, vocabulary: Vocabulary, sentence: str, own_start: int,
                    own_end: int, usable: list[tuple], dates: list[DateMention]
                    ) -> tuple[MetricWords, str] | None:
    """The most specific metric the figure's own words say, when one is narrower than ``chosen``:
    a synonym of it among those words (« déployés en octobre 2024 », a date cut from the words by
    its digits), or a date among them inside the period its label or synonyms state (« déployés à
    l'automne » for « Premier contingent (automne 2024) »)."""
    found: dict[str, tuple[MetricWords, str]] = {}
    for (a, b), _, metric in usable:
        if own_start <= a < own_end and metric.narrower_than(chosen):
            found.setdefault(metric.metric, (metric, f"« {sentence[a:b]} » dans la phrase"))
    if not found:
        for date in dates:
            if not (own_start <= date.start < own_end and date.as_of) or date.relayed or date.running:
                continue   # (« déployés depuis octobre »: a running total, not a figure of the period)
            when = parse_date_interval(date.as_of)
            for metric in vocabulary.metrics:
                if (metric.period and isinstance(when, DateInterval) and metric.narrower_than(chosen)
                        and metric.period.start <= when.start and when.end <= metric.period.end):
                    found.setdefault(metric.metric, (metric, f"« {date.text} » dans la phrase : la "
                                                             f"période de « {metric.label} »"))
    return next(iter(found.values())) if len(found) == 1 else None


# A dispatch's dateline opening a paragraph, not the source's words: a place in capitals, maybe a
# date and an agency, then a separator (« BERLIN | », « NEW YORK — », « SEOUL, 18 mars (Yonhap) -- »);
# a place in brackets (« (Kyiv) »); a place and an agency in brackets (« Berlin (DPA) - »).
_CAPITALS = r"[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+"
_DATELINE = re.compile(
    rf"^(?:{_CAPITALS}(?:\s+{_CAPITALS}){{0,2}}(?:\s*,\s*\d{{1,2}}(?:er)?\s+[a-zéû]+\.?(?:\s+\d{{4}})?)?"
    r"(?:\s*\([^()]{2,30}\))?\s*(?:\||—|–|--?)"
    r"|\([A-ZÀ-Ý][\w'’-]+(?:[ -][\w'’-]+){0,2}\)"
    r"|[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}\s*\([^()]{2,20}\)\s*(?:\||—|–|--?))"
    r"\s+(?=[A-ZÀ-Ý«\"“])")


@lru_cache(maxsize=256)
def _clause_bounds(sentence: str) -> tuple[int, ...]:
    """Where the sentence's clauses start and end, found once per sentence: every figure of
    the sentence asks, and a run-on line of scraped text can hold thousands."""
    return tuple(sorted({0, len(sentence), *(m.end() for m in _CLAUSE.finditer(sentence))}))


def quote_clause(sentence: str, start: int, end: int, least_words: int = 6) -> str:
    """The clause of the sentence holding the figure, widened to a few words at least."""
    bounds = _clause_bounds(sentence)  # clause i runs from bounds[i] to bounds[i + 1]
    final = len(bounds) - 2
    holding = bisect_right(bounds, start) - 1
    first = last = holding if 0 <= holding <= final and start < bounds[holding + 1] else 0
    while last < final and bounds[last + 1] < end:
        last += 1
    while len(sentence[bounds[first]:bounds[last + 1]].split()) < least_words:
        if last < final:
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    text = sentence[bounds[first]:bounds[last + 1]].rstrip(" (")
    if bounds[first] == 0 and (dateline := _DATELINE.match(text)):
        text = text[dateline.end():]   # « WASHINGTON | Environ 10 000 soldats… »: the text from « Environ »
    return trimmed(text)


def trimmed(text: str) -> str:
    """A quote without the spaces, punctuation and quotation marks around it, but a bracket or a
    quotation mark whose partner it holds (« « plus de 4 500 » soldats », not « plus de 4 500 »
    soldats »): a quote that opens or closes inside « … » keeps its marks balanced."""
    start, end = len(text) - len(text.lstrip(_QUOTE_TRIM)), len(text.rstrip(_QUOTE_TRIM))
    if start >= end:
        return ""
    for opening, closing in (("(", ")"), ("«", "»"), ("“", "”")):
        kept = text[start:end]
        if kept.count(opening) > kept.count(closing) and closing in text[end:]:
            end = text.index(closing, end) + 1
        elif kept.count(closing) > kept.count(opening) and opening in text[:start]:
            start = text.rindex(opening, 0, start)
    return text[start:end]


def _counts(text: str) -> list[re.Match[str]]:
    """The numbers of ``text`` that count something: no year (« en juin 2024 »), no measure
    (« 170 mm »)."""
    return [m for m in _FIGURE.finditer(text)
            if not re.fullmatch(r"(?:19|20)\d\d", m["value"] or "")
            and not _MEASURE.match(text, m.end("value" if m["value"] else "high"))]


def _counts_outside_dates(sentence: str, quote: str, dates: list[DateMention]) -> list[re.Match[str]]:
    """The counts of ``quote`` (a clause of ``sentence``) but a date's day (« signé le 19 juin 2024 »)."""
    at = sentence.find(quote)
    return [m for m in _counts(quote)
            if not any(d.start <= at + m.start() < d.end for d in dates)]


def _score(candidate: Candidate) -> tuple[int, int]:
    """Which copy of a repeated figure to propose: the one whose quote holds no other figure
    (the body's sentence rather than a standfirst that sums up several), then the best filled."""
    alone = len(_counts(candidate.quote)) <= 1
    as_of = None if candidate.carried else candidate.as_of
    return (alone, sum(x is not None for x in (candidate.topic, candidate.metric, candidate.actor, as_of)))


# Words by which a sentence gives another actor's statement beside one made before (« Le ministère
# a avancé le même jour un bilan comparable »): a figure said alike there is a second claim.
_SECOND_VOICE = re.compile(r"\b(?:le même jour|également|aussi|pour (?:sa|leur) part|de (?:son|leur) côté"
                           r"|quant à (?:lui|elle|eux)|comparable|identique|même (?:chiffre|bilan|estimation))\b", re.I)


def _once(found: list[Candidate]) -> list[Candidate]:
    """A figure repeated in the article (standfirst and body) is proposed once: the best-filled,
    dated as the body dates it when it does (a standfirst sums up, and a date beside the figure
    there may date something else: « ne sont plus engagés depuis la mi-janvier, après avoir
    subi près de 4 000 pertes »)."""
    kept: dict[tuple, Candidate] = {}
    dated: dict[tuple, Candidate] = {}   # the latest copy after the first that gives a date
    # A copy whose metric is left open (« Quelque 11 000 soldats se trouvent… » in the standfirst)
    # is the same figure as a copy of the same topic whose metric the body's words say.
    named = {(c.value, c.low, c.high, c.topic): c.metric for c in found if c.metric and c.topic}
    # A copy filed under a metric another copy's own words passed over for a more specific one
    # (« 120 canons automoteurs » in the standfirst, « 120 canons automoteurs M-1989 Koksan » in the
    # body) is that copy's figure: the most specific metric the article's words give it wins.
    refined: dict[tuple, str] = {(c.value, c.low, c.high, c.topic, wider): c.metric for c in found if c.metric
               for wider in c.passed_over}

    def specific(candidate: Candidate) -> str | None:
        return refined.get((candidate.value, candidate.low, candidate.high, candidate.topic, candidate.metric))

    def same_statement(candidate: Candidate, key: tuple) -> bool:
        # Two actors who give one number in their own words (« 4.000 selon le JCS, environ
        # 4.000 selon le NIS ») make two statements. Copies said alike are one figure, whoever
        # each copy seems to name (the title's « Washington », the body's Pentagon).
        other = kept[key]
        if (candidate.own_actor and other.own_actor and candidate.actor != other.actor
                and candidate.sentence != other.sentence and _SECOND_VOICE.search(candidate.sentence)):
            return False   # « Le ministère a avancé le même jour un bilan comparable, … environ 11 000 »
        return (candidate.actor is None or other.actor is None or candidate.actor == other.actor
                or candidate.qualifier == other.qualifier)

    for candidate in found:
        metric = specific(candidate) or candidate.metric or (candidate.topic and named.get(
            (candidate.value, candidate.low, candidate.high, candidate.topic)))
        key: tuple = (candidate.value, candidate.low, candidate.high, metric or fold(candidate.unit))
        while key in kept and not same_statement(candidate, key):
            key = (*key, candidate.actor)
        if key not in kept:
            kept[key] = candidate
            continue
        if candidate.as_of and not candidate.carried:
            dated[key] = candidate
        first = kept[key]
        # On a tie the later copy: the body's statement rather than the standfirst's summary.
        # The copy filed under the most specific metric, whatever else.
        best = candidate if ((specific(candidate) is None, *_score(candidate))
                             >= (specific(first) is None, *_score(first))) else first
        kept[key] = replace(best, repeats=first.repeats + 1)
    for key, body in dated.items():
        kept[key] = replace(kept[key], as_of=body.as_of, as_of_hint=body.as_of_hint,
                            as_of_note=body.as_of_note, as_of_words=body.as_of_words, notes=body.notes)
        if body.stated_on:
            kept[key] = replace(kept[key], stated_on=body.stated_on, stated_words=body.stated_words,
                                stated_hint=body.stated_hint)
    return list(kept.values())
