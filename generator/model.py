"""The archive's data: frozen, typed, and the single source of the frontmatter JSON Schema.

Values arrive as text (see strict_yaml); the field types below decide what each
must look like, so a figure written ``3.000`` is refused rather than read as 3.0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Annotated, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

UNKNOWN = "unknown"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}(?:-\d{2})?$"
_ONE_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
PERIOD_PATTERN = rf"^{_ONE_DATE}(?:/{_ONE_DATE})?$"
# Control characters (but tab and newline), bidi overrides and isolates, private use.
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff\ufeff]")


def has_forbidden_chars(value: str) -> bool:
    """Whether clean_text refuses a line of ``value``: one scan of a whole text."""
    return _FORBIDDEN_CHARS.search(value) is not None


def clean_text(value: str) -> str:
    """NFC-normalised text without control or bidi-override characters."""
    match = _FORBIDDEN_CHARS.search(value)
    if match:
        raise ValueError(f"contains the invisible control character U+{ord(match.group()):04X}; "
                         "remove it")
    return unicodedata.normalize("NFC", value).strip()


FIGURE_MAX = 10**12  # a count: no figure in the archive comes near


def parse_figure(value: object) -> object:
    """Figures are plain digits: YAML would read 3.000 as 3.0 and 03000 as octal."""
    if isinstance(value, str):
        if re.fullmatch(r"0|[1-9][0-9]*", value):
            if len(value) > len(str(FIGURE_MAX)) or int(value) > FIGURE_MAX:
                raise ValueError(f"'{_shown(value)}' is too large for a count: a figure is at "
                                 f"most {FIGURE_MAX} (10^12)")
            return int(value)
        if re.fullmatch(r"[0-9]{1,3}(?:[. \u00a0\u2000-\u200a\u202f\u205f\u3000][0-9]{3})+", value):
            plain = re.sub(r"\D", "", value)
            raise ValueError(f"'{_shown(value)}' is not a plain integer: write {_shown(plain)} "
                             "(French thousands separators belong in the quote, not in the figure)")
        raise ValueError(f"'{_shown(value)}' is not a plain integer (digits only, no leading zero)")
    if isinstance(value, int) and not isinstance(value, bool) and value > FIGURE_MAX:
        raise ValueError(f"too large for a count: a figure is at most {FIGURE_MAX} (10^12)")
    return value


def _shown(value: str) -> str:
    """A value as quoted in a message: a long one cut, with its length."""
    return value if len(value) <= 30 else f"{value[:20]}… ({len(value)} characters)"


def check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in " <>\"'"):
        raise ValueError(f"'{value}' is not an http(s) URL")
    return value


_LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _month_end(year: int, month: int) -> date:
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return date(year, month, _LAST_DAY[month] + leap)


@dataclass(frozen=True)
class DateInterval:
    """A date as precise as its text: a day, a month, a year, or a period between two such
    dates (``2025-01/2025-02``). Every comparison uses its first and last days, so a month
    is never taken for its first day."""

    start: date
    end: date
    text: str  # as written, canonical: 2025-03-13, 2025-03, 2025, or start/end

    @property
    def precision(self) -> Literal["day", "month", "year", "period"]:
        if "/" in self.text:
            return "period"
        return ("year", "month", "day")[self.text.count("-")]

    @property
    def month_key(self) -> str:
        """``YYYY-MM`` of its start (articles are dated to the day or the month)."""
        return self.text[:7]

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def before(self, other: DateInterval) -> bool:
        """Wholly earlier than ``other``."""
        return self.end < other.start

    def sort_key(self) -> tuple[date, date]:
        """Earlier first; of two that start together, the shorter (more precise) first."""
        return (self.start, self.end)

    @property
    def up_to(self) -> DateInterval:
        """What a period runs to, at the precision its text gives it (« 2024-10/2026-12-04 »:
        4 December 2026; « 2024-10/2026-10 »: October 2026); itself when it is no period. A
        running total stands at that date: « depuis octobre 2024 », said on 4 December, is a
        count later than one « à la mi-octobre »."""
        if self.precision != "period":
            return self
        last = self.text.rsplit("/", 1)[1]
        start = {0: date(self.end.year, 1, 1), 1: self.end.replace(day=1)}.get(last.count("-"), self.end)
        return DateInterval(start, self.end, last)

    def runs_to(self, day: DateInterval | None) -> bool:
        """Whether it is a period that ends on ``day``, a day: « depuis octobre 2024 » in an
        article of 11 December 2025 is 2024-10/2025-12-11, whose end is the report's day, a
        bound the text does not give."""
        return (day is not None and day.precision == "day" and self.precision == "period"
                and self.up_to.text == day.text)

    def part_said(self, words: str | None) -> DateInterval:
        """The part of this month its text's words name (« début avril », « mi-avril 2025 »,
        « fin avril »): days 1–10, 11–20, 21 to the end; else itself. Only an order reads it,
        to place « mi-avril » before « 28 avril »: a page shows the words and the month,
        never day bounds the text does not give."""
        if not words or self.precision != "month":
            return self
        month = _FRENCH_MONTHS[self.start.month - 1]
        parts = {m[1] for m in _PART_OF_MONTH.finditer(_folded(words)) if m[2] == month}
        if len(parts) != 1:
            return self
        first, last = _MONTH_PARTS[parts.pop()]
        return DateInterval(self.start.replace(day=first), self.end if last is None
                            else self.start.replace(day=last), self.text)

    def __str__(self) -> str:
        return self.text


_FRENCH_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                  "septembre", "octobre", "novembre", "decembre")
# « début avril », « mi-avril », « fin avril » (folded), and the days each names: the first,
# middle and last third of the month (None: its last day).
_PART_OF_MONTH = re.compile(r"\b(debut|mi|fin)[- ]+(?:du\s+mois\s+)?(?:de\s+|d')?([a-z]+)")
_MONTH_PARTS: dict[str, tuple[int, int | None]] = {"debut": (1, 10), "mi": (11, 20), "fin": (21, None)}


# A day printed whole, with its month and year (folded): « 19 juin 2024 », « 1er décembre 2024 ».
_FULL_DATE = re.compile(r"\b(1er|\d{1,2})\s+(" + "|".join(_FRENCH_MONTHS) + r")\s+((?:19|20)\d\d)\b")


def full_dates(text: str) -> tuple[DateInterval, ...]:
    """The days a French text prints whole (« le 19 juin 2024 »), as days."""
    found = []
    for m in _FULL_DATE.finditer(_folded(text)):
        day = 1 if m[1] == "1er" else int(m[1])
        try:
            found.append(_date_interval(f"{m[3]}-{_FRENCH_MONTHS.index(m[2]) + 1:02d}-{day:02d}", PERIOD_PATTERN))
        except ValueError:  # « 31 juin 2024 »: no day
            continue
    return tuple(found)


# A month or a season named in words (folded); « été » only after what makes it the season
# (« l'été », « cet été »), not the participle of « a été ».
_MONTH_OR_SEASON = re.compile(r"\b(" + "|".join(_FRENCH_MONTHS) + r"|printemps|automne|hiver)\b"
                              r"|(?:\b(?:l'|cet\s+|en\s+|d'))(ete)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def month_without_year(words: str) -> str | None:
    """The month or season ``words`` name when they name no year (« à la fin novembre »), or
    None: printed instead of a date, such words leave the reader to guess the year."""
    folded = _folded(words)
    found = _MONTH_OR_SEASON.search(folded)
    if found is None or _YEAR.search(folded):
        return None
    return found[1] or found[2]


def _folded(words: str) -> str:
    """Lower case, without accents, straight apostrophes: « Mi-Août » reads « mi-aout »."""
    decomposed = unicodedata.normalize("NFD", words.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _single_date(value: str) -> DateInterval:
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return DateInterval(day, day, value)
        if len(parts) == 2:
            return DateInterval(date(parts[0], parts[1], 1), _month_end(*parts), value)
        return DateInterval(date(parts[0], 1, 1), date(parts[0], 12, 31), value)
    except (ValueError, KeyError):
        raise ValueError(f"'{value}' is not a real date") from None


def parse_date_interval(value: object, allowed: str = PERIOD_PATTERN) -> object:
    """``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``START/END`` as a DateInterval."""
    if isinstance(value, DateInterval) or not isinstance(value, str):
        return value
    return _date_interval(value, allowed)


@lru_cache(maxsize=4096)  # a few hundred dates recur across 10,000 articles' claims
def _date_interval(value: str, allowed: str) -> DateInterval:
    if not re.fullmatch(allowed, value):
        expected = ("YYYY-MM-DD, or YYYY-MM when only the month is known" if allowed == DATE_PATTERN
                    else "YYYY-MM-DD, YYYY-MM or YYYY, or a period START/END such as "
                    "2025-01/2025-02")
        raise ValueError(f"'{value}' is not a date: write {expected}")
    first, _, last = value.partition("/")
    interval = _single_date(first)
    if last:
        until = _single_date(last)
        if until.end <= interval.start:
            raise ValueError(f"the period '{value}' ends before it starts")
        interval = DateInterval(interval.start, until.end, value)
    return interval


def _parse_article_date(value: object) -> object:
    return None if value == UNKNOWN else parse_date_interval(value, DATE_PATTERN)


Text = Annotated[str, AfterValidator(clean_text), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=120)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=64)]
Figure = Annotated[int, BeforeValidator(parse_figure), Field(ge=0),
                   WithJsonSchema({"type": "integer", "minimum": 0, "maximum": FIGURE_MAX})]
_DateSchema = {"type": "string", "pattern": DATE_PATTERN}
Period = Annotated[DateInterval, BeforeValidator(parse_date_interval), PlainSerializer(str),
                   WithJsonSchema({"type": "string", "pattern": PERIOD_PATTERN})]
ArticleDate = Annotated[DateInterval | None, BeforeValidator(_parse_article_date),
                        PlainSerializer(lambda d: str(d) if d else UNKNOWN),
                        WithJsonSchema({"anyOf": [_DateSchema, {"const": UNKNOWN}]})]
HttpUrl = Annotated[str, AfterValidator(check_http_url),
                    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "range"]
# What a metric counts, and so how two of its figures compare (see derive/rules.py).
MetricKind = Literal["total", "level", "plan"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Metric(Frozen):
    label: Text
    unit: Text
    noun: Text | None = Field(default=None, description="What a figure of it reads with inside a "
                              "sentence, after « dont » (« soldats du premier contingent »); "
                              "its label in lower case when none (« tués »)")
    kind: MetricKind = Field(description="total: a running total that only grows (killed, "
                             "delivered so far); level: a number that rises and falls (troops "
                             "present); plan: a plan or forecast")
    scope: Text = Field(description="What exactly is counted, and what is not")
    synonyms: tuple[Text, ...] = ()
    parts: tuple[Key, ...] = Field(default=(), description="Metrics of the same topic this "
                                   "total is the sum of (sent in all = first contingent + "
                                   "reinforcements): it is never shown below their sum")
    within: Key | tuple[Key, ...] | None = Field(
        default=None, description="A metric of the same topic whose scope contains this one's "
        "(Koksan guns within guns and launchers), or a list of them (240 mm launchers within "
        "guns and launchers, and within long-range pieces: [a, b]): a figure above a wider "
        "one's contradicts it")
    overlaps: tuple[Key, ...] = Field(default=(), description="Metrics of the same topic whose "
                                      "scope overlaps this one's: shown together, each with "
                                      "its scope (declared on either side, read both ways)")
    period: Period | None = Field(default=None, description="The period its scope fixes, when "
                                  "it counts something that happened once (the first "
                                  "contingent, sent in October 2024: 2024-10): every figure of "
                                  "it is for that period, whenever it is reported, and figures "
                                  "of several actors agree, diverge or make a range as figures "
                                  "for one period do")

    @property
    def wider(self) -> tuple[str, ...]:
        """The metrics whose scope contains this one's, whether ``within`` names one or lists
        several."""
        if self.within is None:
            return ()
        return (self.within,) if isinstance(self.within, str) else self.within


EventKind = Literal["event", "provision", "assessment"]


class Event(Frozen):
    label: Text
    kind: EventKind = Field(default="event", description="event: something that happened "
                            "(signed, entered into force, withdrawn); provision: what a text "
                            "provides (a treaty's clause); assessment: an analyst's judgement. "
                            "Only events are dated news (« Dernier événement »)")
    excludes: tuple[Key, ...] = Field(default=(), description="Metrics of the same topic that "
                                      "this event says are nil (absent from the front: "
                                      "at_front)")
    bears_on: tuple[Key, ...] = Field(default=(), description="Metrics of the same topic whose "
                                      "level this event bears on (a withdrawal, a return to "
                                      "the front): shown beside their figures, in time order")
    stance: bool = Field(default=False, description="A position the claim's actor takes itself "
                         "(« Déploiement ni confirmé ni démenti »): pages name the actor as who "
                         "takes it, « … par le Kremlin », not as a source, « selon le Kremlin »")
    question: Key | None = Field(default=None, description="For a position (stance): what it "
                                 "answers, where a topic has several questions. A side's later "
                                 "position replaces its earlier one on the same question only "
                                 "(losses acknowledged does not replace casualty figures "
                                 "denied); positions that name none answer one question")
    once: bool = Field(default=False, description="An event that happens once (a treaty's "
                       "signature, its entry into force): an actor's statements of it whose dates "
                       "nest (« début décembre 2024 », « le 4 décembre 2024 ») are one statement, "
                       "dated by the most precise")
    synonyms: tuple[Text, ...] = ()

    @property
    def bearing(self) -> tuple[str, ...]:
        """Every metric it bears on, those it says are nil included."""
        return tuple(dict.fromkeys(self.excludes + self.bears_on))


class Topic(Frozen):
    id: Key
    title: Text
    description: Text
    metrics: dict[Key, Metric] = Field(default_factory=dict)
    events: dict[Key, Event] = Field(default_factory=dict)
    slug: Slug | None = Field(default=None, description="The page's French address "
                              "(sujets/<slug>.html); the id when none")


class Actor(Frozen):
    id: Key
    name: Text
    description: Text | None = None
    country: Text | None = None
    aliases: tuple[Text, ...] = ()
    according_to: Text | None = Field(default=None, description="Who says a figure, as the "
                                      "pages write it after the figure: « selon le Kremlin », "
                                      "« sans source citée »; « selon <name> » when none")
    by: Text | None = Field(default=None, description="The actor as who takes a position "
                            "(Event.stance): « par le Kremlin »; « par » and the noun of "
                            "« selon … » when none")
    slug: Slug | None = Field(default=None, description="The page's French address "
                              "(acteurs/<slug>.html); the id when none")
    independent: bool = Field(default=True, description="false for an actor that is no "
                              "source of its own (an article's unattributed statement): its "
                              "figures may repeat others' and never confirm them")
    includes: tuple[Key, ...] = Field(default=(), description="The actors whose assessments "
                                      "this one reports together (« Séoul et les "
                                      "renseignements occidentaux »: the JCS, the NIS): its "
                                      "figures and theirs, or those of another actor including "
                                      "one of them, are not independent confirmations")
    excludes: tuple[Key, ...] = Field(default=(), description="Actors of a country this one "
                                      "covers whose assessments it does not report: `briefing "
                                      "check` no longer asks whether it includes them")

    @property
    def origins(self) -> frozenset[str]:
        """Where its figures may come from: itself and the actors it includes."""
        return frozenset((self.id, *self.includes))


class Outlet(Frozen):
    id: Key
    name: Text
    kind: Literal["outlet", "wire"] = "outlet"
    homepage: HttpUrl | None = None


class Claim(Frozen):
    """One figure or dated event an article reports, with who says it and the exact words."""

    id: Slug | None = Field(default=None, description="Local id; default metric-actor-as_of")
    topic: Key
    metric: Key | None = None
    event: Key | None = None
    value: Figure | None = None
    qualifier: Qualifier | None = None
    low: Figure | None = None
    high: Figure | None = None
    as_of: Period | None = Field(default=None, description="The date or period the text gives "
                                 "for the figure or event; none when it gives none")
    as_of_note: Text | None = Field(default=None, description="How as_of was read from the "
                                    "text, when it is not written there as a date")
    as_of_words: Text | None = Field(default=None, description="The period in the text's own "
                                     "words, shown instead of as_of (« fin janvier 2025 », "
                                     "« début décembre 2024 »): as_of is then the interval "
                                     "that surely contains it (2025-01); without as_of for "
                                     "words with no calendar bounds (« au début de "
                                     "l'engagement »): shown, never compared")
    event_words: Text | None = Field(default=None, description="An event in the quote's own "
                                     "words, shown beside its label where the label says more or "
                                     "less than the text (« retrait quasi complet », « une partie "
                                     "des troupes »)")
    scope_words: Text | None = Field(default=None, description="Words of the quote that narrow "
                                     "what a figure counts beyond its metric's scope (« sur les "
                                     "11.000 déployés initialement »), shown beside the figure")
    stated_on: Period | None = Field(default=None, description="When the actor made the "
                                     "statement, when the text gives it and it is not the "
                                     "article's date (« a déclaré fin janvier »): the log of "
                                     "changes places the statement there")
    stated_words: Text | None = Field(default=None, description="stated_on in the text's own "
                                      "words (« fin janvier 2025 »), shown instead of it")
    hedges: tuple[Text, ...] = Field(default=(), description="The text's own words that hedge "
                                     "the claim (« il semble », « pourraient augmenter », "
                                     "« premières estimations »), verbatim from the article")
    unsourced: bool = Field(default=False, description="True where the text says its actor gives "
                            "no source for this figure (« sans préciser la source de ce "
                            "chiffre »): it is shown, but confirms no other figure, nor is "
                            "confirmed as an independent source")
    attributed_to: Key
    quote: Text
    disputes: tuple[Annotated[str, Field(pattern=r"^(?:[a-z0-9-]+/)?[a-z0-9_-]+$")], ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> Claim:
        if (self.metric is None) == (self.event is None):
            raise ValueError("a claim has either 'metric' (a figure) or 'event', not both or neither")
        if self.event_words is not None and self.event is None:
            raise ValueError("'event_words' are an event's: a figure's own words are its "
                             "scope_words")
        if self.scope_words is not None and self.metric is None:
            raise ValueError("'scope_words' are a figure's: an event's own words are its "
                             "event_words")
        if self.event is not None:
            extra = [f for f in ("value", "qualifier", "low", "high") if getattr(self, f) is not None]
            if extra:
                raise ValueError(f"an event claim has no {', '.join(extra)}")
            return self
        if self.qualifier is None:
            raise ValueError("a figure needs 'qualifier': exact, about, at_least, more_than, "
                             "at_most or range")
        if self.qualifier == "range":
            if self.low is None or self.high is None or self.value is not None:
                raise ValueError("a range gives 'low' and 'high' and no 'value'")
            if self.low >= self.high:
                raise ValueError(f"'low' ({self.low}) must be smaller than 'high' ({self.high})")
        elif self.value is None or self.low is not None or self.high is not None:
            raise ValueError("a figure gives 'value' (only a range gives 'low' and 'high')")
        return self

    @cached_property
    def local_id(self) -> str:
        if self.id:
            return self.id
        when = f"-{str(self.as_of).replace('/', '--')}" if self.as_of else ""
        return f"{self.metric or self.event}-{self.attributed_to}{when}"

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(n for n in (self.value, self.low, self.high) if n is not None)


def _one_or_a_list(value: object) -> object:
    """« afp et reuters » written as one value: say how several agencies are written."""
    if isinstance(value, str) and re.search(r"[\s,;/&+]", value.strip()):
        raise ValueError(f"'{_shown(value)}' is not one agency id: write one id (wire: afp) or "
                         "several as a list (wire: [afp, reuters])")
    return value


class LeftOut(Frozen):
    """A figure of the text deliberately not claimed, and why (the unclaimed-figure check)."""

    quote: Text = Field(description="Words of the text holding the figure, verbatim")
    reason: Text = Field(description="Why no claim records it (French)")


class ArticleFrontmatter(Frozen):
    """What a contributor writes between the ``---`` lines of an article."""

    id: Slug = Field(description="Equals the file name without .md")
    title: Text
    date: ArticleDate = Field(description="YYYY-MM-DD, YYYY-MM, or unknown")
    date_note: Text | None = Field(default=None, description="How the date was established")
    outlet: Key = Field(description="An id from outlets.yml, or unknown")
    wire: Annotated[Key | tuple[Key, ...] | None, BeforeValidator(_one_or_a_list)] = Field(
        default=None, description="The wire agency, or a list of agencies ([afp, reuters])")
    url: HttpUrl | None = None
    language: Literal["fr"] = "fr"
    topics: tuple[Key, ...] = Field(min_length=1)
    cleaning: tuple[Text, ...] = ()
    claims: tuple[Claim, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    @property
    def wires(self) -> tuple[str, ...]:
        """The wire agencies, whether ``wire`` names one or lists several."""
        if self.wire is None:
            return ()
        return (self.wire,) if isinstance(self.wire, str) else self.wire


class ArticleInfo(ArticleFrontmatter):
    """An article without its text: its frontmatter and the file it comes from. What lists,
    ledgers, feeds and data files show of it; what a build keeps of each article once its
    page is rendered (10,000 bodies would cost memory and transfer time)."""

    source: str

    def claim_id(self, claim: Claim) -> str:
        return f"{self.id}/{claim.local_id}"

    def disputed_ids(self, claim: Claim) -> tuple[str, ...]:
        """The claims ``claim`` disputes, as global ids: a local id names a claim of this
        article."""
        return tuple(ref if "/" in ref else f"{self.id}/{ref}" for ref in claim.disputes)

    @property
    def sort_key(self) -> tuple:
        """Newest first (of two that start together, the day before the month), undated
        last, then by id for a stable order."""
        if self.date is None:
            return (1, 0, 0, self.id)
        return (0, -self.date.start.toordinal(), self.date.end.toordinal(), self.id)


class Article(ArticleInfo):
    """An article with its Markdown body: what reading a file gives."""

    body: str

    def info(self) -> ArticleInfo:
        """The article without its body (its fields are already valid: not checked again)."""
        return ArticleInfo.model_construct(self.model_fields_set - {"body"},
                                           **{name: getattr(self, name)
                                              for name in ArticleInfo.model_fields})


class Licence(Frozen):
    name: Text = Field(description="Short name, as cited: « CC BY 4.0 »")
    title: Text = Field(description="Full name: « Creative Commons Attribution 4.0 International »")
    url: HttpUrl = Field(description="The licence's text, for readers")


class Publication(Frozen):
    """publication.yml: who publishes the archive and on what terms, for the Données page,
    the downloads' LISEZMOI.txt and the citations."""

    title: Text = Field(description="The archive's name, as a citation gives it")
    publisher: Text = Field(description="Who to credit")
    url: HttpUrl | None = Field(default=None, description="Where the archive is published")
    licence: Licence = Field(description="The licence of the archive's own data and text "
                             "(metadata, claims, analyses); quotes stay their outlets'")


# An archive's kind of article: Article (with its body) as read, ArticleInfo once rendered.
A = TypeVar("A", bound=ArticleInfo, covariant=True)


@dataclass(frozen=True)
class Registries:
    """The hand-written metadata articles refer to: what every article is read, checked and
    rendered against (an article's page needs these, not the other articles)."""

    topics: dict[str, Topic]
    actors: dict[str, Actor]
    outlets: dict[str, Outlet]
    publication: Publication | None = None  # None when the archive has no publication.yml
    # Where each registry was read ("topics", "actors", "outlets" -> its path as shown), for
    # messages that say where an id would be defined.
    files: dict[str, str] = field(default_factory=dict, compare=False)

    def event_of(self, claim: Claim | None) -> Event | None:
        """The event a claim reports; None for a figure (or no claim)."""
        return self.topics[claim.topic].events[claim.event] if claim and claim.event else None


@dataclass(frozen=True)
class Archive(Registries, Generic[A]):
    """Everything the site is derived from; articles sorted newest first. An
    ``Archive[Article]`` has its articles' bodies (what near-duplicates are found in); an
    ``Archive[ArticleInfo]``, the build's once articles are rendered, does not."""

    articles: tuple[A, ...] = field(kw_only=True)

    @classmethod
    def of(cls, registries: Registries, articles: tuple[A, ...]) -> Archive[A]:
        return cls(registries.topics, registries.actors, registries.outlets,
                   registries.publication, registries.files, articles=articles)
