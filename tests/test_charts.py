"""Charts a reader can trust: from series to SVG, read back with an XML parser as the marks,
ticks and legend a reader sees; then the topic pages that show them (frozen fixture archive)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from helpers import content, shown

from generator.render.charts import (
    LAYOUTS,
    MARKER_PT,
    NARROW,
    Point,
    Series,
    draw_chart,
    metric_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
NUMBER = r"-?\d+(?:\.\d+)?"


def day(text: str, qualifier: str = "exact", low: int = 0, high: int | None = None) -> Point:
    start = date.fromisoformat(text)
    return Point(start, low, low if high is None else high, qualifier, start)


def month(year: int, number: int, value: int, qualifier: str = "exact") -> Point:
    last = (date(year + number // 12, number % 12 + 1, 1) - date.resolution)
    return Point(date(year, number, 1), value, value, qualifier, last)


# Every kind of mark, with the collisions of the issue: two actors giving the same figure for
# the same month, one actor's two figures on one day, and a figure dated 23 December.
CROWDED = [
    Series("État-major (JCS)", (day("2024-12-23", "at_least", 1000), day("2024-12-23", "about", 1020),
                                month(2025, 3, 4000))),
    Series("Renseignement (NIS)", (month(2024, 12, 1100, "about"), month(2025, 3, 4000),
                                   Point(date(2024, 10, 1), 1000, 3000, "range", date(2024, 10, 31)),
                                   month(2025, 1, 500, "at_most"))),
    Series("Budget en US$ (5$)", (day("2025-03-10", "exact", 4000), day("2025-03-10", "exact", 4000))),
]


@dataclass(frozen=True)
class Mark:
    kind: str
    series: int
    x: float
    low: float   # SVG y grows downwards: low is the larger number
    high: float
    color: str


def parse(series: list[Series], layout=LAYOUTS[0]) -> ElementTree.Element:
    return ElementTree.fromstring(metric_chart(series, "militaires", "Tués : Pertes", layout))


def groups(root: ElementTree.Element, prefix: str) -> dict[str, ElementTree.Element]:
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith(prefix)}


def segments(path: ElementTree.Element) -> list[tuple[float, float, float, float]]:
    """The straight segments of a path drawn as ``M x y L x y`` pairs."""
    found = re.findall(rf"M ({NUMBER}) ({NUMBER})\s+L ({NUMBER}) ({NUMBER})", path.get("d"))
    return [tuple(map(float, segment)) for segment in found]


def color(element: ElementTree.Element) -> str:
    return re.search(r"(?:fill|stroke): (#[0-9a-f]{6})", element.get("style")).group(1)


def marks(root: ElementTree.Element) -> list[Mark]:
    found = []
    for gid, group in groups(root, "mark-").items():
        kind, series = gid.split("-")[1], int(gid.split("-")[2])
        if kind == "range":
            path = group.find(f"{SVG}path")
            found += [Mark(kind, series, x1, y1, y2, color(path)) for x1, y1, _, y2 in segments(path)]
        else:
            found += [Mark(kind, series, float(use.get("x")), float(use.get("y")),
                           float(use.get("y")), color(use)) for use in group.iter(f"{SVG}use")]
    return found


def month_ticks(root: ElementTree.Element) -> list[float]:
    """x of the axis's tick marks (month names, between them, have no mark)."""
    return sorted(float(use.get("x")) for gid, group in groups(root, "xtick_").items()
                  for use in group.iter(f"{SVG}use"))


def month_labels(root: ElementTree.Element) -> list[tuple[float, str]]:
    labels = []
    for group in groups(root, "xtick_").values():
        texts = list(group.iter(f"{SVG}text"))
        if texts:
            x = float(texts[0].get("x") or re.search(NUMBER, texts[0].get("transform")).group())
            labels.append((x, texts[0].text))
    return sorted(labels)


def y_ticks(root: ElementTree.Element) -> list[tuple[int, float]]:
    """(value, y) of each labelled y tick."""
    ticks = []
    for group in groups(root, "ytick_").values():
        (use,) = group.iter(f"{SVG}use")
        ticks.append((int(re.sub(r"\D", "", "".join(group.find(f".//{SVG}text").itertext()))),
                      float(use.get("y"))))
    return sorted(ticks)


def def_path(root: ElementTree.Element, use: ElementTree.Element) -> str:
    target = use.get(XLINK).lstrip("#")
    return next(p.get("d") for p in root.iter(f"{SVG}path") if p.get("id") == target)


@pytest.fixture(scope="module", params=LAYOUTS, ids=lambda layout: layout.suffix or "large")
def crowded(request) -> ElementTree.Element:
    return parse(CROWDED, request.param)


def test_one_mark_per_statement_of_its_kind(crowded):
    drawn = marks(crowded)
    expected = [(index, point) for index, line in enumerate(CROWDED) for point in line.points]
    assert len(drawn) == len(expected)
    kinds = {"exact": "point", "about": "point", "at_least": "at_least", "at_most": "at_most",
             "range": "range"}
    for index in range(len(CROWDED)):
        assert (sorted(m.kind for m in drawn if m.series == index)
                == sorted(kinds[p.qualifier] for p in CROWDED[index].points))


def test_no_mark_covers_another(crowded):
    clear = MARKER_PT - 0.5
    for a, b in itertools.combinations(marks(crowded), 2):
        apart = abs(a.x - b.x) >= clear or a.high - b.low >= clear or b.high - a.low >= clear
        assert apart, (a, b)


def test_the_legend_shows_the_marks_drawn_and_each_actor_colour(crowded):
    drawn = marks(crowded)
    legend = groups(crowded, "legend-")
    kinds = {gid.removeprefix("legend-") for gid in legend if not gid.startswith("legend-actor")}
    assert kinds == {m.kind for m in drawn} | {"span"}
    for kind in ("point", "at_least", "at_most"):
        (shown,) = legend[f"legend-{kind}"].iter(f"{SVG}use")
        mark = next(iter(groups(crowded, f"mark-{kind}-").values()))
        assert def_path(crowded, shown) == def_path(crowded, next(mark.iter(f"{SVG}use")))
    for index in range(len(CROWDED)):
        swatch = legend[f"legend-actor-{index}"].find(f"{SVG}path")
        assert {m.color for m in drawn if m.series == index} == {color(swatch)}
    texts = [" ".join(t.itertext()) for t in crowded.iter(f"{SVG}text")]
    assert any("US$ (5$)" in text for text in texts)  # a name with "$" stays text


def test_the_legend_has_no_kind_the_chart_does_not_draw():
    root = parse([Series("A", (day("2025-01-05", "exact", 10), day("2025-02-05", "exact", 20)))])
    assert set(groups(root, "legend-")) == {"legend-actor-0", "legend-point"}


def test_the_y_axis_ends_on_a_tick_at_or_above_every_figure(crowded):
    ticks = y_ticks(crowded)
    top_value, top_y = ticks[-1]
    assert ticks[0][0] == 0 and top_value >= 4000
    assert all(mark.high >= top_y - 0.01 for mark in marks(crowded))


@pytest.mark.parametrize("largest", [4000, 4100, 12000, 7])
def test_the_top_tick_is_the_first_round_value_at_or_above_the_largest(largest):
    root = parse([Series("A", (day("2025-01-05", "exact", 1), day("2025-02-05", "exact", largest)))])
    values = [value for value, _ in y_ticks(root)]
    step = values[1] - values[0]
    assert values[-1] >= largest > values[-1] - step


def test_a_tick_at_each_month_boundary_and_each_day_in_its_month(crowded):
    ticks = month_ticks(crowded)  # 1 Oct 2024 .. 1 Apr 2025
    assert len(ticks) == 7
    widths = [b - a for a, b in zip(ticks, ticks[1:])]
    assert max(widths) / min(widths) < 31 / 28 + 0.01
    december_23 = next(m for m in marks(crowded) if m.kind == "at_least")
    assert ticks[2] < december_23.x < ticks[3]
    labels = month_labels(crowded)
    months = [next(i for i in range(len(ticks) - 1) if ticks[i] < x < ticks[i + 1])
              for x, _ in labels]  # each name between two ticks, one name a month at most
    assert months == sorted(set(months))
    assert labels[0][1] == "oct." and "déc." in [label for _, label in labels]


def test_a_month_figure_is_drawn_over_its_whole_month(crowded):
    ticks = month_ticks(crowded)
    spans = [s for g in groups(crowded, "span-").values() for p in g.iter(f"{SVG}path")
             for s in segments(p)]
    # NIS: October (range), December, January, March; JCS: March.
    assert len(spans) == 5
    for x1, y1, x2, y2 in spans:
        assert y1 == y2
        start = min(ticks, key=lambda tick: abs(tick - x1))
        assert abs(start - x1) < 0.01 and abs(ticks[ticks.index(start) + 1] - x2) < 0.01
    # Four figures for March, set side by side: near their month, if wider than it.
    near = MARKER_PT * 2.5
    march = [m for m in marks(crowded) if m.kind == "point" and m.x > ticks[5] - near]
    assert len(march) == 4 and all(m.x < ticks[6] + near for m in march)


def test_many_months_keep_a_tick_each_and_fewer_names():
    points = tuple(month(2023 + (m - 1) // 12, (m - 1) % 12 + 1, m * 10) for m in range(1, 37))
    root = parse([Series("A", points)], NARROW)
    assert len(month_ticks(root)) == 37
    names = [(x, text) for x, text in month_labels(root) if text]
    assert 3 <= len(names) < 12
    assert min(b[0] - a[0] for a, b in zip(names, names[1:])) > 30  # points: no name on another


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.suffix or "large")
def test_a_long_legend_stays_inside_the_chart(layout):
    names = [f"Service de renseignement numéro {n} d'un pays allié de l'Ukraine" for n in range(12)]
    root = parse([Series(name, (day("2025-01-05", "exact", 10 * n + 10),))
                  for n, name in enumerate(names)], layout)
    height = float(root.get("viewBox").split()[3])
    legend = [t for g in groups(root, "legend_").values() for t in g.iter(f"{SVG}text")]
    assert len(legend) >= 12 * 2  # every name, wrapped
    for text in legend:
        y = float(text.get("y") or re.findall(NUMBER, text.get("transform"))[1])
        assert 0 < y < height


def test_charts_are_byte_identical_from_one_build_to_the_next():
    """Two drawings, not the process's memo of one (metric_chart draws a chart once)."""
    first = draw_chart(CROWDED, "u", "d")
    assert draw_chart(CROWDED, "u", "d") == first
    assert metric_chart(CROWDED, "u", "d") == first


def topic_page(site, slug):
    return content(site / "sujets" / f"{slug}.html")


def test_a_metric_with_one_statement_gets_a_sentence_not_a_chart(fixture_site):
    page = topic_page(fixture_site, "pertes")
    assert page.select("figure#graphique-killed_or_wounded")
    assert not page.select("figure#graphique-killed")
    sentence = page.select_one("p#graphique-killed").get_text(" ", strip=True)
    assert " ".join(sentence.split()) == shown(
        "Tués : un seul chiffre daté pour l'instant, environ 300 militaires selon le "
        "renseignement sud-coréen (NIS) (décembre 2024) ; pas de graphique d'évolution.")
    troops = topic_page(fixture_site, "troupes")
    assert [f["id"] for f in troops.select("figure.ba-chart")] == ["graphique-deployed"]
    assert len(troops.select("p.ba-chart-none")) == 2


@pytest.mark.parametrize("slug", ["pertes", "troupes", "armement"])
def test_one_short_caption_per_page_and_both_charts_published(fixture_site, slug):
    page = topic_page(fixture_site, slug)
    assert len(page.select("p.ba-chart-note")) == 1
    captions = [c.get_text(strip=True) for c in page.select("figure.ba-chart figcaption")]
    assert captions and len(set(captions)) == len(captions)
    assert all(len(caption) < 100 and "▲" not in caption for caption in captions)
    for figure in page.select("figure.ba-chart"):
        (source,) = figure.select("picture source[media]")
        for address in (source["srcset"], figure.select_one("img")["src"]):
            assert ElementTree.parse(fixture_site / "sujets" / address).getroot().tag == f"{SVG}svg"


def smallest_text_px(svg_path, shown_width: float) -> float:
    """The smallest text of an SVG drawn ``shown_width`` CSS pixels wide, in CSS pixels."""
    root = ElementTree.parse(svg_path).getroot()
    scale = shown_width / float(root.get("viewBox").split()[2])
    sizes = [float(re.search(rf"font-size: ({NUMBER})px", text.get("style")).group(1))
             for text in root.iter(f"{SVG}text")]
    assert sizes
    return min(sizes) * scale


@pytest.mark.parametrize("width", [300, 360, 601, 1280])
def test_chart_text_is_readable_or_the_chart_gives_way_to_its_table(fixture_visit, fixture_site,
                                                                     width):
    visit = fixture_visit
    visit.page.set_viewport_size({"width": width, "height": 900})
    for slug in ("pertes", "troupes", "armement"):
        visit.open(f"sujets/{slug}.html")
        figures = visit.page.locator("figure.ba-chart")
        assert figures.count() >= 1
        for index in range(figures.count()):
            figure = figures.nth(index)
            assert figure.locator("xpath=following-sibling::*[1]/descendant-or-self::table").is_visible()
            if not figure.is_visible():
                continue
            image = figure.locator("img")
            image.scroll_into_view_if_needed()
            visit.page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                                         arg=image.element_handle())
            source, shown = image.evaluate(
                "img => [img.currentSrc, img.getBoundingClientRect().width]")
            path = fixture_site / unquote(source.removeprefix(visit.base))
            assert smallest_text_px(path, shown) >= 11, (slug, source, shown)
    visit.assert_clean()
