"""Finding a claim's verbatim quote in its article, and reading French numbers.

Quotes are compared after normalising what copy-paste changes without changing
the words: Unicode form, runs of whitespace (no-break spaces included), apostrophes
and quotation marks. A quote matches on word boundaries: it neither starts nor ends
inside a word or a number (« 1 000 » is not found in « 11 000 »). It is looked for in
the Markdown source first, then in the text as the reader sees it (emphasis, links,
code and escapes rendered), whose characters map back to offsets in the source.

French numbers use a dot or a space (any Unicode space: plain, no-break, figure, thin,
narrow no-break…) for thousands and a comma for decimals; « 1,5 million » (or « 1.5
million »), « 10 millions » and « 3 mille » are one number each (1500000, 10000000, 3000).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Each class maps one character to one character, so offsets survive the mapping.
_EQUIVALENT = (
    (re.compile("[’‘ʼ`´]"), "'"),
    (re.compile("[«»“”„‟]"), '"'),
    (re.compile(r"[^\S ]"), " "),  # whitespace but the plain space (text has many: left as is)
)


def _map_equivalents(text: str) -> str:
    for pattern, replacement in _EQUIVALENT:
        text = pattern.sub(replacement, text)
    return text


# Every Unicode space (Zs) but the ogham mark: plain, no-break, figure, thin, narrow no-break…
SPACES = " \u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_THOUSANDS = "." + SPACES  # a dot or any space between groups of three digits
_MULTIPLIERS = {"mille": 1000, "million": 10**6, "millions": 10**6,
                "milliard": 10**9, "milliards": 10**9}
_MULTIPLIER = rf"\s+({'|'.join(_MULTIPLIERS)})(?!\w)"
# Decimals after a comma, or after a point when a multiplier follows (« 1.5 million »: a
# point before three digits stays a thousands separator, « 1.500 »).
_NUMBER = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:[{_THOUSANDS}]\d{{3}})+|\d+)"
                     rf"(,\d+|\.\d+(?={_MULTIPLIER.replace('(', '(?:', 1)}))?(?!\d)"
                     rf"(?:{_MULTIPLIER})?")
# A count written in words (« un millier », « deux mille », « une centaine »): a small number
# word, then a word that scales it. A number word alone (« deux soldats ») is no figure.
_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
                 "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "quinze": 15,
                 "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}
_SCALE_WORDS = {"dizaine": 10, "dizaines": 10, "centaine": 100, "centaines": 100,
                "mille": 1000, "millier": 1000, "milliers": 1000} | _MULTIPLIERS
_WORDS_NUMBER = re.compile(rf"(?<!\w)({'|'.join(_NUMBER_WORDS)})\s+({'|'.join(_SCALE_WORDS)})(?!\w)",
                           re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MARKUP = frozenset("*_`[]<>\\&")  # characters that may be Markdown syntax
_MAX_DIGITS = 15  # longer numbers are no count (figures stop at 10^12): never converted


def normalise(text: str) -> str:
    """The comparable form of a text (see module docstring)."""
    return re.sub(r" +", " ", _map_equivalents(unicodedata.normalize("NFC", text))).strip()


@lru_cache(maxsize=256)
def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Start and end offsets of ``quote`` in ``text`` (NFC), or None when it is not there.

    Cached: reading checks each claim's quote (schema.check_quotes), then rendering marks
    it (render/pages/articles.py) in the same text; a hit costs no scan (a string keeps its
    hash, and the same text is the same object).

    The source is searched first (equivalent characters map one to one, so offsets in
    the mapped text are offsets in ``text``), then the text as the reader sees it. A
    span found there covers whole Markdown elements (« *mille* soldats » starts at the
    ``*``) so that highlighting it keeps the HTML well nested.
    """
    needle = normalise(quote)
    if not needle:
        return None
    span = _search(_mapped(text), needle)
    if span is not None:
        if _MARKUP.intersection(text[span[0]:span[1]]):  # Markdown syntax in the quote
            return _visible(text).nested(*span)
        return span
    visible = _visible(text)
    span = _search(visible.text, needle)
    return None if span is None else visible.source_span(*span)


@lru_cache(maxsize=8)
def _mapped(text: str) -> str:
    """``text`` with equivalent characters mapped (cached: an article has several quotes)."""
    return _map_equivalents(text)


def _search(haystack: str, needle: str) -> tuple[int, int] | None:
    """The first occurrence of ``needle`` on word boundaries; runs of spaces match ' '."""
    start = haystack.find(needle)  # the usual case: single spaces, a plain substring search
    if start >= 0 and _on_boundaries(haystack, start, start + len(needle)):
        return start, start + len(needle)
    pattern = _pattern(needle)
    match = pattern.search(haystack)
    while match is not None:
        if _on_boundaries(haystack, *match.span()):
            return match.span()
        match = pattern.search(haystack, match.start() + 1)
    return None


def _pattern(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle).replace("\\ ", " +"))


def _on_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` neither starts nor ends inside a word or a number."""
    return not (_inside_word(text, start) or _inside_word(text, end)
                or _inside_number(text, start) or _inside_number(text, end))


def _inside_word(text: str, position: int) -> bool:
    return 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()


def _inside_number(text: str, position: int) -> bool:
    """Whether a French number (« 11 000 », « 1,5 million ») runs across ``position``."""
    if not 0 < position < len(text) or not _DIGIT.search(text, position - 2, position + 2):
        return False  # the usual case: no digit close by
    start = position
    while start > 0 and position - start < 40 and (text[start - 1].isdigit()
                                                   or text[start - 1] in _THOUSANDS + ","):
        start -= 1
    return any(start + m.start() < position < start + m.end()
               for m in _NUMBER.finditer(text[start:position + 40]))


def inside_longer_words(text: str, quote: str) -> str | None:
    """The passage around ``quote`` cut to whole words and numbers, when the quote stands
    in ``text`` only inside a longer word or number (« 1 000 » in « 11 000 »), else None."""
    needle = normalise(quote)
    if not needle or find_quote(text, quote) is not None:
        return None
    pattern = _pattern(needle)
    for haystack in (_mapped(text), _visible(text).text):
        match = pattern.search(haystack)
        if match is not None:
            start, end = match.span()
            while not _on_boundaries(haystack, start, end) and end - start < len(needle) + 80:
                start -= int(_inside_word(haystack, start) or _inside_number(haystack, start))
                end += int(_inside_word(haystack, end) or _inside_number(haystack, end))
            return normalise(haystack[start:end])
    return None


def longest_matching_prefix(text: str, quote: str) -> str:
    """The longest start of ``quote`` that the text contains, as written or as the reader
    sees it: where a broken quote diverges."""
    needle = normalise(quote)
    return max((_matching_prefix(normalise(haystack), needle)
                for haystack in (text, _visible(text).text)), key=len)


def _matching_prefix(haystack: str, needle: str) -> str:
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return needle[:low]


def french_numbers(text: str) -> list[int]:
    """Integers written in ``text``: '3.000', '11 000' and '1.100' are thousands, and
    '1,5 million' is 1500000; then counts written in words: 'un millier' is 1000, 'deux
    mille' 2000, 'une centaine' 100 (the press writes figures so).

    A number with a multiplier is one number ('10 millions' is 10000000, not 10).
    Decimals that are not whole ('2,5 km') are left out.
    """
    numbers = []
    for whole, decimals, multiplier in _NUMBER.findall(text):
        digits, decimals = re.sub(r"\D", "", whole), decimals[1:]
        if len(digits) + len(decimals) > _MAX_DIGITS:
            continue
        scaled = int(digits + decimals) * _MULTIPLIERS.get(multiplier, 1)
        number, rest = divmod(scaled, 10 ** len(decimals))
        if not rest:
            numbers.append(number)
    numbers += [_NUMBER_WORDS[unit.lower()] * _SCALE_WORDS[scale.lower()]
                for unit, scale in _WORDS_NUMBER.findall(text)]
    return numbers


# The text as the reader sees it -----------------------------------------------------

_LINK_TAIL = re.compile(r"""
    \(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)     # (destination
    (?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)  # "title")
    | \[(?:[^\[\]\\]|\\.)*\]                                            # or [label]
""", re.S | re.X)


@dataclass(frozen=True)
class _Element:
    """An inline Markdown element in source offsets (``*mille*``: 0, 1, 6, 7, '*')."""

    start: int
    content_start: int
    content_end: int
    end: int
    delimiter: str  # its first character: '*', '_', '`', '[' or '<'


@dataclass(frozen=True)
class _VisibleText:
    """What the reader sees of a Markdown text (equivalent characters mapped), each
    character with the source span it comes from, and the inline elements."""

    source: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    elements: tuple[_Element, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of visible characters ``start:end``, widened to whole elements."""
        first, last = self.starts[start], self.ends[end - 1]
        return self.nested(first, max(first, last))

    def nested(self, start: int, end: int) -> tuple[int, int]:
        """A source span adjusted so that a highlight around it keeps the HTML well nested."""
        return self._clear_of_delimiters(*_well_nested(start, end, self.elements))

    def _clear_of_delimiters(self, start: int, end: int) -> tuple[int, int]:
        """Keep a span's ends off fragile emphasis delimiters.

        The renderer marks a span with characters that Markdown reads as letters: beside
        one, a '_' (or a '*' next to punctuation, as in ``*«*``) emphasises nothing. An
        end moves out over spaces and punctuation, or else into the element it starts.
        """
        return self._settle(start, -1), self._settle(end, 1)

    def _settle(self, position: int, step: int) -> int:
        """A span's start (``step`` -1) or end (1) moved off fragile delimiters."""
        moved = position
        while self._touches(moved):
            if not _spacing(self.source, moved - 1 if step < 0 else moved):
                return self._inside(position, step)
            moved += step
        return moved

    def _inside(self, position: int, step: int) -> int:
        """The content's edge of the element that opens (or closes) the span at ``position``."""
        for e in self.elements:
            if step < 0 and e.start == position:
                return e.content_start
            if step > 0 and e.end == position:
                return e.content_end
        return position

    def _touches(self, position: int) -> bool:
        """Whether a fragile delimiter opens at ``position`` or closes just before it."""
        return any(e.start == position and self._fragile(e.delimiter, e.content_start)
                   or e.end == position and self._fragile(e.delimiter, e.content_end - 1)
                   for e in self.elements)

    def _fragile(self, delimiter: str, inner: int) -> bool:
        """Whether a delimiter stops working beside a letter, ``inner`` its content's edge."""
        return delimiter == "_" or delimiter == "*" and _punctuation(self.source, inner)


def _spacing(text: str, position: int) -> bool:
    """Whether ``text[position]`` is a space or punctuation on the line, not Markdown syntax."""
    if not 0 <= position < len(text) or text[position] in "\n*_[]()`<>!\\":
        return False
    return text[position].isspace() or _punctuation(text, position)


def _punctuation(text: str, position: int) -> bool:
    return 0 <= position < len(text) and unicodedata.category(text[position])[0] in "PS"


def _well_nested(start: int, end: int, elements: tuple[_Element, ...]) -> tuple[int, int]:
    """Widen a span until every element lies outside it, wholly inside it, or holds it
    within its content: the highlight then nests in the rendered HTML."""
    changed = True
    while changed:
        changed = False
        for e in elements:
            if not (end <= e.start or start >= e.end or start <= e.start and e.end <= end
                    or e.content_start <= start and end <= e.content_end):
                start, end, changed = min(start, e.start), max(end, e.end), True
    return start, end


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # As the site renders articles (sanitize.SafeMarkdown); escapes and entities kept
    # apart from the text around them so that each maps to its own source.
    return MarkdownIt("commonmark", {"html": False}).disable("text_join")


@lru_cache(maxsize=8)
def _visible(body: str) -> _VisibleText:
    """The text of ``body`` as rendered, block after block, mapped to source offsets."""
    builder = _Builder(body)
    line_starts = [0] + [m.end() for m in re.finditer("\n", body)] + [len(body)]
    for token in _parser().parse(body):
        if token.map is None or token.type not in ("inline", "fence", "code_block"):
            continue
        first, after = (line_starts[min(line, len(line_starts) - 1)] for line in token.map)
        builder.block(first, after)
        if token.type == "inline":
            for child in token.children or ():
                builder.inline(child)
        else:
            builder.text(token.content.rstrip("\n"))
    return builder.result()


class _Builder:
    """Walks a block's tokens in order, finding each one's source after the previous one."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.elements: list[_Element] = []
        self.open: list[tuple[int, int, str]] = []
        self.cursor = 0
        self.limit = 0

    def result(self) -> _VisibleText:
        return _VisibleText(self.body, _map_equivalents("".join(self.chars)), tuple(self.starts),
                            tuple(self.ends), tuple(self.elements))

    def block(self, start: int, end: int) -> None:
        if self.chars:
            self.emit(" ", start, start)  # blocks read one after the other
        self.cursor, self.limit, self.open = start, end, []

    def emit(self, chars: str, start: int, end: int) -> None:
        self.chars.append(chars)
        self.starts.extend([start] * len(chars))
        self.ends.extend([end] * len(chars))

    def locate(self, source: str) -> int:
        """Where ``source`` stands next (the cursor moves past it), or -1."""
        found = self.body.find(source, self.cursor, self.limit) if source else -1
        if found >= 0:
            self.cursor = found + len(source)
        return found

    def text(self, content: str) -> None:
        for number, line in enumerate(content.split("\n")):
            if number:
                self.emit(" ", self.cursor, self.cursor)
            found = self.locate(line)
            if found >= 0:
                self.emit_each(line, found)
            else:  # not written as such in the source (rare): shown, at the cursor
                self.emit(line, self.cursor, self.cursor)

    def emit_each(self, chars: str, start: int) -> None:
        self.chars.append(chars)
        self.starts.extend(range(start, start + len(chars)))
        self.ends.extend(range(start + 1, start + len(chars) + 1))

    def inline(self, token: Token) -> None:
        kind = token.type
        if kind == "text":
            self.text(token.content)
        elif kind == "text_special":  # an escape or an entity: its whole markup
            found = self.locate(token.markup)
            start, end = (found, self.cursor) if found >= 0 else (self.cursor, self.cursor)
            self.emit(token.content, start, end)
        elif kind in ("softbreak", "hardbreak"):
            found = self.locate("\n")
            self.emit(" ", *((found, found + 1) if found >= 0 else (self.cursor, self.cursor)))
        elif kind == "code_inline":
            opening = self.locate(token.markup)
            content_start = self.cursor
            self.text(token.content)
            self.close(opening, content_start, token.markup)
        elif kind.endswith("_open"):
            markup = token.markup or "["
            markup = "<" if markup == "autolink" else markup
            found = self.locate(markup)
            self.open.append((found, self.cursor, markup))
        elif kind.endswith("_close") and self.open:
            opening, content_start, markup = self.open.pop()
            self.close(opening, content_start, {"[": "]", "<": ">"}.get(markup, markup))
        elif kind == "image":
            self._skip_image()

    def close(self, opening: int, content_start: int, markup: str) -> None:
        """Record the element that ends here; a link ends after its ``(destination)``."""
        content_end = self.cursor
        if self.locate(markup) < 0 or opening < 0:
            return
        if markup == "]":
            self.skip_link_tail()
        self.elements.append(_Element(opening, content_start, content_end, self.cursor,
                                      self.body[opening]))

    def skip_link_tail(self) -> None:
        tail = _LINK_TAIL.match(self.body, self.cursor)
        self.cursor = tail.end() if tail else self.cursor

    def _skip_image(self) -> None:
        """Images are not shown on the site: the cursor moves past ``![alt](src)``."""
        start = self.locate("![")
        if start >= 0:
            self.locate("]")
            self.skip_link_tail()
