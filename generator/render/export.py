"""The data behind the site, for analysts: claims as CSV and JSON (the whole archive's
and each topic's), articles and analyses as JSON, and a LISEZMOI.txt with the licence and
how to cite.

Columns are documented on the site's « Données » page (docs/donnees.md); claim ids
are stable: ``<article id>/<claim id>``, the claim id being explicit or derived
from metric or event, actor and date. The CSV is written for French spreadsheets: a
UTF-8 byte order mark (without it, Excel reads UTF-8 as Windows-1252) and semicolons
(the comma is the French decimal separator, so French Excel and LibreOffice split
rows on semicolons).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import islice, repeat

from ..derive.analysis import Analysis
from ..derive.briefing import MetricBriefing, TopicBriefing
from ..derive.conflicts import Pair
from ..derive.groupings import newest_date
from ..derive.ledger import LedgerEntry, Statement
from ..model import UNKNOWN, Archive, ArticleFrontmatter, ArticleInfo, Registries
from .environment import environment
from .format import PRECISION_FR, QUALIFIER_FR, UNKNOWN_OUTLET_FR, date_fr
from .paths import article_path, html_path, topic_data_path

CLAIM_COLUMNS = (
    "claim_id", "article_id", "topic", "metric", "event", "event_words", "scope_words", "qualifier", "value", "low", "high",
    "unit", "as_of", "as_of_precision", "as_of_start", "as_of_end", "as_of_note", "as_of_words", "attributed_to",
    "actor_name", "quote", "hedges", "disputes", "article_date", "outlet", "article_page",
)
# The coded columns that claims.csv follows with their French words, in a column named
# <code>_fr (« jusqu'à » beside at_most, « Média non identifié » beside unknown): a reader of
# the spreadsheet reads French; claims.json keeps the codes alone, for programs.
LABELLED = ("topic", "metric", "event", "qualifier", "as_of_precision", "article_date", "outlet")
CSV_COLUMNS = tuple(name for column in CLAIM_COLUMNS
                    for name in (column, *([f"{column}_fr"] * (column in LABELLED))))


def claim_rows(archive: Archive, entries: Iterable[LedgerEntry]) -> Iterator[dict]:
    """One row per claim, in ledger order, each made as it is read: 30,000 dicts held at
    once took a writer a hundred megabytes."""
    return map(partial(_row, archive), entries)


def claim_labels(archive: Archive, entries: Iterable[LedgerEntry]) -> Iterator[tuple[str, ...]]:
    """Per claim, the French words of its LABELLED codes, for the CSV."""
    return map(partial(_labels, archive), entries)


def _with_labels(row: dict, labels: tuple[str, ...]) -> list[object]:
    """A row's CSV cells: each column's value, a coded one followed by its French words."""
    values = list(map(row.__getitem__, CLAIM_COLUMNS))
    for at in _JOINED:
        values[at] = ";".join(values[at])
    cells: list[object] = []
    start = 0
    for end, words in zip(_LABEL_AFTER, labels):
        cells += values[start:end]
        cells.append(words)
        start = end
    cells += values[start:]
    return cells


# Where _with_labels works, by position in CLAIM_COLUMNS (a row is 30,000 times the same
# columns): the list columns a CSV cell joins by semicolons, and the end of each LABELLED
# column, after which its French words go.
_JOINED = tuple(CLAIM_COLUMNS.index(column) for column in ("hedges", "disputes"))
_LABEL_AFTER = tuple(at + 1 for at, column in enumerate(CLAIM_COLUMNS) if column in LABELLED)


def _labels(archive: Archive, entry: LedgerEntry) -> tuple[str, ...]:
    """The French words of an entry's LABELLED codes, in their order."""
    claim, article = entry.claim, entry.article
    topic = archive.topics[claim.topic]
    outlet = archive.outlets.get(article.outlet)
    return (topic.title,
            topic.metrics[claim.metric].label if claim.metric else "",
            topic.events[claim.event].label if claim.event else "",
            QUALIFIER_FR.get(claim.qualifier or "", ""),
            PRECISION_FR[claim.as_of.precision] if claim.as_of else "",
            date_fr(article.date),
            outlet.name if outlet else UNKNOWN_OUTLET_FR)


class _Line(list):
    """A file for csv.writer that keeps the row it was last given (one write call per row)."""

    def write(self, line: str) -> None:
        self.append(line.encode("utf-8"))


def _row(archive: Archive, entry: LedgerEntry) -> dict:
    claim, article = entry.claim, entry.article
    topic = archive.topics[claim.topic]
    return {
        "claim_id": entry.claim_id,
        "article_id": article.id,
        "topic": claim.topic,
        "metric": claim.metric,
        "event": claim.event,
        "event_words": claim.event_words,
        "scope_words": claim.scope_words,
        "qualifier": claim.qualifier,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": topic.metrics[claim.metric].unit if claim.metric else None,
        "as_of": str(claim.as_of) if claim.as_of else None,
        "as_of_precision": claim.as_of.precision if claim.as_of else None,
        "as_of_start": claim.as_of.start.isoformat() if claim.as_of else None,
        "as_of_end": claim.as_of.end.isoformat() if claim.as_of else None,
        "as_of_note": claim.as_of_note,
        "as_of_words": claim.as_of_words,
        "attributed_to": claim.attributed_to,
        "actor_name": archive.actors[claim.attributed_to].name,
        "quote": claim.quote,
        "hedges": list(claim.hedges),
        "disputes": list(article.disputed_ids(claim)),
        "article_date": str(article.date) if article.date else UNKNOWN,
        "outlet": article.outlet,
        "article_page": html_path(article_path(article.id)),
    }


# What makes a spreadsheet read a cell as a formula (OWASP, « CSV injection »): = + - @, and
# a tab or carriage return, which some spreadsheets skip before reading the cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(FORMULA_START)


def csv_cell(value: object) -> object:
    """A value as written in a CSV cell: text that a spreadsheet would run as a formula
    gets a leading single quote (OWASP's advice), which spreadsheets show as text; numbers
    and other text stay as they are. A carriage return becomes a line feed: the csv module
    quotes a cell holding a line feed, not one holding a lone carriage return (content
    files never keep one: sources.py reads every line end as a line feed)."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in _FORMULA_CHARS:
        value = f"'{value}"
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


CSV_DELIMITER = ";"


Chunks = Iterator[bytes]  # a file written as it is made: the largest are tens of megabytes


def csv_lines(rows: Iterable[dict], labels: Iterable[tuple[str, ...]] | None = None) -> Chunks:
    """Claims for a spreadsheet: UTF-8 with a byte order mark, cells split by semicolons
    (a cell holding one is quoted), formula-looking text escaped; ``labels``: each row's
    French words of its LABELLED codes (none: empty cells)."""
    yield (CSV_DELIMITER.join(CSV_COLUMNS) + "\n").encode("utf-8-sig")
    line = _Line()
    write = csv.writer(line, delimiter=CSV_DELIMITER, lineterminator="\n").writerow
    blank = ("",) * len(LABELLED)
    for row, words in zip(rows, labels or repeat(blank)):
        write(map(csv_cell, _with_labels(row, words)))
        yield from line
        line.clear()


def json_list(items: Iterable[object], at_once: int = 1) -> Chunks:
    """What json.dumps writes for the list of these items (without its line end), encoded
    ``at_once`` items at a time: the encoder's set-up costs as much as a claim's row, and the
    items of a batch are held together only while it is encoded (a topic's analysis is large:
    one at a time)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps makes one per call
    yield b"["
    separator = ""
    items = iter(items)
    while batch := list(islice(items, at_once)):
        yield (separator + encode(batch)[1:-1]).encode("utf-8")  # "[a, b]" less its brackets
        separator = ", "
    yield b"]"


ROWS_AT_ONCE = 200  # claim rows, article records and statements a JSON file encodes together


def _json(data: object, indent: int | None = None) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")


def claims_csv(archive: Archive, entries: Sequence[LedgerEntry],
               topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    return csv_lines(claim_rows(archive, entries), claim_labels(archive, entries))


def claims_json(archive: Archive, entries: Sequence[LedgerEntry],
                topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    yield from json_list(claim_rows(archive, entries), ROWS_AT_ONCE)
    yield b"\n"


def _article_record(article: ArticleInfo) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "date": str(article.date) if article.date else UNKNOWN,
        "date_precision": article.date.precision if article.date else None,
        "date_note": article.date_note,
        "outlet": article.outlet,
        "wire": article.wire,
        "url": article.url,
        "language": article.language,
        "topics": list(article.topics),
        "claims": [article.claim_id(claim) for claim in article.claims],
        "page": html_path(article_path(article.id)),
    }


def articles_json(archive: Archive, entries: Sequence[LedgerEntry],
                  topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    """Every article's metadata (``entries`` and ``topic_briefings`` are not needed:
    DATA_FILES's makers share one signature)."""
    yield from json_list(map(_article_record, archive.articles), ROWS_AT_ONCE)
    yield b"\n"


def _claim_ids(statement: Statement) -> list[str]:
    return [entry.claim_id for entry in statement.entries]


def _finding(pair: Pair) -> dict:
    return {"finding": pair.finding, "first": _claim_ids(pair.first),
            "second": _claim_ids(pair.second)}


def _ids(statements: Iterable[Statement | LedgerEntry]) -> list[list[str]]:
    return [_claim_ids(s) if isinstance(s, Statement) else [s.claim_id] for s in statements]


def _status(metric: MetricBriefing, statement: Statement) -> dict:
    """What the pages show beside one figure of the current picture (synthesis.Status)."""
    status = metric.status(statement)
    return {
        "claim_ids": _claim_ids(statement),
        "contested": status.contested,
        "contradicted_by": _ids(status.contradicted_by),
        "disputed_by": _ids(status.disputed_by),
        "divergent": _ids(status.divergent),
        "confirmed_by": _ids(status.confirmed_by),
        "confirmations": status.confirmations if status.confirmed_by else None,
        "same_figure": status.same_figure if status.confirmed_by else None,
        "superseded_by": _claim_ids(status.superseded_by) if status.superseded_by else None,
        "since": _ids(status.since),
        "replaces": _claim_ids(status.replaces) if status.replaces else None,
        "below_parts": status.below_parts,
        "older_than": [{"metric": metric_id, "claim_ids": _claim_ids(other)}
                       for metric_id, other in status.older_than],
        "outdated_by": [{"metric": metric_id, "claim_ids": _claim_ids(other)}
                        for metric_id, other in status.outdated_by],
        "report_replaced": [{"metric": metric_id, "claim_ids": _claim_ids(sibling),
                             "replaced_by": _claim_ids(latest)}
                            for metric_id, sibling, latest in status.report_replaced],
        "earlier_beside": _ids(status.earlier_beside),
        "hedges": list(statement.hedges),
    }


def _derived(metric: MetricBriefing) -> dict | None:
    total = metric.derived
    if total is None:
        return None
    return {"qualifier": total.qualifier, "value": total.value, "low": total.low,
            "high": total.high, "parts": [{"metric": part, "claim_ids": _claim_ids(s)}
                                          for part, s in total.parts],
            "dating": total.dating or None, "shown_as_headline": metric.shows_derived}


def _metric_analysis(metric: MetricBriefing, topic: TopicBriefing) -> dict:
    definition = topic.topic.metrics[metric.metric_id]
    picture = metric.picture
    return {
        "metric": metric.metric_id, "kind": definition.kind, "scope": definition.scope,
        "unit": definition.unit,
        "current": None if picture is None else {
            "headline": [_claim_ids(s) for s in picture.headline],
            "same_period": [_claim_ids(s) for s in picture.same_period],
            "latest_by_actor": [{"actor": s.actor, "claim_ids": _claim_ids(s)}
                                for s in picture.latest],
            "shown": [_claim_ids(s) for s in metric.headline],
            "statuses": [_status(metric, s) for s in picture.latest],
            "ranges": [{"low": r.low, "high": r.high, "agree": r.agree,
                        "claim_ids": _ids(r.statements), "bounds": _ids(r.bounds)}
                       for r in metric.ranges],
            "events": [_claim_ids(s) for s in metric.events]},
        "period": str(definition.period) if definition.period else None,
        "derived": _derived(metric),
        "overlapping": [{"metric": metric_id, "claim_ids": _claim_ids(other)}
                        for metric_id, other in metric.overlapping],
        "findings": [_finding(pair) for pair in metric.findings],
    }


def _topic_analysis(topic_id: str, briefing: TopicBriefing) -> dict:
    return {
        "topic": topic_id,
        "metrics": [_metric_analysis(m, briefing) for m in briefing.reported_metrics],
        "events": [{"event": event_id, "statements": [_claim_ids(s) for s in briefing.timeline
                                                      if s.claim.event == event_id]}
                   for event_id in briefing.topic.events
                   if any(s.claim.event == event_id for s in briefing.timeline)],
        "disputes": [{"claim_id": d.claim.claim_id, "disputes": d.disputed.claim_id}
                     for d in briefing.disputes],
    }


def _statement(statement: Statement, repeats: Mapping[str, Statement]) -> dict:
    s = statement
    return {"claim_ids": _claim_ids(s), "independent_sources": s.independent_sources,
            "topic": s.claim.topic, "metric": s.claim.metric, "event": s.claim.event,
            "actor": s.actor, "as_of": str(s.claim.as_of) if s.claim.as_of else None,
            "reported_on": None if s.claim.as_of or s.reported is None else str(s.reported),
            "stated_on": str(s.known_on) if s.known_on else None,
            "hedges": list(s.hedges),
            "repeats": _claim_ids(repeats[s.claim_id]) if s.claim_id in repeats else None}


def analysis_json(archive: Archive, entries: Sequence[LedgerEntry],
                  topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    """What the topic pages conclude, as data: each metric's current picture and findings,
    each event's statements and disputes, and every statement with its copies (one that only
    repeats an earlier statement names it under ``repeats``: it is not counted again).
    Encoded a topic and a statement at a time: the whole as Python objects is six times the
    file's size."""
    repeats = {claim_id: r.origin for briefing in topic_briefings.values()
               for claim_id, r in briefing.repeats.items()}  # claim id -> the statement it repeats
    yield b'{"topics": '
    yield from json_list(_topic_analysis(topic_id, briefing)
                         for topic_id, briefing in topic_briefings.items())
    yield b', "statements": '
    yield from json_list((_statement(s, repeats) for briefing in topic_briefings.values()
                          for s in briefing.statements), ROWS_AT_ONCE)
    yield b"}\n"


Maker = Callable[[Archive, Sequence[LedgerEntry], Mapping[str, TopicBriefing]], bytes | Chunks]

DATA_FILES: dict[str, Maker] = {
    "data/claims.csv": claims_csv,
    "data/claims.json": claims_json,
    "data/articles.json": articles_json,
    "data/analysis.json": analysis_json,
}
README_PATH = "data/LISEZMOI.txt"


def _of_topic(topic_id: str, entries: Sequence[LedgerEntry]) -> list[LedgerEntry]:
    return [entry for entry in entries if entry.claim.topic == topic_id]


def topic_csv(topic_id: str, archive: Archive, entries: Sequence[LedgerEntry],
              topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    """One topic's claims, in the same format and columns as the whole archive's."""
    return claims_csv(archive, _of_topic(topic_id, entries), topic_briefings)


def topic_json(topic_id: str, archive: Archive, entries: Sequence[LedgerEntry],
               topic_briefings: Mapping[str, TopicBriefing]) -> Chunks:
    return claims_json(archive, _of_topic(topic_id, entries), topic_briefings)


def topic_files(archive: Registries, topic_id: str) -> tuple[str, str]:
    """A topic's CSV and JSON, at its French slug."""
    slug = archive.topics[topic_id].slug or topic_id
    return topic_data_path(slug, "csv"), topic_data_path(slug, "json")


def readme(archive: Archive, entries: Sequence[LedgerEntry],
           topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    """LISEZMOI.txt: what each file holds, the licence and how to cite, shipped with the data."""
    text = environment().get_template("data_readme.txt").render(
        archive=archive, publication=archive.publication, updated=newest_date(archive.articles),
        whole=list(DATA_FILES), topics={topic_id: topic_files(archive, topic_id)
                                        for topic_id in archive.topics})
    return text.encode("utf-8")


def data_makers(archive: Registries) -> dict[str, Maker]:
    """Every data file the site publishes under data/ and `briefing export` writes."""
    makers: dict[str, Maker] = {README_PATH: readme, **DATA_FILES}
    for topic_id in archive.topics:
        csv_path, json_path = topic_files(archive, topic_id)
        makers[csv_path] = partial(topic_csv, topic_id)
        makers[json_path] = partial(topic_json, topic_id)
    return makers


def whole(made: bytes | Iterable[bytes]) -> bytes:
    """A file's bytes, made at once or as chunks."""
    return made if isinstance(made, bytes) else b"".join(made)


def data_files(archive: Archive, analysis: Analysis) -> dict[str, bytes]:
    return {path: whole(make(archive, analysis.ledger, analysis.briefings))
            for path, make in data_makers(archive).items()}


SCHEMA_PATH = "schema/article.schema.json"


def article_schema() -> bytes:
    """JSON Schema of the article frontmatter, for editors (yaml-language-server) and tools."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **ArticleFrontmatter.model_json_schema()}
    schema["title"] = "Article frontmatter (briefing-archive)"
    return _json(schema, indent=1)
