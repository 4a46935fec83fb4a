"""Static SVG charts drawn at build time: no JavaScript, no CDN, readable offline.

One chart per figure: a series per actor over time, one mark per statement. The mark
tells the qualifier (● exact or about, ▲ at least, ▼ at most, a vertical bar for a range)
and a horizontal bar the month or period a figure holds for; the legend shows exactly
these marks. Marks that would cover one another are set side by side. The x axis has a
tick at every month boundary, the month's name between its two ticks; the y axis ends on
a tick above the largest figure. Each chart is drawn twice: wide, and narrow for phones,
where its text keeps the same size in points. Output is byte-identical across builds
(fixed hash salt, no date metadata).
"""

from __future__ import annotations

import calendar
import io
import math
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib
from matplotlib.dates import MonthLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator
from matplotlib.transforms import offset_copy

from .format import number_fr, short_month_fr

FONT_PT = 9  # 12 CSS px at the chart's natural size (SVG sizes are in points)
MARKER_PT = 7
_STYLE = {
    "svg.hashsalt": "briefing-archive",
    "svg.fonttype": "none",
    "font.size": FONT_PT,
    "text.parse_math": False,  # an actor's name with "$" is text, not a formula
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# Mark kinds, in legend order: the marker and what it means.
KINDS = {
    "point": ("o", "chiffre exact ou environ"),
    "at_least": ("^", "au moins, plus de"),
    "at_most": ("v", "au plus"),
    "range": ("|", "fourchette (de… à…)"),
    "span": ("_", "valable pour le mois ou la période"),
}
_KIND_OF = {"at_least": "at_least", "more_than": "at_least", "at_most": "at_most",
            "range": "range"}
_GREY = "0.3"


@dataclass(frozen=True)
class Point:
    """A figure over its period (``when`` to ``until``, both included; the same day for a
    dated day)."""

    when: date
    low: int
    high: int
    qualifier: str | None
    until: date

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    @property
    def kind(self) -> str:
        return _KIND_OF.get(self.qualifier or "exact", "point")

    @property
    def x_range(self) -> tuple[float, float]:
        """From the first day's start to the last day's end, in matplotlib's date numbers."""
        return date2num(self.when), date2num(self.until + timedelta(days=1))


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    """A chart's shape: its width (inches), where its legend goes, how many month names
    fit under it."""

    suffix: str          # of the file name: "" for the wide chart
    width: float
    height: float        # without the legend's rows below the plot
    row: float           # height of a legend line below the plot (0: legend at the right)
    legend: str
    wrap: int            # legend label width, in characters
    month_labels: int


WIDE = Layout("", 6.4, 3.2, 0, "outside right upper", 26, 12)
NARROW = Layout("etroit", 3.3, 2.4, 0.19, "outside lower center", 38, 5)
LAYOUTS = (WIDE, NARROW)


def metric_chart(series: list[Series], unit: str, description: str,
                 layout: Layout = WIDE) -> bytes:
    """An SVG chart of the series, with a <title> for assistive technology."""
    with matplotlib.rc_context(_STYLE):
        handles = _legend(series, layout)
        lines = sum(handle.get_label().count("\n") + 1 for handle in handles)
        figure = Figure(figsize=(layout.width, layout.height + layout.row * lines),
                        layout="constrained")
        axes = figure.add_subplot()
        _y_axis(axes, series, unit)
        _x_axis(axes, series, layout)
        for index, line in enumerate(series):
            _spans(axes, line.points, f"C{index % 10}", f"span-{index}")
        legend = figure.legend(handles=handles, loc=layout.legend, frameon=False)
        for drawn, handle in zip(legend.legend_handles, handles):
            drawn.set_gid(handle.get_gid())
        figure.draw_without_rendering()  # the layout fixes where each mark falls
        _marks(figure, axes, series)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg",
                       metadata={"Date": None, "Creator": None, "Title": description})
    return buffer.getvalue().encode("utf-8")


def _legend(series: list[Series], layout: Layout) -> list:
    """A colour swatch per actor, then the marks of the kinds this chart draws."""
    handles: list = [Patch(color=f"C{index % 10}", label=textwrap.fill(line.label, layout.wrap),
                           gid=f"legend-actor-{index}") for index, line in enumerate(series)]
    drawn = {kind for line in series for p in line.points
             for kind in (p.kind, *(("span",) if p.until != p.when else ()))}
    for kind, (marker, label) in KINDS.items():
        if kind in drawn:
            handle = Line2D([], [], color=_GREY, marker=marker, linestyle="none",
                            markersize=MARKER_PT * (1.6 if kind in ("range", "span") else 1),
                            markeredgewidth=2.5 if kind in ("range", "span") else 1,
                            label=textwrap.fill(label, layout.wrap))
            handle.set_gid(f"legend-{kind}")
            handles.append(handle)
    return handles


def _y_axis(axes, series: list[Series], unit: str) -> None:
    """From 0 to a round tick at or above the largest figure."""
    largest = max([p.high for line in series for p in line.points] + [1])
    ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=True)
             .tick_values(0, largest) if t >= 0]
    top = next(t for t in ticks if t >= largest)
    axes.yaxis.set_major_locator(FixedLocator([t for t in ticks if t <= top]))
    axes.set_ylim(0, top * 1.05)  # room for a mark drawn on the top tick
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_fr(int(v))))
    axes.set_ylabel(unit)
    axes.grid(axis="y", alpha=0.3)


def _x_axis(axes, series: list[Series], layout: Layout) -> None:
    """A tick at each month boundary; month names centred between ticks, thinned to fit."""
    first = min(p.when for line in series for p in line.points).replace(day=1)
    last = max(p.until for line in series for p in line.points)
    end = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    months = (end.year - first.year) * 12 + end.month - first.month
    every = max(1, math.ceil(months / layout.month_labels))
    left, right = date2num(first), date2num(end)
    margin = (right - left) * 0.02
    axes.set_xlim(left - margin, right + margin)
    axes.xaxis.set_major_locator(MonthLocator(bymonthday=1))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: ""))
    axes.xaxis.set_minor_locator(FixedLocator(
        [(date2num(day) + date2num(day.replace(day=calendar.monthrange(day.year, day.month)[1])
                                   + timedelta(days=1))) / 2
         for day in _months(first, end)]))

    def label(value, _):
        day = num2date(value).date()
        index = (day.year - first.year) * 12 + day.month - first.month
        if index % every:
            return ""
        return short_month_fr(day).replace(" ", "\n") if index == 0 or day.month <= every \
            else short_month_fr(day).split(" ")[0]

    axes.xaxis.set_minor_formatter(FuncFormatter(label))
    axes.tick_params(axis="x", which="minor", length=0)
    axes.tick_params(axis="x", which="major", length=5)


def _months(first: date, end: date) -> list[date]:
    months, day = [], first
    while day < end:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _spans(axes, points: tuple[Point, ...], color: str, gid: str) -> None:
    """A horizontal bar over each month or period a figure holds for (one path)."""
    xs, ys = [], []
    for p in points:
        if p.until != p.when:
            start, stop = p.x_range
            xs += [start, stop, math.nan]
            ys += [p.middle] * 2 + [math.nan]
    if xs:
        (bar,) = axes.plot(xs, ys, color=color, linewidth=2.5, alpha=0.45,
                           solid_capstyle="butt")
        bar.set_gid(gid)


def _marks(figure, axes, series: list[Series]) -> None:
    """One mark per figure, moved sideways by whole mark widths where it would cover another;
    one path per actor, kind and offset (fast at any size)."""
    groups: dict[tuple[int, str, int], list[Point]] = {}
    for (index, point), slot in _slots(axes, series):
        groups.setdefault((index, point.kind, slot), []).append(point)
    step = MARKER_PT + 1
    for (index, kind, slot), points in sorted(groups.items()):
        color = f"C{index % 10}"
        shifted = offset_copy(axes.transData, figure, x=slot * step, units="points")
        xs = [sum(p.x_range) / 2 for p in points]
        if kind == "range":
            bars = [v for x, p in zip(xs, points) for v in ((x, p.low), (x, p.high), (math.nan,) * 2)]
            (mark,) = axes.plot([x for x, _ in bars], [y for _, y in bars], color=color,
                                linewidth=2.5, solid_capstyle="butt", transform=shifted)
        else:
            (mark,) = axes.plot(xs, [p.middle for p in points], color=color,
                                marker=KINDS[kind][0], markersize=MARKER_PT, linestyle="none",
                                transform=shifted)
        mark.set_gid(f"mark-{kind}-{index}-{slot}")


def _slots(axes, series: list[Series]):
    """Each (series index, point) with the sideways offset, in mark widths, that keeps it
    clear of the marks placed before it (0, then 1, -1, 2, -2…)."""
    size = MARKER_PT * axes.figure.dpi / 72
    marks = sorted(((index, p) for index, line in enumerate(series) for p in line.points),
                   key=lambda item: (sum(item[1].x_range), item[1].low, item[0]))
    placed: dict[int, list[tuple[float, float, float]]] = {}  # column -> (x, low, high)
    for index, point in marks:
        x, low = axes.transData.transform((sum(point.x_range) / 2, point.low))
        _, high = axes.transData.transform((0, point.high))
        low, high = low - size / 2, high + size / 2
        for slot in (0, *(s * sign for s in range(1, 25) for sign in (1, -1))):
            at = x + slot * (size + axes.figure.dpi / 72)
            column = math.floor(at / size)
            if not any(abs(at - px) < size and low < phigh and plow < high
                       for near in (column - 1, column, column + 1)
                       for px, plow, phigh in placed.get(near, ())):
                break
        placed.setdefault(column, []).append((at, low, high))
        yield (index, point), slot

