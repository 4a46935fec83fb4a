"""Contributor Markdown -> HTML that cannot run script or fetch anything remote.

Two layers: markdown-it-py (CommonMark, several times faster than Python-Markdown,
which matters at 10,000 articles) runs with raw HTML switched off (so ``<script>``
shows as text), then nh3 (ammonia) keeps only an allowlist of elements,
attributes and URL schemes. Images are dropped: the site must work offline.
Quoted passages are marked through private-use sentinels placed in the source
before rendering, so the marks follow the text whatever Markdown does with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


class SafeMarkdown:
    """One reusable Markdown parser (a new one per page is needlessly slow)."""

    def __init__(self) -> None:
        # No raw HTML: block-level HTML and inline tags are kept as literal text.
        self._md = MarkdownIt("commonmark", {"html": False})

    def render(self, text: str, highlights: list[Highlight] = ()) -> str:
        """Safe HTML for ``text``, with the highlighted passages in <mark> and anchored."""
        html = clean_html(self._md.render(insert_sentinels(text, list(highlights))).rstrip("\n"))
        return replace_sentinels(html, list(highlights))


def clean_html(html: str) -> str:
    """Keep only the allowlisted structure; strip everything else."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(ALLOWED_URL_SCHEMES), link_rel="noopener noreferrer nofollow",
                     strip_comments=True)



@dataclass(frozen=True)
class Highlight:
    """A passage of the source text to mark, with the anchor id placed at its start."""

    start: int
    end: int
    anchor: str


# Private-use sentinels survive Markdown and nh3 untouched; content may not contain them.
_ANCHOR, _ANCHOR_END, _MARK, _MARK_END = "\ue000", "\ue001", "\ue002", "\ue003"
_BLOCK_PREFIX = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]*)*")


def _past_block_prefix(text: str, position: int) -> int:
    """Move a position that falls inside a line's Markdown prefix ('## ', '- ') past it."""
    line_start = text.rfind("\n", 0, position) + 1
    prefix_end = _BLOCK_PREFIX.match(text, line_start).end()
    return max(position, prefix_end)


def _mark_segments(text: str, highlights: list[Highlight]) -> list[tuple[int, int]]:
    """Union of the highlighted spans, cut at line ends so no mark crosses a block."""
    merged: list[list[int]] = []
    for start, end in sorted((h.start, h.end) for h in highlights):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments = []
    for start, end in merged:
        while start < end:
            line_end = text.find("\n", start, end)
            stop = end if line_end < 0 else line_end
            first = _past_block_prefix(text, start)
            if first < stop:
                segments.append((first, stop))
            start = stop + 1
    return segments


def insert_sentinels(text: str, highlights: list[Highlight]) -> str:
    inserts: list[tuple[int, int, str]] = []
    for index, highlight in enumerate(highlights):
        inserts.append((_past_block_prefix(text, highlight.start), 1,
                        f"{_ANCHOR}{index}{_ANCHOR_END}"))
    for start, end in _mark_segments(text, highlights):
        inserts.append((start, 2, _MARK))
        inserts.append((end, 0, _MARK_END))
    for position, _, marker in sorted(inserts, reverse=True):
        text = text[:position] + marker + text[position:]
    return text


def replace_sentinels(html: str, highlights: list[Highlight]) -> str:
    html = re.sub(f"{_ANCHOR}(\\d+){_ANCHOR_END}",
                  lambda m: f'<span class="ba-anchor" id="{escape(highlights[int(m[1])].anchor)}">'
                            "</span>", html)
    return html.replace(_MARK, '<mark class="ba-quote">').replace(_MARK_END, "</mark>")
