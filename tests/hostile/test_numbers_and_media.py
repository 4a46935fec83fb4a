"""Numbers read whatever space separates their thousands, and no image vanishes without a
word (issue 21, point 6)."""

from __future__ import annotations

import pytest
from helpers import article_text, briefing, make_project

from generator.read.quotes import french_numbers

pytestmark = pytest.mark.build  # every test here starts a build or a command

SPACES = {"no-break": "\u00a0", "narrow no-break": "\u202f", "figure": "\u2007",
          "thin": "\u2009", "punctuation": "\u2008", "hair": "\u200a", "en": "\u2002",
          "plain": " "}


def test_every_space_is_a_thousands_separator():
    for name, space in SPACES.items():
        assert french_numbers(f"environ 11{space}000 soldats") == [11000], name
        assert french_numbers(f"1{space}200{space}000 obus") == [1200000], name


def test_decimals_before_a_multiplier_with_a_comma_or_a_point():
    for text in ("1,5 million", "1.5 million", "1.5\u00a0million", "1,50 million"):
        assert french_numbers(f"environ {text} d'obus") == [1500000], text
    # A point before three digits stays a thousands separator; no multiplier, no decimals.
    assert french_numbers("1.500 soldats et 3.000 autres") == [1500, 3000]
    assert french_numbers("1.5 km") == [1]


FRONT = """id: {id}
title: "Un article"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]
claims:
  - topic: troops
    metric: deployed
    value: {value}
    qualifier: exact
    as_of: 2025-01
    attributed_to: jcs
    quote: "{quote}"
"""


def project_with(tmp_path, value: int, quote: str, body: str = ""):
    text = article_text(FRONT.format(id="a", value=value, quote=quote),
                        f"La Corée du Nord a envoyé {quote} en Russie.\n\n{body}")
    return make_project(tmp_path, {"a.md": text}, keep_articles=False)


def test_check_accepts_the_figure_the_quote_gives(tmp_path):
    for number, (value, quote) in enumerate([(11000, "11\u2007000 soldats"),
                                             (1500000, "1.5 million de soldats"),
                                             (1500000, "1,5 million de soldats")]):
        folder = tmp_path / str(number)
        folder.mkdir()
        result = briefing(["check"], project_with(folder, value, quote))
        assert result.returncode == 0, result.stderr


def test_check_refuses_the_figure_a_figure_space_used_to_split(tmp_path):
    result = briefing(["check"], project_with(tmp_path, 11, "11\u2007000 soldats"))
    assert result.returncode == 1
    assert ("briefings/articles/a.md:11:12: claims[0].value: 11 does not appear in the quote "
            "(hint: numbers in the quote: 11000)") in result.stderr


IMAGE = "Texte.\n\nVoir la carte : ![carte du front](https://exemple.fr/carte.png) ici."
WARNING = ("briefings/articles/a.md:22:17: warning: body: a remote image: the site shows no "
           "image and fetches nothing")


def test_a_remote_image_is_a_located_warning_saying_what_to_do(tmp_path):
    project = project_with(tmp_path, 11000, "11 000 soldats", IMAGE)
    result = briefing(["check"], project)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "remote image" in line)
    assert line.startswith(WARNING) and "[what it shows](address)" in line
    strict = briefing(["check", "--strict"], project)
    assert strict.returncode == 1
    assert WARNING.replace("warning: ", "") in strict.stderr.replace("warning: ", "")
