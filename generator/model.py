"""The archive's data: frozen, typed, and the single source of the frontmatter JSON Schema.

Values arrive as text (see strict_yaml); the field types below decide what each
must look like, so a figure written ``3.000`` is refused rather than read as 3.0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      PlainSerializer, WithJsonSchema, model_validator)

UNKNOWN = "unknown"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}(?:-\d{2})?$"
# Control characters (but tab and newline), bidi overrides and isolates, private use.
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff\ufeff]")


def clean_text(value: str) -> str:
    """NFC-normalised text without control or bidi-override characters."""
    match = _FORBIDDEN_CHARS.search(value)
    if match:
        raise ValueError(f"contains the invisible control character U+{ord(match.group()):04X}; "
                         "remove it")
    return unicodedata.normalize("NFC", value).strip()


def parse_figure(value: object) -> object:
    """Figures are plain digits: YAML would read 3.000 as 3.0 and 03000 as octal."""
    if isinstance(value, str):
        if re.fullmatch(r"0|[1-9][0-9]*", value):
            return int(value)
        if re.fullmatch(r"[0-9]{1,3}(?:[.  \u202f][0-9]{3})+", value):
            plain = re.sub(r"\D", "", value)
            raise ValueError(f"'{value}' is not a plain integer: write {plain} "
                             "(French thousands separators belong in the quote, not in the figure)")
        raise ValueError(f"'{value}' is not a plain integer (digits only, no leading zero)")
    return value


def check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in " <>\"'"):
        raise ValueError(f"'{value}' is not an http(s) URL")
    return value


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day or only to the month."""

    year: int
    month: int
    day: int | None = None

    @property
    def precision(self) -> Literal["day", "month"]:
        return "month" if self.day is None else "day"

    @cached_property
    def month_key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first_day(self) -> date:
        return date(self.year, self.month, self.day or 1)

    @cached_property
    def text(self) -> str:
        return self.month_key + (f"-{self.day:02d}" if self.day else "")

    def __str__(self) -> str:
        return self.text

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day or 0)


def parse_partial_date(value: object) -> object:
    if isinstance(value, PartialDate) or not isinstance(value, str):
        return value
    if not re.fullmatch(DATE_PATTERN, value):
        raise ValueError(f"'{value}' is not a date: write YYYY-MM-DD, or YYYY-MM when only "
                         "the month is known")
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None
    return PartialDate(*parts)


def _parse_article_date(value: object) -> object:
    return None if value == UNKNOWN else parse_partial_date(value)


Text = Annotated[str, AfterValidator(clean_text), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=120)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=64)]
Figure = Annotated[int, BeforeValidator(parse_figure), Field(ge=0),
                   WithJsonSchema({"type": "integer", "minimum": 0})]
_DateSchema = {"type": "string", "pattern": DATE_PATTERN}
Date = Annotated[PartialDate, BeforeValidator(parse_partial_date), PlainSerializer(str),
                 WithJsonSchema(_DateSchema)]
ArticleDate = Annotated[PartialDate | None, BeforeValidator(_parse_article_date),
                        PlainSerializer(lambda d: str(d) if d else UNKNOWN),
                        WithJsonSchema({"anyOf": [_DateSchema, {"const": UNKNOWN}]})]
HttpUrl = Annotated[str, AfterValidator(check_http_url),
                    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
Qualifier = Literal["exact", "about", "at_least", "at_most", "range"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Metric(Frozen):
    label: Text
    unit: Text
    synonyms: tuple[Text, ...] = ()


class Event(Frozen):
    label: Text
    synonyms: tuple[Text, ...] = ()


class Topic(Frozen):
    id: Key
    title: Text
    description: Text
    metrics: dict[Key, Metric] = Field(default_factory=dict)
    events: dict[Key, Event] = Field(default_factory=dict)


class Actor(Frozen):
    id: Key
    name: Text
    description: Text | None = None
    country: Text | None = None
    aliases: tuple[Text, ...] = ()


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
    as_of: Date
    attributed_to: Key
    quote: Text
    disputes: tuple[Annotated[str, Field(pattern=r"^(?:[a-z0-9-]+/)?[a-z0-9_-]+$")], ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> Claim:
        if (self.metric is None) == (self.event is None):
            raise ValueError("a claim has either 'metric' (a figure) or 'event', not both or neither")
        if self.event is not None:
            extra = [f for f in ("value", "qualifier", "low", "high") if getattr(self, f) is not None]
            if extra:
                raise ValueError(f"an event claim has no {', '.join(extra)}")
            return self
        if self.qualifier is None:
            raise ValueError("a figure needs 'qualifier': exact, about, at_least, at_most or range")
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
        return self.id or f"{self.metric or self.event}-{self.attributed_to}-{self.as_of}"

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(n for n in (self.value, self.low, self.high) if n is not None)


class ArticleFrontmatter(Frozen):
    """What a contributor writes between the ``---`` lines of an article."""

    id: Slug = Field(description="Equals the file name without .md")
    title: Text
    date: ArticleDate = Field(description="YYYY-MM-DD, YYYY-MM, or unknown")
    date_note: Text | None = Field(default=None, description="How the date was established")
    outlet: Key = Field(description="An id from outlets.yml, or unknown")
    wire: Key | None = None
    url: HttpUrl | None = None
    language: Literal["fr"] = "fr"
    topics: tuple[Key, ...] = Field(min_length=1)
    cleaning: tuple[Text, ...] = ()
    claims: tuple[Claim, ...] = ()


class Article(ArticleFrontmatter):
    """An article with its Markdown body and the file it comes from."""

    body: str
    source: str

    def claim_id(self, claim: Claim) -> str:
        return f"{self.id}/{claim.local_id}"

    @property
    def sort_key(self) -> tuple:
        """Newest first, undated last, then by id for a stable order."""
        key = self.date.sort_key() if self.date else (0, 0, 0)
        return (tuple(-k for k in key), self.id)


@dataclass(frozen=True)
class Archive:
    """Everything the site is derived from; articles sorted newest first."""

    topics: dict[str, Topic]
    actors: dict[str, Actor]
    outlets: dict[str, Outlet]
    articles: tuple[Article, ...]
