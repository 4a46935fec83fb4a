"""French typography on what a reader sees, never on what quotes are checked against.

Applied to the HTML of pages once rendered (environment.py for generated pages, a
Markdown extension for hand-written ones: publish/typography.py), in text only: tags, attributes, code and
scripts are left alone. It gives:

- a no-break space before « : » and a narrow one before « ; ! ? » where the text has a
  space there (« http://… », « 10:30 » stay as they are);
- narrow no-break spaces inside « » (added where the text has none);
- narrow no-break spaces between a number's groups of digits (« 3 000 », as Babel writes
  them) and, outside tables, a no-break space between a number and the word after it
  (« 8 000 soldats »);
- one apostrophe, the typographic one, in the site's own text. An article's text (inside
  ``ARTICLE_TEXT``) keeps its own apostrophes and quotation marks: only its spaces change.

Every step is idempotent: a page through it twice (a generated page's content, then
MkDocs' Markdown) comes out as through it once, so the fast path and MkDocs' own rendering
give the same bytes.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
# The element holding an article's own text (templates/article.html): it holds no <div>.
ARTICLE_TEXT = '<div class="ba-body">'
# Every expression below reads contributor text too: each is linear in it. A run of spaces,
# digits or "<" is scanned once, from its start (the look-behinds), never from each of its
# positions; a tag holds no "<" (text has it escaped). Each step's expression starts with
# a character it acts on, its look-behind after it: the scan skips to the next such one.
_SKIPPED_OPENING = re.compile(r"<(code|pre|script|style|textarea)\b", re.I)
_TAG_SPLIT = re.compile(r"(<[^<>]*>)")
# Every character a step below acts on (``&`` for an escaped apostrophe).
_ACTED_ON = re.compile(r"[:;!?«»\d'&]")
_DIGIT = re.compile(r"\d")
_BEFORE_COLON = re.compile(r" (?<!  ) *(?=:(?:\s|$|<|»|\)))")
_BEFORE_MARK = re.compile(r" (?<!  ) *(?=[;!?](?:\s|$|<|»|\)))")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING_SPACES = " \u00a0\u202f"  # removed before « » », which gets a narrow one
_DIGIT_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:[ \u00a0]\d{3})+(?!\d)")
_NUMBER_THEN_WORD = re.compile(r" (?<=\d )(?=[^\W\d_]|%|€|\$)")
_APOSTROPHE = re.compile(  # as written, or as escaped
    r"(?:'(?<=\w')|&#39;(?<=\w&#39;)|&#x27;(?<=\w&#x27;))(?=\w)")


def _spaces(text: str, units: bool = True) -> str:
    # Each step only where its character is: most text nodes need none (a cheap ``in``
    # instead of a scan by the expression, which has no literal to look for first).
    if ":" in text:
        text = _BEFORE_COLON.sub(NBSP, text)
    if ";" in text or "!" in text or "?" in text:
        text = _BEFORE_MARK.sub(NNBSP, text)
    if "«" in text:
        text = _AFTER_OPENING.sub("«" + NNBSP, text)
    if "»" in text:
        text = _before_closing(text)
    if _DIGIT.search(text) is None:
        return text
    text = _DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", NNBSP).replace(NBSP, NNBSP), text)
    return _NUMBER_THEN_WORD.sub(NBSP, text) if units else text


def _before_closing(text: str) -> str:
    """A narrow no-break space before each « » », instead of the spaces there: str methods,
    as an expression would try each position of the text for a run of spaces."""
    parts = text.split("»")
    return (NNBSP + "»").join([part.rstrip(_CLOSING_SPACES) for part in parts[:-1]] + parts[-1:])


def french_text(text: str, apostrophes: bool = True, units: bool = True) -> str:
    """Plain text with French spaces (and, with ``apostrophes``, typographic apostrophes;
    with ``units``, a no-break space between a number and the word after it)."""
    text = _spaces(text, units)
    if apostrophes and ("'" in text or "&#" in text):
        return _APOSTROPHE.sub("\u2019", text)
    return text


def _text_nodes(html: str, apostrophes: bool) -> str:
    """French typography on the text between the tags of ``html`` (no code or script in it)."""
    # Text and tags alternate (split in C); a text with none of the characters the steps
    # act on is left as it is. In a table's narrow columns a number may part from its unit:
    # the columns keep their width (tests/test_phones.py), and a cell is read as a whole
    # anyway. Tags are looked at only where there are tables: the texts between two table
    # tags are typeset alike.
    pieces = _TAG_SPLIT.split(html)
    texts = pieces[0::2]
    bounds = [0, len(texts)]
    if "<table" in html:
        bounds[1:1] = [i + 1 for i, tag in enumerate(pieces[1::2])
                       if tag.startswith(("<table", "</table"))]
    acted_on, tables = _ACTED_ON.search, 0
    for start, end in zip(bounds, bounds[1:]):
        units = not tables
        texts[start:end] = [french_text(text, apostrophes, units) if acted_on(text) else text
                            for text in texts[start:end]]
        if end < len(texts):
            tag = pieces[2 * end - 1]  # the tag after the text end - 1
            tables += tag.startswith("<table") - tag.startswith("</table")
    pieces[0::2] = texts
    return "".join(pieces)


def _skipped(html: str) -> list[tuple[int, int]]:
    """Where code, preformatted text, scripts, styles and text areas stand, each from its
    opening tag to its closing one (``<code …>…</code>``, case aside), in one pass: an
    element with no closing tag after it is not one."""
    lowered, spans, position = "", [], 0
    last_closing: dict[str, int] = {}
    for opening in _SKIPPED_OPENING.finditer(html):
        if opening.start() < position:
            continue
        lowered = lowered or html.lower()  # made when there is one: most pages have none
        name = opening.group(1).lower()
        if name not in last_closing:
            last_closing[name] = lowered.rfind(f"</{name}>")
        if last_closing[name] < opening.end():
            continue
        end = lowered.find(f"</{name}>", opening.end()) + len(name) + 3
        spans.append((opening.start(), end))
        position = end
    return spans


def _outside_code(html: str, apostrophes: bool) -> str:
    pieces, position = [], 0
    for start, end in _skipped(html):
        pieces.append(_text_nodes(html[position:start], apostrophes))
        pieces.append(html[start:end])
        position = end
    pieces.append(_text_nodes(html[position:], apostrophes))
    return "".join(pieces)


def french_html(html: str) -> str:
    """French typography on an HTML page or fragment; an article's text gets its spaces only."""
    start = html.find(ARTICLE_TEXT)
    if start < 0:
        return _outside_code(html, True)
    end = html.find("</div>", start)
    end = len(html) if end < 0 else end
    return (_outside_code(html[:start], True) + _outside_code(html[start:end], False)
            + french_html(html[end:]))
