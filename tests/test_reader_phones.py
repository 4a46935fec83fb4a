"""On a 360 px phone (issue #22, point 3): the site's name is readable, the headline figures
come first on the home page and on each topic page, and no table scrolls sideways. In
Chromium, from the fixture site's offline copy."""

from __future__ import annotations

from pathlib import Path

import pytest

PHONE = {"width": 360, "height": 740}
# What each test reads of a page just loaded on the phone: the boxes that scroll sideways, the
# header's site name (its box, and whether all of it is drawn) and the first headline figure's
# box (null where the page has none).
MEASURES = """() => {
  const box = element => {
    if (!element || !element.getClientRects().length) return null;
    const rect = element.getBoundingClientRect();
    return {x: rect.x, y: rect.y, width: rect.width, height: rect.height};
  };
  const name = document.querySelector('.md-header__topic .md-ellipsis');
  return {
    scrollers: [...document.querySelectorAll(
      '.md-typeset__scrollwrap, .ba-table-box, .md-typeset__table')]
      .filter(box => box.scrollWidth > box.clientWidth + 1).map(box => box.className),
    name: box(name),
    name_drawn: !!name && name.scrollWidth <= name.clientWidth
      && name.scrollHeight <= name.clientHeight + 1,
    figure: box(document.querySelector('.ba-headline-figures li strong')),
  };
}"""


@pytest.fixture(scope="module")
def on_phone(shared_page, fixture_offline_copy) -> dict[str, dict]:
    """Every page of the fixture site's offline copy (not the redirects of moved pages), each
    loaded once on the phone and measured at once: the page's path and its MEASURES. The
    tests below read the same load (a load costs Chromium far more than a measure)."""
    measured = {}
    with shared_page.use(viewport=PHONE) as page:
        for path in sorted(fixture_offline_copy.rglob("*.html")):
            if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
                continue
            page.goto(path.as_uri())
            measured[path.relative_to(fixture_offline_copy).as_posix()] = page.evaluate(MEASURES)
    return measured


def test_the_site_name_is_readable_in_the_header(on_phone):
    home = on_phone["index.html"]
    assert home["name"]["width"] >= 150
    # Not cut: the whole name is drawn (on two lines at most).
    assert home["name_drawn"]


@pytest.mark.parametrize("path", ["index.html", "sujets/troupes.html", "sujets/pertes.html"])
def test_the_headline_figures_come_first(on_phone, path):
    figure = on_phone[path]["figure"]  # the figure
    assert figure, f"{path} shows no headline figure"
    assert figure["y"] + figure["height"] <= PHONE["height"], figure


def test_no_table_scrolls_sideways(on_phone):
    assert on_phone
    for path, measures in on_phone.items():
        assert measures["scrollers"] == [], Path(path)
