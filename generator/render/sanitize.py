"""Contributor Markdown -> HTML that cannot run script or fetch anything remote.

Two layers: markdown-it-py (CommonMark, several times faster than Python-Markdown,
which matters at 10,000 articles) runs with raw HTML switched off (so ``<script>``
shows as text), then nh3 (ammonia) keeps only an allowlist of elements,
attributes and URL schemes. Images are dropped: the site must work offline.

Quoted passages are marked in the token stream, before sanitising: private-use
sentinels placed in the source before parsing follow the text whatever Markdown does
with it, and each one becomes a token of its own (a ``<mark>`` opening or closing, an
empty anchor element) where it lands in text or code. Where it lands in an attribute (a
link's destination or title, an image's text) it is taken out of it and acts just
before that element. Marks nest in the elements around them (see _Marker), so nothing
inserted can end up inside an attribute or across an element, and nh3 then sees the
whole page, marks included (its allowlist names their classes): nothing is added to
sanitised HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image
from markdown_it.rules_inline.link import link
from markdown_it.token import Token

from .paths import slug

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
})
# Heading ids are the generator's (heading_ids): contributor Markdown writes no attributes.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# What the generator itself adds around quoted passages (contributor Markdown cannot
# produce these elements: raw HTML is off).
MARK_CLASS, ANCHOR_CLASS = "ba-quote", "ba-anchor"
_MARKUP_TAGS = ALLOWED_TAGS | {"mark", "span"}
_MARKUP_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "span": {"id"}}
_MARKUP_CLASSES = {"mark": {MARK_CLASS}, "span": {ANCHOR_CLASS}}


class _SentinelLinks(MarkdownIt):
    """A sentinel in a link's destination is percent-encoded before the host name is
    (punycode would turn it into letters): it can then be found and taken out."""

    def normalizeLink(self, url: str) -> str:
        return super().normalizeLink(url.translate(_ENCODE_SENTINELS))


InlineRule = Callable[[StateInline, bool], bool]


class _LabelEnds:
    """The link and image rules, answering "no" at once where no ``]`` follows the ``[``.

    markdown-it looks for a link's label end from each ``[`` (parseLinkLabel): linear, but
    about 40 µs a character on a run of ``[`` with no ``]`` after it (10 s for a mebibyte,
    tests/hostile/test_linear_time.py). Without a ``]`` after it, that search fails whatever
    it meets, so the rule fails as it would, with the same tokens; only markdown-it's memo of
    skipped tokens is left unfilled past that ``[``, where every later search fails too."""

    def __init__(self) -> None:
        self._last: tuple[str, int] = ("", -1)  # a text, and where its last "]" is

    def last_close(self, src: str) -> int:
        text, at = self._last
        if text is not src:
            at = src.rfind("]")
            self._last = (src, at)
        return at

    def guard(self, rule: InlineRule, bracket: int) -> InlineRule:
        """``rule``, failing at once where no ``]`` follows its ``[`` (``bracket`` characters
        after the rule's start: 0 for a link, 1 for an image's "![")."""
        def guarded(state: StateInline, silent: bool) -> bool:
            if self.last_close(state.src) <= state.pos + bracket:
                return False
            return rule(state, silent)
        return guarded


class SafeMarkdown:
    """One reusable Markdown parser (a new one per page is needlessly slow)."""

    def __init__(self) -> None:
        # No raw HTML: block-level HTML and inline tags are kept as literal text.
        self._md = _SentinelLinks("commonmark", {"html": False})
        label_ends = _LabelEnds()
        self._md.inline.ruler.at("link", label_ends.guard(link, 0))
        self._md.inline.ruler.at("image", label_ends.guard(image, 1))

    def render(self, text: str, highlights: Sequence[Highlight] = ()) -> str:
        """Safe HTML for ``text``, with the highlighted passages in <mark> and anchored,
        and its h2 and h3 headings with ids (the page's table of contents lists them)."""
        highlights = list(highlights)
        if not highlights:
            tokens = heading_ids(self._md.parse(text))
            return clean_html(self._md.renderer.render(tokens, self._md.options, {}).rstrip("\n"))
        tokens = heading_ids(self._md.parse(insert_sentinels(text, highlights)))
        tokens = _Marker(self._md, highlights).blocks(tokens)
        html = self._md.renderer.render(tokens, self._md.options, {})
        return clean_html(html.rstrip("\n"), marks=True)


# Ids the article page gives its own sections and quoted passages (claim-…).
RESERVED_IDS = frozenset({"affirmations", "citer"})


def heading_ids(tokens: list[Token]) -> list[Token]:
    """Each h2 and h3 gets an id from its text, unique in the page and clear of the ids the
    page itself uses."""
    seen: set[str] = set(RESERVED_IDS)
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            base = slug(tokens[position + 1].content)
            if base.startswith("claim-"):
                base = f"section-{base}"
            anchor, number = base, 1
            while anchor in seen:
                number += 1
                anchor = f"{base}-{number}"
            seen.add(anchor)
            token.attrs["id"] = anchor
    return tokens


def clean_html(html: str, marks: bool = False) -> str:
    """Keep only the allowlisted structure; strip everything else. With ``marks``, the
    highlight marks and anchors the generator adds are allowed too."""
    return nh3.clean(html, tags=set(_MARKUP_TAGS if marks else ALLOWED_TAGS),
                     attributes=_MARKUP_ATTRIBUTES if marks else ALLOWED_ATTRIBUTES,
                     allowed_classes=_MARKUP_CLASSES if marks else None,
                     url_schemes=set(ALLOWED_URL_SCHEMES), link_rel="noopener noreferrer nofollow",
                     strip_comments=True)


@dataclass(frozen=True)
class Highlight:
    """A passage of the source text to mark, with the anchor id placed at its start."""

    start: int
    end: int
    anchor: str


# Private-use sentinels survive Markdown parsing untouched; content may not contain them
# (the loader refuses private-use characters).
_ANCHOR, _ANCHOR_END, _MARK, _MARK_END = "\ue000", "\ue001", "\ue002", "\ue003"
_SENTINELS = (_ANCHOR, _ANCHOR_END, _MARK, _MARK_END)
_ENCODED = {s: "".join(f"%{byte:02X}" for byte in s.encode("utf-8")) for s in _SENTINELS}
_ENCODE_SENTINELS = str.maketrans(_ENCODED)
_DROP_SENTINELS = str.maketrans(dict.fromkeys(_SENTINELS))


def _event_pattern(forms: dict[str, str]) -> re.Pattern[str]:
    """Splits text at its sentinels (in ``forms``), each kept as a group: anchor index,
    mark, end of mark."""
    return re.compile(f"{re.escape(forms[_ANCHOR])}(\\d+){re.escape(forms[_ANCHOR_END])}"
                      f"|({re.escape(forms[_MARK])})|({re.escape(forms[_MARK_END])})")


_EVENTS = _event_pattern({s: s for s in _SENTINELS})
_ENCODED_EVENTS = _event_pattern(_ENCODED)
_BLOCK_PREFIX = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]*)*")


def _past_block_prefix(text: str, position: int) -> int:
    """Move a position that falls inside a line's Markdown prefix ('## ', '- ') past it."""
    line_start = text.rfind("\n", 0, position) + 1
    prefix = _BLOCK_PREFIX.match(text, line_start)
    assert prefix is not None  # the pattern matches the empty string too
    return max(position, prefix.end())


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


def _pieces(text: str, pattern: re.Pattern[str] = _EVENTS) -> list[str | tuple[str, int]]:
    """``text`` cut at its sentinels: strings, and ("anchor", index), ("mark", 0), ("end", 0)."""
    parts = pattern.split(text)  # text, then the three groups of each sentinel, then text…
    pieces: list[str | tuple[str, int]] = [parts[0]] if parts[0] else []
    for at in range(1, len(parts), 4):
        anchor, mark, _, after = parts[at:at + 4]
        pieces.append(("anchor", int(anchor)) if anchor is not None
                      else ("mark", 0) if mark is not None else ("end", 0))
        if after:
            pieces.append(after)
    return pieces


_MARKABLE = frozenset({"inline", "fence", "code_block"})


class _Marker:
    """Turns the sentinels of a parsed page into mark and anchor tokens.

    A mark opens where its sentinel stands, at the nesting depth of the elements there
    (emphasis, link, code). An element that closes while a mark it holds is open closes
    the mark first, and the mark opens again at the next text; a mark that ends inside
    elements opened after it closes after them. Every <mark> is thus well nested whatever
    the span. Marks end with their block.
    """

    def __init__(self, md: MarkdownIt, highlights: list[Highlight]):
        self.md = md
        self.highlights = highlights

    def blocks(self, tokens: list[Token]) -> list[Token]:
        result: list[Token] = []
        for token in tokens:
            if token.type not in _MARKABLE or not _has_sentinel(token.content):  # most blocks
                result.append(token)
            elif token.type == "inline" and token.children is not None:
                token.children = self.inline(token.children)
                result.append(token)
            elif token.type in ("fence", "code_block"):
                code = Token("code_open", "code", 1)
                inline = Token("inline", "", 0, children=self.inline(
                    [code, Token("text", "", 0, content=token.content),
                     Token("code_close", "code", -1)]))
                result += [Token("pre_open", "pre", 1), inline,
                           Token("pre_close", "pre", -1, block=True)]
            else:
                result.append(token)
        return result

    def inline(self, children: list[Token]) -> list[Token]:
        self.out: list[Token] = []
        self.depth = 0
        self.marking = False
        self.mark_depth: int | None = None  # where the open <mark> was placed, if any
        for token in children:
            if token.type == "text" and not _has_sentinel(token.content):
                self.text(token)
            elif token.type == "text":
                for piece in _pieces(token.content):
                    self.event(piece) if isinstance(piece, tuple) else self.text(piece)
            elif token.type == "code_inline" and _has_sentinel(token.content):
                self.open(Token("code_open", "code", 1))
                for piece in _pieces(token.content):
                    self.event(piece) if isinstance(piece, tuple) else self.text(piece)
                self.close(Token("code_close", "code", -1))
            else:
                # Sentinels in attributes or alternative text act just before the element.
                if token.attrs or token.children or _has_sentinel(token.content):
                    for piece in self.taken_out(token):
                        self.event(piece)
                if token.nesting == 1:
                    self.open(token)
                elif token.nesting == -1:
                    self.close(token)
                else:
                    self.out.append(token)
        self.close_mark()
        return self.out

    def taken_out(self, token: Token) -> list[tuple[str, int]]:
        """The sentinels of ``token``'s attributes and children, removed from them."""
        events = []
        for name, value in list(token.attrs.items()):
            if not isinstance(value, str):
                continue
            pattern = _ENCODED_EVENTS if name in ("href", "src") else _EVENTS
            pieces = list(_pieces(value, pattern))
            if any(isinstance(piece, tuple) for piece in pieces):
                events += [piece for piece in pieces if isinstance(piece, tuple)]
                value = "".join(piece for piece in pieces if isinstance(piece, str))
                if name in ("href", "src") and not self.md.validateLink(value):
                    value = ""  # as markdown-it does with a refused destination
                token.attrs[name] = value
        if token.children:  # an image's content is its alternative text, in its children
            for child in token.children:
                events += self.taken_out(child)
        if _has_sentinel(token.content):
            if not token.children:
                events += [piece for piece in _pieces(token.content) if isinstance(piece, tuple)]
            token.content = token.content.translate(_DROP_SENTINELS)
        return events

    def open(self, token: Token) -> None:
        self.out.append(token)
        self.depth += 1

    def close(self, token: Token) -> None:
        if self.mark_depth is not None and self.mark_depth >= self.depth:
            self.close_mark()  # held by the closing element: it opens again at the next text
        self.out.append(token)
        self.depth -= 1
        if not self.marking and self.mark_depth == self.depth:
            self.close_mark()  # it ended inside this element (see event)

    def text(self, text: str | Token) -> None:
        if self.marking and self.mark_depth is None:
            self.open_mark()
        self.out.append(text if isinstance(text, Token) else Token("text", "", 0, content=text))

    def open_mark(self) -> None:
        self.out.append(Token("mark_open", "mark", 1, attrs={"class": MARK_CLASS}))
        self.mark_depth = self.depth

    def close_mark(self) -> None:
        if self.mark_depth is None:
            return
        if self.out[-1].type == "mark_open":  # nothing marked: no empty <mark>
            self.out.pop()
        else:
            self.out.append(Token("mark_close", "mark", -1))
        self.mark_depth = None

    def event(self, event: tuple[str, int]) -> None:
        kind, index = event
        if kind == "anchor":
            if 0 <= index < len(self.highlights):
                self.out += [Token("span_open", "span", 1, attrs={
                                 "class": ANCHOR_CLASS, "id": self.highlights[index].anchor}),
                             Token("span_close", "span", -1)]
        elif kind == "mark":
            self.marking = True
            if self.mark_depth is None:
                self.open_mark()
        else:
            self.marking = False
            # A mark that holds the elements open here closes after them, not inside them.
            if self.mark_depth == self.depth:
                self.close_mark()


_ANY_SENTINEL = re.compile("[\ue000-\ue003]")


def _has_sentinel(text: str) -> bool:
    return _ANY_SENTINEL.search(text) is not None
