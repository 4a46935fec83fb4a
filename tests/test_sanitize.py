"""The Markdown renderer's shortcut for link and image labels (render/sanitize.py,
``_LabelEnds``) gives the bytes markdown-it gives without it: on texts of the characters
that make links, images, emphasis and code, and on the hostile runs it is there for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.rules_inline.image import image
from markdown_it.rules_inline.link import link

from generator.render.sanitize import Highlight, SafeMarkdown

GUARDED = SafeMarkdown()
PLAIN = SafeMarkdown()
PLAIN._md.inline.ruler.at("link", link)  # markdown-it's own rules, as before the shortcut
PLAIN._md.inline.ruler.at("image", image)
HOSTILE = ["[", "[a ", "![", "[]", "[a](", "*a _b ", "[`]`", "[<a]", "![[]"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[]()!*_`<>\\: a\n", max_size=40))
def test_links_images_and_emphasis_render_as_without_the_shortcut(text):
    assert GUARDED.render(text) == PLAIN.render(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]()!*_` a\n", min_size=2, max_size=30), st.data())
def test_quoted_passages_render_as_without_the_shortcut(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    highlights = [Highlight(start, end, "claim-x")]
    assert GUARDED.render(text, highlights) == PLAIN.render(text, highlights)


def test_hostile_runs_render_as_without_the_shortcut():
    for unit in HOSTILE:
        text = unit * (1024 // len(unit)) + " fin [lien](https://exemple.fr) ![x](y) [z]"
        assert GUARDED.render(text) == PLAIN.render(text), unit
        assert GUARDED.render(unit * 1000) == PLAIN.render(unit * 1000), unit
