"""On a 360 px phone (issue #22, point 3): the site's name is readable, the headline figures
come first on the home page and on each topic page, and no table scrolls sideways. In
Chromium, from the fixture site's offline copy."""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 740}
SCROLLERS = """() => [...document.querySelectorAll(
  '.md-typeset__scrollwrap, .ba-table-box, .md-typeset__table')]
  .filter(box => box.scrollWidth > box.clientWidth + 1).map(box => box.className)"""


@pytest.fixture
def phone(shared_page, fixture_offline_copy):
    with shared_page.use(viewport=PHONE) as page:
        yield page, fixture_offline_copy


def test_the_site_name_is_readable_in_the_header(phone):
    page, site = phone
    page.goto((site / "index.html").as_uri())
    name = page.locator(".md-header__topic .md-ellipsis").first
    box = name.bounding_box()
    assert box["width"] >= 150
    # Not cut: the whole name is drawn (on two lines at most).
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1")


@pytest.mark.parametrize("path", ["index.html", "sujets/troupes.html", "sujets/pertes.html"])
def test_the_headline_figures_come_first(phone, path):
    page, site = phone
    page.goto((site / path).as_uri())
    figure = page.locator(".ba-headline-figures li strong").first.bounding_box()  # the figure
    assert figure["y"] + figure["height"] <= PHONE["height"], figure


def test_no_table_scrolls_sideways(phone):
    page, site = phone
    for path in sorted(site.rglob("*.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        page.goto(path.as_uri())
        assert page.evaluate(SCROLLERS) == [], path.relative_to(site)
