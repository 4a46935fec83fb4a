"""Hostile text under the size cap is read in linear time (issue 21, point 4).

A contributor controls every character of an article's body: an expression that
backtracks on it turns a 1 MiB file into minutes of `briefing check` (``<[^>]+>`` on
``<<<<…``: more than two minutes before). The bounds below are a safety net, far above
what a linear reading takes, in CPU seconds; bench/hostile.py gives the measured times.
"""

from __future__ import annotations

import re
import resource
import time

import pytest
from helpers import article_text, briefing_process, make_project, mkdocs_build_process
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.derive.words import without_tags, words
from generator.read.lint import heading_text
from generator.read.sources import MAX_ARTICLE_BYTES

pytestmark = pytest.mark.build  # every test here starts a build or a command

FRONT = """id: {id}
title: "Texte hostile"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]
"""
BODY_BYTES = MAX_ARTICLE_BYTES - 400  # what the frontmatter leaves under the cap


def fill(unit: str, size: int = BODY_BYTES) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Repeated openings that never close: what made the tag and heading expressions backtrack.
PAYLOADS = {
    "lt": fill("<"),
    "comment": fill("<!--"),
    "anchor": fill("<a"),
    "star": fill("*"),
    "underscore": fill("_"),
    "nested-emphasis": fill("*a _b "),
    "nested-quotes": fill("> "),
    "bracket": fill("["),
    "nested-brackets": fill("[a "),
    "heading-spaces": "# a" + fill(" ", BODY_BYTES - 4) + "b",
    "heading-hashes": "# a" + fill("#", BODY_BYTES - 4) + "b",
}
BOUND = 60  # CPU seconds per command: hours before (a heading of spaces), seconds now


def timed(call):
    """What ``call`` returns and the CPU seconds it took in this process."""
    start = time.process_time()
    result = call()
    return result, time.process_time() - start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_timed(call):
    """What ``call`` returns and the CPU seconds its processes took: on a shared machine,
    wall time measures the neighbours."""
    start = children_cpu()
    result = call()
    return result, children_cpu() - start


def test_words_of_a_mebibyte_of_open_tags_in_linear_time():
    for unit in ("<", "<!--", "<a", "<\n"):
        found, seconds = timed(lambda: words(fill(unit)))
        assert seconds < 5, (unit, seconds)
    assert words("x <b>gras</b> <<a href='y'>lien</a> 3 < 4 et 5 > 6") == \
        ["x", "gras", "lien", "3", "6"]  # as before: "< 4 et 5 >" reads as a tag


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>a \n", max_size=30))
def test_tags_are_removed_as_the_expression_would(text):
    assert without_tags(text) == re.sub(r"<[^>]+>", " ", text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="# \u00a0\tx", max_size=16))
def test_heading_text_is_what_the_heading_expression_captures(line):
    match = re.match(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$", line)
    assert heading_text(line) == (match["text"] if match else None)


def test_a_heading_line_of_spaces_or_hashes_in_linear_time():
    for line in (PAYLOADS["heading-spaces"], PAYLOADS["heading-hashes"]):
        text, seconds = timed(lambda: heading_text(line))
        assert text is not None and seconds < 1


@pytest.mark.slow(cost=120)  # the longest test of all: started first (tests/conftest.py)
def test_check_and_build_a_mebibyte_of_each_hostile_text(tmp_path):
    articles = {f"{name}.md": article_text(FRONT.format(id=name), body)
                for name, body in PAYLOADS.items()}
    assert all(len(text.encode()) <= MAX_ARTICLE_BYTES for text in articles.values())
    project = make_project(tmp_path, articles)
    result, seconds = cpu_timed(lambda: briefing_process(["check"], project))
    assert result.returncode == 0, result.stderr
    assert seconds < BOUND, seconds
    result, seconds = cpu_timed(lambda: mkdocs_build_process(project, tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert seconds < 2 * BOUND, seconds
    page = (tmp_path / "site" / "articles" / "lt.html").read_text(encoding="utf-8")
    assert "&lt;&lt;&lt;&lt;" in page  # shown as text


OLD_TYPOGRAPHY = {  # the expressions French typography had: quadratic on runs of spaces or "<"
    "_BEFORE_COLON": (r" +(?=:(?:\s|$|<|»|\)))", "\u00a0"),
    "_BEFORE_MARK": (r" +(?=[;!?](?:\s|$|<|»|\)))", "\u202f"),
}
OLD_CLOSING = r"[ \u00a0\u202f]*»"  # and its replacement, "\u202f»" (now typography._before_closing)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \u00a0:;!?»«<>a", max_size=30))
def test_french_spacing_is_what_the_old_expressions_gave(text):
    from generator.render import typography

    for name, (old, replacement) in OLD_TYPOGRAPHY.items():
        assert getattr(typography, name).sub(replacement, text) == re.sub(old, replacement, text)
    assert typography._before_closing(text) == re.sub(OLD_CLOSING, "\u202f»", text)


# The expressions as they were before each started with the character it acts on (faster
# scans, same matches).
SLOWER_TYPOGRAPHY = {
    "_BEFORE_COLON": r"(?<! ) +(?=:(?:\s|$|<|»|\)))",
    "_BEFORE_MARK": r"(?<! ) +(?=[;!?](?:\s|$|<|»|\)))",
    "_DIGIT_GROUPS": r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])",
    "_NUMBER_THEN_WORD": r"(?<=\d) (?=[^\W\d_]|%|€|\$)",
    "_APOSTROPHE": r"(?<=\w)(?:'|&#39;|&#x27;)(?=\w)",
}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "\u00a0", "\u202f", ":", ";", "!", "?", "»", "<", ")", "a",
                                 "é", "_", "1", "0", "٣", ".", ",", "%", "€", "$", "'", "&#39;",
                                 "&#x27;", "000", "\n"]), max_size=30).map("".join))
def test_french_typography_matches_what_the_slower_expressions_matched(text):
    from generator.render import typography

    for name, old in SLOWER_TYPOGRAPHY.items():
        assert getattr(typography, name).sub("X", text) == re.sub(old, "X", text), name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/a codeCODE", max_size=40))
def test_code_spans_are_found_as_the_old_expression_found_them(text):
    from generator.render.typography import _skipped

    old = re.compile(r"<(code|pre|script|style|textarea)\b.*?</\1>", re.S | re.I)
    assert _skipped(text) == [m.span() for m in old.finditer(text)]


def test_french_typography_of_a_mebibyte_of_spaces_or_open_tags_in_linear_time():
    from generator.render.typography import french_html

    for text in (f"<p>a{fill(' ')}b</p>", fill("<"), fill("<code"), fill(" :") + "»", fill("1"),
                 fill("1 000 "), fill("l'")):
        _, seconds = timed(lambda: french_html(text))
        assert seconds < 5, (text[:10], seconds)


# The search's expressions before they opened with a look-ahead at their first characters
# (a faster scan, the same matches).
SLOWER_MARKUP = r"!?\[([^\[\]]*)\]\([^()]*\)|<[^<>]+>|[*_`#>|~]+|^\s*[-+]\s+|\{[^{}]*\}"
SLOWER_TOKEN = r"[^\W\d_]+|(?<!\d)\d{1,3}(?:[ \u00a0\u202f\u2009.]\d{3})+(?!\d)|\d+(?:[.,]\d+)*"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\t", "\r", "\u00a0", "\u202f", "\u2009", "-", "+", "*",
                                 "_", "`", "#", ">", "|", "~", "<", "[", "]", "(", ")", "{", "}",
                                 "!", "a", "é", "٣", "0", "1", ".", ",", "000"]),
                max_size=30).map("".join))
def test_search_text_and_words_are_what_the_slower_expressions_gave(text):
    from generator.derive import search, words

    assert (search._MARKUP.sub(search._unmarked, text)
            == re.sub(SLOWER_MARKUP, search._unmarked, text, flags=re.M))
    assert words._TOKEN.findall(text) == re.findall(SLOWER_TOKEN, text)
