"""Topic pages: each topic's briefing, its paginated articles and ledger, its charts; and
the index of topics."""

from __future__ import annotations

import calendar
from datetime import date
from functools import partial
from types import ModuleType
from typing import TYPE_CHECKING

from ...derive.briefing import TopicBriefing
from ...derive.groupings import newest_date
from ...derive.ledger import Statement
from ...model import Archive
from ..paths import TOPICS_INDEX, old_chart_path, share_image_path, topic_list_path
from .base import RECENT, Planned, Site, newest_first

if TYPE_CHECKING:
    from .. import charts

CHART_POINTS = 120  # beyond this many points, a series is drawn as monthly means


def _charts() -> ModuleType:
    """The chart module, imported when a chart is planned or shown: matplotlib takes about a
    second to import, which a rebuild that reuses its plan (publish/site_plan.py) does not need."""
    from .. import charts
    return charts


class TopicPages(Site):
    """Each topic's page and lists, its charts, and the index of topics."""

    def topic(self, topic_id: str) -> list[Planned]:
        path = self.topic_path(topic_id)
        topic = self.archive.topics[topic_id]
        slug = topic.slug or topic_id
        newest_statements = newest_first(self.briefings[topic_id].statements)
        return [Planned(path, topic.title, partial(self._topic_page, topic_id)),
                *self.listing(topic_list_path(slug, "articles"), f"{topic.title} : articles",
                              self.topic_articles[topic_id], "articles", back=path,
                              back_label=f"retour au sujet «\u00a0{topic.title}\u00a0»"),
                *self.listing(topic_list_path(slug, "registre"),
                              f"{topic.title} : registre des affirmations", newest_statements,
                              "ledger", back=path, back_label=f"retour au sujet «\u00a0{topic.title}\u00a0»")]

    def _topic_page(self, topic_id: str) -> str:
        path = self.topic_path(topic_id)
        briefing = self.briefings[topic_id]
        slug = briefing.topic.slug or topic_id
        return self.render("topic.html", path, topic=briefing.topic, briefing=briefing,
                           articles=self.topic_articles[topic_id], recent=RECENT,
                           narrow_chart=_charts().NARROW.suffix,
                           newest_statements=newest_first(briefing.statements)[:RECENT],
                           articles_path=topic_list_path(slug, "articles"),
                           ledger_path=topic_list_path(slug, "registre"),
                           share_image=share_image_path(slug) if any(
                               metric.charted for metric in briefing.metrics) else None,
                           updated=newest_date(self.topic_articles[topic_id]))

    def topics_index(self) -> Planned:
        return self.plan("topics_index.html", TOPICS_INDEX, "Sujets",
                         topic_articles=self.topic_articles)

    def charts(self, briefing: TopicBriefing) -> list[Planned]:
        planned = []
        for metric in briefing.metrics:
            if metric.charted:
                definition = briefing.topic.metrics[metric.metric_id]
                drawn = (_series(metric.statements, self.archive), definition.unit,
                         f"{definition.label} : {briefing.topic.title}")
                for layout in _charts().LAYOUTS:
                    make = partial(_charts().metric_chart, *drawn, layout)
                    path = self.chart_path(briefing.topic.id, metric.metric_id, layout.suffix)
                    # The same chart at the address it had before its name was French.
                    old = old_chart_path(briefing.topic.id, metric.metric_id, layout.suffix)
                    planned += [Planned(p, "", make, repr((drawn, layout)))
                                for p in dict.fromkeys((path, old))]
        first = next((metric for metric in briefing.metrics if metric.charted), None)
        if first is not None:  # the topic's first chart, drawn once more for link previews
            definition = briefing.topic.metrics[first.metric_id]
            drawn = (_series(first.statements, self.archive), definition.unit,
                     f"{definition.label} : {briefing.topic.title}")
            planned.append(Planned(share_image_path(briefing.topic.slug or briefing.topic.id), "",
                                   partial(_charts().metric_chart, *drawn, _charts().SHARE,
                                           raster=True), repr((drawn, "share"))))
        return planned


    def old_chart_paths(self) -> list[str]:
        """The copies charts() plans at the charts' addresses before they had French names."""
        return [old for briefing in self.briefings.values() for metric in briefing.metrics
                if metric.charted for layout in _charts().LAYOUTS
                for old in [old_chart_path(briefing.topic.id, metric.metric_id, layout.suffix)]
                if old != self.chart_path(briefing.topic.id, metric.metric_id, layout.suffix)]


def _series(statements: tuple[Statement, ...], archive: Archive) -> list[charts.Series]:
    """Each actor's dated figures, at their period (undated statements are not drawn)."""
    by_actor: dict[str, list[charts.Point]] = {}
    for statement in statements:
        when = statement.when
        if when is None:
            continue
        claim = statement.claim
        low, high = (claim.low, claim.high) if claim.qualifier == "range" else (claim.value,) * 2
        by_actor.setdefault(statement.actor, []).append(
            _charts().Point(when.start, low, high, claim.qualifier, when.end))
    return [_charts().Series(archive.actors[actor].name, _monthly(points)
                             if len(points) > CHART_POINTS else tuple(points))
            for actor, points in by_actor.items()]


def _monthly(points: list[charts.Point]) -> tuple[charts.Point, ...]:
    """One point per month over the whole month, at the mean of its figures (drawn as
    approximate)."""
    months: dict[tuple[int, int], list[float]] = {}
    for point in points:
        months.setdefault((point.when.year, point.when.month), []).append(point.middle)
    return tuple(_charts().Point(date(year, month, 1), round(sum(v) / len(v)), round(sum(v) / len(v)),
                                 "about", date(year, month, calendar.monthrange(year, month)[1]))
                 for (year, month), v in sorted(months.items()))
