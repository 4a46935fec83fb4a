"""Raw content -> model objects: every check a contributor can fail, located in the file.

Field types live in model.py; this module runs them, turns pydantic's errors into
``path:line:col: field: message`` lines, and checks what spans files: ids equal
to file names, known topics, metrics, events, actors and outlets, unique ids.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..model import (
    UNKNOWN,
    Actor,
    Article,
    ArticleFrontmatter,
    ArticleInfo,
    Outlet,
    Publication,
    Registries,
    Topic,
    clean_text,
    has_forbidden_chars,
)
from .errors import ContentError, ErrorCollector
from .quotes import (
    find_quote,
    french_numbers,
    inside_longer_words,
    longest_matching_prefix,
)
from .sources import SourceDocument

M = TypeVar("M", bound=BaseModel)

_HINTS = {
    "extra_forbidden": "remove it, or check its spelling against CONTRIBUTING.md",
    "missing": "add it",
    "string_pattern_mismatch": "use lowercase letters, digits and '-' (ids also allow '_')",
    "literal_error": "use one of the listed values",
}


def _field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _message(error: ErrorDetails) -> str:
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if error["type"] == "extra_forbidden":
        return "unknown field"
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    if error["type"] == "string_pattern_mismatch":
        return f"'{error['input']}' is not a valid id"
    return message


def validation_errors(source: SourceDocument, exc: ValidationError,
                      prefix: tuple = ()) -> list[ContentError]:
    """Pydantic errors, each placed at the key or value it is about."""
    located = []
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(p for p in error["loc"] if not str(p).startswith("function-"))
        at_key = error["type"] in ("extra_forbidden",)
        located.append(source.error(loc, _field_name(loc), _message(error),
                                    _HINTS.get(error["type"], ""), at_key=at_key))
    return located


def _without_empty(data: object) -> object:
    """Keys written with no value (``date_note:``) count as not given."""
    if isinstance(data, dict):
        return {k: _without_empty(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_without_empty(item) for item in data]
    return data


def _validate(model: type[M], data: object, source: SourceDocument, prefix: tuple,
              errors: ErrorCollector) -> M | None:
    try:
        return model.model_validate(_without_empty(data))
    except ValidationError as exc:
        errors.extend(validation_errors(source, exc, prefix))
        return None


def parse_registry(source: SourceDocument, model: type[M],
                   errors: ErrorCollector) -> dict[str, M]:
    """A metadata file: a mapping of id -> fields, the id coming from the key. An entry with
    an error is left out (its error stops every command before any article is read)."""
    entries: dict[str, M] = {}
    assert isinstance(source.data, dict)  # read_metadata reads nothing else
    for key, fields in source.data.items():
        if not isinstance(fields, dict):
            errors.add(source.error((key,), key, "expected a mapping of fields"))
            continue
        if "id" in fields:
            errors.add(source.error((key, "id"), f"{key}.id",
                                    "unknown field: the id is the key above", at_key=True))
            continue
        entry = _validate(model, {"id": key, **fields}, source, (key,), errors)
        if entry is not None:
            entries[key] = entry
    return entries


def parse_topics(source: SourceDocument, errors: ErrorCollector) -> dict[str, Topic]:
    topics = parse_registry(source, Topic, errors)
    for topic in topics.values():
        check_relations(topic, source, errors)
    return topics


def check_relations(topic: Topic, source: SourceDocument, errors: ErrorCollector) -> None:
    """Relations between metrics (parts, within, overlaps) and the metrics an event bears on
    name metrics of the same topic; a total's parts are totals, and nothing is its own part."""
    known = ", ".join(topic.metrics) or "none"

    def refer(path: tuple, value: str, own: str | None = None) -> None:
        name = _field_name(path)
        if value not in topic.metrics:
            hint = closest(value, topic.metrics)
            errors.add(source.error(path, name, f"'{value}' is not a metric of topic "
                                    f"'{topic.id}'", f"did you mean '{hint}'?" if hint
                                    else f"metrics of '{topic.id}': {known}"))
        elif value == own:
            errors.add(source.error(path, name, f"'{value}' cannot be related to itself"))

    for metric_id, metric in topic.metrics.items():
        base = (topic.id, "metrics", metric_id)
        for i, part in enumerate(metric.parts):
            refer(base + ("parts", i), part, metric_id)
            if part in topic.metrics and part != metric_id and (
                    metric.kind != "total" or topic.metrics[part].kind != "total"):
                errors.add(source.error(base + ("parts", i), _field_name(base + ("parts", i)),
                                        "a sum of parts relates running totals only "
                                        f"('{metric_id}' is {metric.kind}, '{part}' is "
                                        f"{topic.metrics[part].kind})"))
        if isinstance(metric.within, str):
            refer(base + ("within",), metric.within, metric_id)
        for i, wider in enumerate(metric.within if isinstance(metric.within, tuple) else ()):
            refer(base + ("within", i), wider, metric_id)
        for i, other in enumerate(metric.overlaps):
            refer(base + ("overlaps", i), other, metric_id)
    for event_id, event in topic.events.items():
        for field in ("excludes", "bears_on"):
            for i, value in enumerate(getattr(event, field)):
                refer((topic.id, "events", event_id, field, i), value)


def parse_actors(source: SourceDocument, errors: ErrorCollector) -> dict[str, Actor]:
    """actors.yml; an actor includes (or excludes) only other actors of the registry."""
    actors = parse_registry(source, Actor, errors)
    for actor in actors.values():
        for field, i, other in [*(("includes", i, o) for i, o in enumerate(actor.includes)),
                                *(("excludes", i, o) for i, o in enumerate(actor.excludes))]:
            path = (actor.id, field, i)
            if other == actor.id:
                errors.add(source.error(path, _field_name(path), f"'{other}' cannot {field[:-1]} itself"))
            elif other not in actors:
                hint = closest(other, actors)
                errors.add(source.error(path, _field_name(path), f"'{other}' is not an actor",
                                        f"did you mean '{hint}'?" if hint else "add it to actors.yml"))
    return actors


def parse_outlets(source: SourceDocument, errors: ErrorCollector) -> dict[str, Outlet]:
    return parse_registry(source, Outlet, errors)


def parse_publication(source: SourceDocument, errors: ErrorCollector) -> Publication | None:
    """publication.yml: one mapping of fields (no ids)."""
    return _validate(Publication, source.data, source, (), errors)


def parse_article(source: SourceDocument, errors: ErrorCollector) -> Article | None:
    """Frontmatter checked against the schema; the body is kept as written.

    Returns None only when the frontmatter does not fit the schema: other problems
    are collected and the article is returned so its references get checked too.
    """
    frontmatter = _validate(ArticleFrontmatter, source.data, source, (), errors)
    if frontmatter is None:
        return None
    expected = source.path.stem
    if frontmatter.id != expected:
        errors.add(source.error(("id",), "id", f"'{frontmatter.id}' does not match the file name",
                                f"use '{expected}' or rename the file to '{frontmatter.id}.md'"))
    if not source.body.strip():
        errors.add(ContentError(source.display, source.body_line, 1, "body",
                                "the article has no text after the frontmatter"))
    if has_forbidden_chars(source.body):  # each line's first, as clean_text says it
        for offset, line in enumerate(source.body.split("\n")):
            try:
                clean_text(line)
            except ValueError as problem:
                errors.add(ContentError(source.display, source.body_line + offset, 1, "body",
                                        str(problem)))
    return Article.model_construct(**dict(frontmatter), body=article_body(source.body),
                                   source=source.display)


def article_body(written: str) -> str:
    """An article's body as the model holds it: NFC, one final newline."""
    return unicodedata.normalize("NFC", written).strip("\n") + "\n"


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known id nearest to ``value`` (difflib's ratio), if any is known."""
    ratio = difflib.SequenceMatcher(b=value)
    best, best_score = None, -1.0
    for candidate in sorted(known):
        ratio.set_seq1(candidate)
        score = ratio.ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best


def check_references(article: Article, source: SourceDocument, registries: Registries,
                     errors: ErrorCollector) -> None:
    """Ids an article uses must exist in the metadata files.

    Each unknown id names the file where it would be defined and the closest known id.
    """
    topics, actors, outlets = registries.topics, registries.actors, registries.outlets

    def unknown(path: tuple, name: str, value: str, known: Iterable[str], what: str, where: str,
                place: str = "") -> None:
        nearest = closest(value, known)
        suggestion = f"the closest known {what} is '{nearest}'; " if nearest else ""
        errors.add(source.error(path, name, f"unknown {what} '{value}'{place}",
                                f"{suggestion}a new {what} is defined in {where}"))

    topics_file, actors_file, outlets_file = (registries.files.get(name, f"{name}.yml")
                                              for name in ("topics", "actors", "outlets"))
    if article.outlet != UNKNOWN and article.outlet not in outlets:
        unknown(("outlet",), "outlet", article.outlet, [*outlets, UNKNOWN], "outlet", outlets_file)
    for i, wire in enumerate(article.wires):
        if wire not in outlets:
            listed = not isinstance(article.wire, str)
            unknown(("wire", i) if listed else ("wire",), f"wire[{i}]" if listed else "wire", wire,
                    outlets, "outlet", outlets_file)
    for i, topic_id in enumerate(article.topics):
        if topic_id not in topics:
            unknown(("topics", i), f"topics[{i}]", topic_id, topics, "topic", topics_file)
    seen: dict[str, int] = {}
    for i, claim in enumerate(article.claims):
        path, name = ("claims", i), f"claims[{i}]"
        topic = topics.get(claim.topic)
        if topic is None:
            if claim.topic not in topics:
                unknown(path + ("topic",), name + ".topic", claim.topic, topics, "topic",
                        topics_file)
        elif claim.metric is not None and claim.metric not in topic.metrics:
            unknown(path + ("metric",), name + ".metric", claim.metric, topic.metrics,
                    "metric", f"{topics_file}, under '{topic.id}: metrics:'",
                    f" for topic '{topic.id}'")
        elif claim.event is not None and claim.event not in topic.events:
            unknown(path + ("event",), name + ".event", claim.event, topic.events,
                    "event", f"{topics_file}, under '{topic.id}: events:'",
                    f" for topic '{topic.id}'")
        if topic is not None and claim.topic not in article.topics:
            errors.add(source.error(path + ("topic",), name + ".topic",
                                    f"topic '{claim.topic}' is not in the article's topics",
                                    "add it to 'topics: [...]'"))
        if claim.attributed_to not in actors:
            unknown(path + ("attributed_to",), name + ".attributed_to", claim.attributed_to,
                    actors, "actor", actors_file)
        elif (topic is not None and claim.event in topic.events and topic.events[claim.event].stance
              and not actors[claim.attributed_to].independent):
            errors.add(source.error(path + ("attributed_to",), name + ".attributed_to",
                                    f"'{claim.event}' is a position someone takes: "
                                    f"'{claim.attributed_to}' is no one's",
                                    "attribute it to the actor whose position it is"))
        if claim.local_id in seen:
            errors.add(source.error(path, name, f"claim id '{claim.local_id}' is also used by "
                                    f"claims[{seen[claim.local_id]}]",
                                    "give one of them an explicit 'id:'"))
        seen.setdefault(claim.local_id, i)


def check_quotes(article: Article, source: SourceDocument, errors: ErrorCollector) -> None:
    """Each quote stands verbatim in the article body and holds the claimed figures."""
    for i, claim in enumerate(article.claims):
        path = ("claims", i)
        if find_quote(article.body, claim.quote) is None:
            longer = inside_longer_words(article.body, claim.quote)
            matched = longest_matching_prefix(article.body, claim.quote)
            if longer:
                hint = (f"it stands only inside longer words or numbers: \"{longer[:80]}\"; "
                        "start and end the quote on whole words")
            elif matched:
                hint = f"the text matches up to \"…{matched[-40:]}\""
            else:
                hint = "copy the passage exactly from the article text"
            errors.add(source.error(path + ("quote",), f"claims[{i}].quote",
                                    "quote not found in the article text", hint))
            continue
        for field in ("event_words", "scope_words"):
            words = getattr(claim, field)
            if words and find_quote(claim.quote, words) is None:
                errors.add(source.error(path + (field,), f"claims[{i}].{field}",
                                        f"{field} not found in the quote",
                                        "copy the words exactly from the claim's quote"))
        for j, hedge in enumerate(claim.hedges):
            if find_quote(article.body, hedge) is None:
                errors.add(source.error(path + ("hedges", j), f"claims[{i}].hedges[{j}]",
                                        "hedge not found in the article text",
                                        "copy the words exactly from the article text"))
        found = french_numbers(claim.quote)
        for name in ("value", "low", "high"):
            number = getattr(claim, name)
            if number is not None and number not in found:
                listing = ", ".join(map(str, found)) or "none"
                errors.add(source.error(path + (name,), f"claims[{i}].{name}",
                                        f"{number} does not appear in the quote",
                                        f"numbers in the quote: {listing}"))


def check_disputes(articles: Sequence[ArticleInfo], source_of: Callable[[str], SourceDocument],
                   errors: ErrorCollector) -> None:
    """Every disputed claim exists, and no claim disputes itself.

    ``source_of(article_id)`` reads an article's source again, only to locate an error.
    """
    known = {article.claim_id(claim) for article in articles for claim in article.claims}
    for article in articles:
        for i, claim in enumerate(article.claims):
            for j, target in enumerate(article.disputed_ids(claim)):
                problem = ("a claim cannot dispute itself" if target == article.claim_id(claim)
                           else None if target in known else f"no claim has the id '{target}'")
                if problem:
                    errors.add(source_of(article.id).error(
                        ("claims", i, "disputes", j), f"claims[{i}].disputes[{j}]", problem,
                        "use a claim's id in this article, or 'article-id/claim-id'"))


# The generated pages each registry entry gets, by folder (see render/paths.py): the name
# of the page, plus the names its own pages derive from it.
_TOPIC_PAGES = ("{}", "{}-articles", "{}-registre")
_CHART_SUFFIXES = ("", "-etroit")  # a metric's chart, wide and narrow (render/charts.py)


def check_addresses(topics: SourceDocument, topic_entries: dict[str, Topic],
                    actors: SourceDocument, actor_entries: dict[str, Actor],
                    outlets: SourceDocument, outlet_entries: dict[str, Outlet],
                    errors: ErrorCollector) -> None:
    """No two entries of a registry want the same page, and none wants a folder's index.

    A topic's page is at ``sujets/<slug>`` (with its lists ``<slug>-articles`` and
    ``<slug>-registre``, its charts at ``<id>-<metric>``), an actor's at ``acteurs/<slug>``,
    and a moved page (slug not the id) leaves a redirect at the id's address; an outlet's
    page is ``sources/<id>``. The build refuses two files at one address: found here
    first, at the line that asks for the second."""
    for source, entries, patterns in ((topics, topic_entries, _TOPIC_PAGES),
                                      (actors, actor_entries, ("{}",)),
                                      (outlets, outlet_entries, ("{}",))):
        taken: dict[str, str] = {}
        names: list[tuple[str, str, tuple[str, ...], str]] = [  # ids first: a slug is the choice
            (key, key, (key,), key) for key in entries]
        names += [(key, slug, (key, "slug"), f"{key}.slug") for key, entry in entries.items()
                  if (slug := getattr(entry, "slug", None))]
        for key, name, path, field_name in names:
            for page in (pattern.format(name) for pattern in patterns):
                if page == "index":
                    errors.add(source.error(path, field_name, f"'{name}' would replace the "
                                            "folder's index page", "choose another name",
                                            at_key=len(path) == 1))
                elif taken.get(page, key) != key:
                    errors.add(source.error(path, field_name, f"'{name}' takes the address "
                                            f"'{page}' of '{taken[page]}'",
                                            "give one of them another id or slug",
                                            at_key=len(path) == 1))
                taken.setdefault(page, key)
        if source is topics:
            charts: dict[str, tuple[str, str]] = {}
            for key, topic in topic_entries.items():
                for metric, chart in ((m, f"{key}-{m}{s}") for m in topic.metrics
                                      for s in _CHART_SUFFIXES):
                    first = charts.setdefault(chart, (key, metric))
                    if first != (key, metric):
                        errors.add(source.error((key, "metrics", metric), f"{key}.metrics.{metric}",
                                                f"its chart would have the address of "
                                                f"'{first[0]}.metrics.{first[1]}' ('{chart}')",
                                                "rename the metric or the topic", at_key=True))
                        break
