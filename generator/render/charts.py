"""Static SVG charts drawn at build time: no JavaScript, no CDN, readable offline.

One chart per figure: a series per actor over time. The marker tells the
qualifier (▲ at least, ▼ at most, ● exact or about) and a range is a vertical bar.
Output is byte-identical across builds (fixed hash salt, no date metadata).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date

import matplotlib
from matplotlib.dates import MonthLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .format import number_fr, short_month_fr

_MARKERS = {"exact": "o", "about": "o", "at_least": "^", "more_than": "^", "at_most": "v",
            "range": "_"}
_STYLE = {
    "svg.hashsalt": "briefing-archive",
    "svg.fonttype": "none",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Point:
    """A figure over its period (``when`` to ``until``; the same day for a dated day)."""

    when: date
    low: int
    high: int
    qualifier: str
    until: date

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]


def metric_chart(series: list[Series], unit: str, description: str) -> bytes:
    """An SVG chart of the series, with a <title> and <desc> for assistive technology."""
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.2, 3.4))
        axes = figure.add_subplot()
        for index, line in enumerate(series):
            color = f"C{index % 10}"
            xs = [(date2num(p.when) + date2num(p.until)) / 2 for p in line.points]
            axes.plot(xs, [p.middle for p in line.points], color=color, linewidth=1.2,
                      alpha=0.6, label=line.label)
            spans = [p for p in line.points if p.until != p.when]  # a month or a period
            if spans:
                axes.hlines([p.middle for p in spans], [date2num(p.when) for p in spans],
                            [date2num(p.until) for p in spans], color=color, linewidth=1.5)
            ranged = [(x, p) for x, p in zip(xs, line.points) if p.low != p.high]
            if ranged:
                axes.vlines([x for x, _ in ranged], [p.low for _, p in ranged],
                            [p.high for _, p in ranged], color=color, linewidth=3)
            for qualifier, marker in _MARKERS.items():  # one call per marker: fast at any size
                chosen = [(x, p.middle) for x, p in zip(xs, line.points) if p.qualifier == qualifier]
                if chosen:
                    axes.plot([x for x, _ in chosen], [y for _, y in chosen], marker=marker,
                              color=color, markersize=7, linestyle="none")
        axes.set_ylabel(unit)
        axes.set_ylim(bottom=0)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_fr(int(v))))
        all_x = [date2num(day) for line in series for p in line.points for day in (p.when, p.until)]
        span_months = (max(all_x) - min(all_x)) / 30.4
        axes.xaxis.set_major_locator(MonthLocator(interval=max(1, math.ceil(span_months / 6))))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: short_month_fr(num2date(v).date())))
        axes.set_xlim(min(all_x) - 20, max(all_x) + 20)
        axes.grid(axis="y", alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight",
                       metadata={"Date": None, "Creator": None, "Title": description})
    return buffer.getvalue().encode("utf-8")
