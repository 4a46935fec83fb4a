"""The hand-written pages (docs/*.md): no line of running text read as a list item by
accident (a wrapped line that starts with « + », « - » or « * » opens a new bullet)."""

from __future__ import annotations

import re

from helpers import REPO

MARKER = re.compile(r"^(\s*)[-+*]\s")


def accidental_items(text: str) -> list[tuple[int, str]]:
    """Lines that open a list item in the middle of running text: the marker stands where the
    text before it goes on (the column of a wrapped line, or of an item's words), so the line
    was meant to continue it. A new item stands left of its list's wrapped lines; a nested
    list is indented further (four spaces, as Python-Markdown wants)."""
    found, fenced, previous = [], False, ""
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        marker = MARKER.match(line)
        if not fenced and marker and previous.strip() and not previous.lstrip().startswith(
                ("|", "#", ">", "<", "!!!")):
            item = MARKER.match(previous)
            flow = item.end() if item else len(previous) - len(previous.lstrip())
            if len(marker.group(1)) == flow:
                found.append((number, line))
        previous = "" if fenced else line
    return found


def test_the_check_finds_a_wrapped_plus_and_keeps_real_lists():
    text = ("- un total (premier contingent\n  + renforts) : jamais moins\n- un autre\n  suite\n"
            "- un dernier\n    - imbriqué\n\nTexte\n- coupé\n")
    assert accidental_items(text) == [(2, "  + renforts) : jamais moins"), (9, "- coupé")]


def test_no_hand_written_page_has_a_list_item_by_accident():
    for page in sorted((REPO / "docs").rglob("*.md")):
        assert accidental_items(page.read_text(encoding="utf-8")) == [], page.name
