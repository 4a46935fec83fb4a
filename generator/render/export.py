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
from functools import cached_property, partial
from typing import TypeVar, overload

from ..derive.analysis import Analysis
from ..derive.briefing import MetricBriefing, TopicBriefing
from ..derive.conflicts import Pair
from ..derive.groupings import newest_date
from ..derive.ledger import LedgerEntry, Statement
from ..model import UNKNOWN, Archive, ArticleFrontmatter, ArticleInfo, Registries
from .environment import environment
from .format import PRECISION_FR, QUALIFIER_FR, UNKNOWN_OUTLET_FR, date_fr
from .paths import article_path, html_path, topic_data_path

T = TypeVar("T")

CLAIM_COLUMNS = (
    "claim_id", "article_id", "topic", "metric", "event", "qualifier", "value", "low", "high",
    "unit", "as_of", "as_of_precision", "as_of_start", "as_of_end", "as_of_note", "as_of_words", "attributed_to",
    "actor_name", "quote", "hedges", "disputes", "article_date", "outlet", "article_page",
)
# The coded columns that claims.csv follows with their French words, in a column named
# <code>_fr (« jusqu'à » beside at_most, « Source inconnue » beside unknown): a reader of
# the spreadsheet reads French; claims.json keeps the codes alone, for programs.
LABELLED = ("topic", "metric", "event", "qualifier", "as_of_precision", "article_date", "outlet")
CSV_COLUMNS = tuple(name for column in CLAIM_COLUMNS
                    for name in (column, *([f"{column}_fr"] * (column in LABELLED))))


class ClaimRows(Sequence[dict]):
    """Claim rows that keep their CSV lines and JSON items once written: the whole archive's
    files and each topic's are cut from one serialisation per format (per process). Kept as
    UTF-8 bytes: joined as str, 10,000 articles' claims cost twice their size again (a
    single ’ makes a str two bytes a character). The rows themselves may be made as they
    are read (claim_rows): 30,000 dicts held at once took a writer a hundred megabytes.
    ``labels`` holds, per row, the French words of its LABELLED codes (none: empty cells)."""

    def __init__(self, rows: Sequence[dict] = (), labels: Sequence[tuple[str, ...]] | None = None):
        self.rows = rows
        self.labels = labels

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> dict: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[dict]: ...
    def __getitem__(self, index: int | slice) -> dict | Sequence[dict]:
        return self.rows[index]

    @cached_property
    def csv_lines(self) -> list[bytes]:
        lines = _Lines()
        blank = ("",) * len(LABELLED)
        csv.writer(lines, delimiter=CSV_DELIMITER, lineterminator="\n").writerows(
            [csv_cell(cell) for column, cell in zip(CSV_COLUMNS, _with_labels(
                row, self.labels[position] if self.labels else blank))]
            for position, row in enumerate(self))
        return lines

    @cached_property
    def json_items(self) -> list[bytes]:
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps makes one per call
        return [encode(row).encode("utf-8") for row in self]

    @cached_property
    def by_topic(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for position, row in enumerate(self):
            positions.setdefault(row["topic"], []).append(position)
        return positions


def _with_labels(row: dict, labels: tuple[str, ...]) -> list[object]:
    """A row's CSV cells: each column's value, a coded one followed by its French words."""
    words = iter(labels)
    cells: list[object] = []
    for column in CLAIM_COLUMNS:
        cells.append(";".join(row[column]) if column in ("disputes", "hedges") else row[column])
        if column in LABELLED:
            cells.append(next(words))
    return cells


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


class _Lines(list):
    """A file for csv.writer that keeps each row's line apart (it writes one call per row)."""

    def write(self, line: str) -> None:
        self.append(line.encode("utf-8"))


class _Made(Sequence[T]):
    """``make`` of each item, made when read, never kept."""

    def __init__(self, items: Sequence[LedgerEntry], make: Callable[[LedgerEntry], T]):
        self.items, self.make = items, make

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return map(self.make, self.items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [*map(self.make, self.items[index])]
        return self.make(self.items[index])


def claim_rows(archive: Archive, entries: tuple[LedgerEntry, ...]) -> ClaimRows:
    """One row per claim, in ledger order, with its codes' French words for the CSV; each
    made when read."""
    return ClaimRows(_Made(entries, partial(_row, archive)), _Made(entries, partial(_labels, archive)))


def _row(archive: Archive, entry: LedgerEntry) -> dict:
    claim, article = entry.claim, entry.article
    topic = archive.topics[claim.topic]
    return {
        "claim_id": entry.claim_id,
        "article_id": article.id,
        "topic": claim.topic,
        "metric": claim.metric,
        "event": claim.event,
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


def claims_csv(archive: Archive, rows: ClaimRows,
               topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    """The claims for a spreadsheet: UTF-8 with a byte order mark, cells split by semicolons
    (a cell holding one is quoted), formula-looking text escaped."""
    return _csv_file(rows.csv_lines)


def _csv_file(lines: list[bytes]) -> bytes:
    return (CSV_DELIMITER.join(CSV_COLUMNS) + "\n").encode("utf-8-sig") + b"".join(lines)


def _json_list(items: list[bytes]) -> bytes:
    """What json.dumps writes for the list of these items."""
    return b"[" + b", ".join(items) + b"]\n"


def _json(data: object, indent: int | None = None) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")


def claims_json(archive: Archive, rows: ClaimRows,
                topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    return _json_list(rows.json_items)


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


def articles_json(archive: Archive, rows: ClaimRows,
                  topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    """Every article's metadata (``rows`` and ``topic_briefings`` are not needed: DATA_FILES's
    makers share one signature)."""
    return _json([_article_record(article) for article in archive.articles])


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
        "superseded_by": _claim_ids(status.superseded_by) if status.superseded_by else None,
        "replaces": _claim_ids(status.replaces) if status.replaces else None,
        "below_parts": status.below_parts,
        "older_than": [{"metric": metric_id, "claim_ids": _claim_ids(other)}
                       for metric_id, other in status.older_than],
        "report_replaced": [{"metric": metric_id, "claim_ids": _claim_ids(sibling),
                             "replaced_by": _claim_ids(latest)}
                            for metric_id, sibling, latest in status.report_replaced],
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


def analysis_json(archive: Archive, rows: ClaimRows,
                  topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    """What the topic pages conclude, as data: each metric's current picture and findings,
    each event's statements and disputes, and every statement with its copies (one that only
    repeats an earlier statement names it under ``repeats``: it is not counted again)."""
    topics: list[dict] = []
    every: list[Statement] = []
    repeats: dict[str, Statement] = {}  # claim id -> the statement it only repeats
    for topic_id, briefing in topic_briefings.items():
        every += briefing.statements
        repeats.update((claim_id, r.origin) for claim_id, r in briefing.repeats.items())
        topics.append({
            "topic": topic_id,
            "metrics": [_metric_analysis(m, briefing) for m in briefing.reported_metrics],
            "events": [{"event": event_id, "statements": [_claim_ids(s) for s in briefing.timeline
                                                          if s.claim.event == event_id]}
                       for event_id in briefing.topic.events
                       if any(s.claim.event == event_id for s in briefing.timeline)],
            "disputes": [{"claim_id": d.claim.claim_id, "disputes": d.disputed.claim_id}
                         for d in briefing.disputes],
        })
    statements = [{"claim_ids": _claim_ids(s), "independent_sources": s.independent_sources,
                   "topic": s.claim.topic, "metric": s.claim.metric, "event": s.claim.event,
                   "actor": s.actor, "as_of": str(s.claim.as_of) if s.claim.as_of else None,
                   "reported_on": None if s.claim.as_of or s.reported is None else str(s.reported),
                   "stated_on": str(s.known_on) if s.known_on else None,
                   "hedges": list(s.hedges),
                   "repeats": _claim_ids(repeats[s.claim_id]) if s.claim_id in repeats else None}
                  for s in every]
    return _json({"topics": topics, "statements": statements})


Maker = Callable[[Archive, ClaimRows, Mapping[str, TopicBriefing]], bytes]

DATA_FILES: dict[str, Maker] = {
    "data/claims.csv": claims_csv,
    "data/claims.json": claims_json,
    "data/articles.json": articles_json,
    "data/analysis.json": analysis_json,
}
README_PATH = "data/LISEZMOI.txt"


def topic_csv(topic_id: str, archive: Archive, rows: ClaimRows,
              topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    """One topic's claims, in the same format and columns as the whole archive's."""
    rows = rows
    return _csv_file([rows.csv_lines[i] for i in rows.by_topic.get(topic_id, ())])


def topic_json(topic_id: str, archive: Archive, rows: ClaimRows,
               topic_briefings: Mapping[str, TopicBriefing]) -> bytes:
    rows = rows
    return _json_list([rows.json_items[i] for i in rows.by_topic.get(topic_id, ())])


def topic_files(archive: Registries, topic_id: str) -> tuple[str, str]:
    """A topic's CSV and JSON, at its French slug."""
    slug = archive.topics[topic_id].slug or topic_id
    return topic_data_path(slug, "csv"), topic_data_path(slug, "json")


def readme(archive: Archive, rows: ClaimRows,
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


def data_batches(archive: Registries) -> dict[str, str]:
    """The data files cut from one serialisation of the claim rows (ClaimRows), by format:
    best made together."""
    batches = {"data/claims.csv": "claims csv", "data/claims.json": "claims json"}
    for topic_id in archive.topics:
        csv_path, json_path = topic_files(archive, topic_id)
        batches.update({csv_path: "claims csv", json_path: "claims json"})
    return batches


def data_files(archive: Archive, analysis: Analysis) -> dict[str, bytes]:
    rows = claim_rows(archive, analysis.ledger)
    return {path: make(archive, rows, analysis.briefings)
            for path, make in data_makers(archive).items()}


SCHEMA_PATH = "schema/article.schema.json"


def article_schema() -> bytes:
    """JSON Schema of the article frontmatter, for editors (yaml-language-server) and tools."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **ArticleFrontmatter.model_json_schema()}
    schema["title"] = "Article frontmatter (briefing-archive)"
    return _json(schema, indent=1)
