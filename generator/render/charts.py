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
import functools
import io
import math
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Patch
from matplotlib.ticker import (
    FixedFormatter,
    FixedLocator,
    FuncFormatter,
    MaxNLocator,
    NullLocator,
)

from .format import number_fr, short_month_fr

FONT_PT = 9  # 12 CSS px at the chart's natural size (SVG sizes are in points)
MARKER_PT = 7
_STYLE: dict[Any, Any] = {  # rcParams (matplotlib types their names as literals)
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
        return _day(self.when), _day(self.until) + 1

    @property
    def x(self) -> float:
        """Where its mark goes: the middle of its day, month or period."""
        return (_day(self.when) + _day(self.until) + 1) / 2


def _day(day: date) -> float:
    """matplotlib's date number of a day's start (days since its epoch), without its
    per-call conversions."""
    return day.toordinal() - _EPOCH


_EPOCH = date(1970, 1, 1).toordinal() - date2num(date(1970, 1, 1))


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    """A chart's shape, in inches: its width, its plot's height, where its legend goes.
    Margins are set, not measured: one drawing per chart."""

    suffix: str          # of the file name: "" for the wide chart
    width: float
    plot_height: float
    legend_width: float  # at the right of the plot; 0: the legend goes below it
    wrap: int            # legend label width, in characters


WIDE = Layout("", 6.4, 2.6, 2.0, 22)
NARROW = Layout("etroit", 3.2, 1.9, 0, 34)
LAYOUTS = (WIDE, NARROW)
# Link previews (Open Graph, Twitter card) take raster images only, best at 1200 × 630
# pixels: this layout as a PNG of SHARE_PIXELS (wider in inches, so smaller, when its
# legend needs more height than 6 × 630 / 1200 inches).
SHARE = Layout("partage", 6.0, 2.55, 2.0, 22)
SHARE_PIXELS = (1200, 630)
_PAD, _BELOW = 0.1, 0.5  # inches: around the figure; under the plot, for month names
_DIGIT, _Y_LABEL = 0.08, 0.32  # inches: a tick label's character; the unit, ticks and gaps
_LINE, _ENTRY = 0.15, 0.065  # inches: a legend line of text; the space between entries
_MONTH_NAME = 0.5  # inches: room for a month's name ("sept.") and a gap


def metric_chart(series: Sequence[Series], unit: str, description: str,
                 layout: Layout = WIDE, raster: bool = False) -> bytes:
    """An SVG chart of the series, with a <title> for assistive technology; with
    ``raster``, a PNG of SHARE_PIXELS for link previews (``layout`` with its legend beside).
    A small chart is drawn once per process: the bytes depend on these arguments only (fixed
    style and hash salt), and a process that builds again (`mkdocs serve`, the tests) asks for
    the same. A large one is drawn again rather than kept: a 10,000-article build's writers
    are near their memory limit, and draw each chart once anyway."""
    if sum(len(line.points) for line in series) > _KEPT_UP_TO:
        return draw_chart(series, unit, description, layout, raster)
    return _drawn(tuple(series), unit, description, layout, raster)


_KEPT_UP_TO = 200  # points in a chart _drawn keeps (a few kilobytes of SVG)


@functools.lru_cache(maxsize=64)
def _drawn(series: tuple[Series, ...], unit: str, description: str, layout: Layout,
           raster: bool) -> bytes:
    return draw_chart(series, unit, description, layout, raster)


def draw_chart(series: Sequence[Series], unit: str, description: str,
               layout: Layout = WIDE, raster: bool = False) -> bytes:
    """metric_chart's drawing, every time."""
    with matplotlib.rc_context(_STYLE):
        ticks = _y_ticks(series)
        handles = _legend(series, layout)
        lines = sum(handle.get_label().count("\n") + 1 for handle in handles)
        legend_height = _LINE * lines + _ENTRY * len(handles) + _PAD
        left = _Y_LABEL + _DIGIT * max(len(number_fr(t)) for t in ticks)
        width = layout.width
        if layout.legend_width:
            height = max(_PAD + layout.plot_height + _BELOW, legend_height + _PAD)
            if raster:  # the preview's proportions, whatever its legend's height
                width = max(width, height * SHARE_PIXELS[0] / SHARE_PIXELS[1])
                height = width * SHARE_PIXELS[1] / SHARE_PIXELS[0]
            right = width - layout.legend_width - _PAD
            anchor = (right + _PAD) / width, 1 - _PAD / height
        else:
            height = _PAD + layout.plot_height + _BELOW + legend_height
            right = width - 2 * _PAD
            anchor = _PAD / width, legend_height / height
        figure = Figure(figsize=(width, height))
        top = height - _PAD
        plot_height = top - _BELOW if raster else layout.plot_height
        axes = figure.add_axes((left / width, (top - plot_height) / height,
                                (right - left) / width, plot_height / height))
        _y_axis(axes, ticks, unit)
        _x_axis(axes, series, max(1, int((right - left) / _MONTH_NAME)))
        for index, line in enumerate(series):
            _spans(axes, line.points, f"C{index % 10}", f"span-{index}")
        _marks(figure, axes, series)
        legend = figure.legend(handles=handles, loc="upper left", bbox_to_anchor=anchor,
                               borderaxespad=0, frameon=False)
        for drawn, handle in zip(legend.legend_handles, handles):
            if drawn is not None:  # a handle matplotlib could not draw has no legend entry
                drawn.set_gid(handle.get_gid())
        if raster:
            image = io.BytesIO()
            figure.savefig(image, format="png", dpi=SHARE_PIXELS[0] / width,
                           metadata={"Software": None, "Title": description})
            return image.getvalue()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg",
                       metadata={"Date": None, "Creator": None, "Title": description})
    return buffer.getvalue().encode("utf-8")


def _legend(series: Sequence[Series], layout: Layout) -> list:
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


def _y_ticks(series: Sequence[Series]) -> list[int]:
    """Round values from 0 to the first at or above the largest figure."""
    largest = max([p.high for line in series for p in line.points] + [1])
    ticks = [int(t) for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=True)
             .tick_values(0, largest) if t >= 0]
    top = next(t for t in ticks if t >= largest)
    return [t for t in ticks if t <= top]


def _y_axis(axes: Axes, ticks: list[int], unit: str) -> None:
    axes.yaxis.set_major_locator(FixedLocator(ticks))
    axes.set_ylim(0, ticks[-1] * 1.05)  # room for a mark drawn on the top tick
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_fr(int(v))))
    axes.set_ylabel(unit)
    axes.grid(axis="y", alpha=0.3)


def _x_axis(axes: Axes, series: Sequence[Series], names: int) -> None:
    """A tick at each month boundary; month names centred between ticks, thinned to fit.

    The boundary ticks are one line of tick marks rather than a matplotlib tick each, and
    only named months get a (minor, markless) tick: over years of months, tick objects were
    the larger part of drawing a chart."""
    first = min(p.when for line in series for p in line.points).replace(day=1)
    last = max(p.until for line in series for p in line.points)
    end = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    months = _months(first, end)
    every = max(1, math.ceil(len(months) / names))
    left, right = _day(first), _day(end)
    margin = (right - left) * 0.02
    axes.set_xlim(left - margin, right + margin)
    axes.xaxis.set_major_locator(NullLocator())
    boundaries = [_day(day) for day in (*months, end)]
    ticks = _line(axes, boundaries, [0] * len(boundaries), linestyle="none", marker=TICKDOWN,
                         markersize=5, markeredgewidth=matplotlib.rcParams["xtick.major.width"],
                         color=matplotlib.rcParams["xtick.color"],
                         transform=axes.get_xaxis_transform(), clip_on=False)
    ticks.set_gid("xtick_months")
    named = [(index, day) for index, day in enumerate(months) if index % every == 0]
    axes.xaxis.set_minor_locator(FixedLocator([sum(_month_of(_day(day))) / 2
                                               for _, day in named]))
    axes.xaxis.set_minor_formatter(FixedFormatter([
        short_month_fr(day).replace(" ", "\n") if index == 0 or day.month <= every
        else short_month_fr(day).split(" ")[0] for index, day in named]))
    axes.tick_params(axis="x", which="minor", length=0)


def _months(first: date, end: date) -> list[date]:
    months, day = [], first
    while day < end:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _spans(axes: Axes, points: tuple[Point, ...], color: str, gid: str) -> None:
    """A horizontal bar over each month or period a figure holds for (one path)."""
    xs, ys = [], []
    for p in points:
        if p.until != p.when:
            start, stop = p.x_range
            xs += [start, stop, math.nan]
            ys += [p.middle] * 2 + [math.nan]
    if xs:
        bar = _line(axes, xs, ys, color=color, linewidth=2.5, alpha=0.45,
                           solid_capstyle="butt")
        bar.set_gid(gid)


def _marks(figure: Figure, axes: Axes, series: Sequence[Series]) -> None:
    """One mark per figure, moved sideways by whole mark widths where it would cover another;
    one path per actor and kind (fast at any size)."""
    placed = list(_slots(axes, series))
    if not placed:
        return
    # The plot's place and limits are fixed by now: an offset in points is one in data.
    step = (MARKER_PT + 1) * figure.dpi / 72
    xs = np.array([point.x for (_, point), _ in placed])
    shifted = axes.transData.inverted().transform(np.column_stack(
        [_display_x(axes, xs) + step * np.array([slot for _, slot in placed]),
         np.zeros_like(xs)]))[:, 0]
    groups: dict[tuple[int, str], list[tuple[float, Point]]] = {}
    for ((index, point), _), x in zip(placed, shifted):
        groups.setdefault((index, point.kind), []).append((x, point))
    for (index, kind), marks in sorted(groups.items()):
        color = f"C{index % 10}"
        if kind == "range":
            bars = [v for x, p in marks for v in ((x, p.low), (x, p.high), (math.nan,) * 2)]
            mark = _line(axes, [x for x, _ in bars], [y for _, y in bars], color=color,
                                linewidth=2.5, solid_capstyle="butt")
        else:
            mark = _line(axes, [x for x, _ in marks], [p.middle for _, p in marks], color=color,
                                marker=KINDS[kind][0], markersize=MARKER_PT, linestyle="none")
        mark.set_gid(f"mark-{kind}-{index}")


def _line(axes: Axes, xs: Sequence[float], ys: Sequence[float], **style: Any) -> Line2D:
    """What ``axes.plot(xs, ys, **style)`` draws (given a colour, and limits set beforehand:
    the plot's colour cycle and autoscaling have no part), without its handling of every
    other way to call it, which cost as much as the line at a thousand lines per chart."""
    return axes.add_line(Line2D(np.asarray(xs, float), np.asarray(ys, float), **style))


def _display_x(axes: Axes, values: np.ndarray) -> np.ndarray:
    return axes.transData.transform(np.column_stack([values, np.zeros_like(values)]))[:, 0]


def _month_of(x: float) -> tuple[float, float]:
    """The date numbers of the start of the month holding ``x`` and of the next month's."""
    day = date.fromordinal(int(x + _EPOCH))
    last = calendar.monthrange(day.year, day.month)[1]
    return _day(day.replace(day=1)), _day(day.replace(day=last)) + 1


# Sideways offsets tried, in mark widths; past these (nine marks on one spot), marks overlap.
_SLOTS = (0, 1, -1, 2, -2, 3, -3, 4, -4)


def _slots(axes: Axes, series: Sequence[Series]) -> Iterator[tuple[tuple[int, Point], float]]:
    """Each (series index, point) with the sideways offset, in mark widths, that keeps it
    clear of the marks placed before it, found on a grid of mark-sized cells."""
    size = MARKER_PT * axes.figure.dpi / 72
    step = size + axes.figure.dpi / 72
    marks = sorted(((index, p) for index, line in enumerate(series) for p in line.points),
                   key=lambda item: (item[1].x, item[1].low, item[0]))
    if not marks:
        return
    # Python floats, not numpy scalars: the loop below does plain arithmetic on them.
    lows = axes.transData.transform(np.array([(p.x, p.low) for _, p in marks])).tolist()
    highs = axes.transData.transform(np.array([(p.x, p.high) for _, p in marks]))[:, 1].tolist()
    bounds = np.array([_month_of(p.x) for _, p in marks])  # a row per mark: start, end
    months = zip(_display_x(axes, bounds[:, 0]).tolist(), _display_x(axes, bounds[:, 1]).tolist())
    left, right = axes.bbox.x0, axes.bbox.x1
    shifts = [(slot, slot * step) for slot in _SLOTS]
    grid: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
    for (index, point), (x, low), high, (first, end) in zip(marks, lows, highs, months):
        low, high = low - size / 2, high + size / 2
        rows = range(math.floor(low / size), math.floor(high / size) + 1)
        chosen = 0
        # Offsets inside the plot only, those keeping the mark in its month first (a
        # 23 December stays in December), each in _SLOTS order; the others only when
        # none of those is clear.
        elsewhere = []
        for slot, shift in shifts:
            at = x + shift
            if left <= at <= right:
                if not first <= at < end:
                    elsewhere.append((slot, at))
                elif _clear(grid, at, low, high, rows, size):
                    chosen = slot
                    break
        else:
            chosen = next((slot for slot, at in elsewhere
                           if _clear(grid, at, low, high, rows, size)), 0)
        at = x + chosen * step
        for row in rows:
            grid.setdefault((math.floor(at / size), row), []).append((at, low, high))
        yield (index, point), chosen


def _clear(grid: dict[tuple[int, int], list[tuple[float, float, float]]], at: float,
           low: float, high: float, rows: range, size: float) -> bool:
    """Whether a mark at ``at``, from ``low`` to ``high``, covers none placed in ``grid``."""
    column = math.floor(at / size)
    for near in (column - 1, column, column + 1):
        for row in rows:
            for placed_at, placed_low, placed_high in grid.get((near, row), ()):
                if abs(at - placed_at) < size and low < placed_high and placed_low < high:
                    return False
    return True
