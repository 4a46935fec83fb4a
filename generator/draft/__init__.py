"""Draft an article file from what a contributor has, for them to confirm and complete.

Pure: bytes in, Markdown (with frontmatter) out. One module per step:

- ``reading``: the bytes' encoding (detected, or one line saying how to save the file);
- ``webpage``: a saved web page's metadata and main text, through trafilatura;
- ``cleaning``: French web debris out of the text, each removal listed under ``cleaning``;
- ``dates``: French dates, printed or in a sentence;
- ``claims``: each figure as a claim, filled from topics.yml and actors.yml;
- ``unnamed``: denials and visits no event of topics.yml names, to be named in a comment;
- ``render``: the draft file, every proposed value marked for confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Actor, Outlet, Topic
from ..read.sources import MAX_ARTICLE_BYTES
from .claims import Candidate, Vocabulary, candidates, event_candidates
from .cleaning import Draft, analyse
from .reading import (
    MAX_INPUT_BYTES,
    DraftInputError,
    RawInput,
    read_input,
    read_limited,
)
from .render import render_draft, slugify
from .unnamed import unnamed_events

__all__ = ["MAX_INPUT_BYTES", "Candidate", "Draft", "DraftInputError", "Drafted", "RawInput",
           "Vocabulary", "analyse", "candidates", "draft_article", "read_input", "read_limited",
           "render_draft", "slugify"]


@dataclass(frozen=True)
class Drafted:
    article_id: str
    text: str
    draft: Draft
    figures: list[Candidate]
    source: RawInput


def draft_article(data: bytes, topics: dict[str, Topic], actors: dict[str, Actor],
                  outlets: dict[str, Outlet], today: date | None = None) -> Drafted:
    """The draft of the article in ``data`` (text or a saved web page, in any encoding);
    ``today`` (by default the machine's date) bounds the year of a date printed without one."""
    today = today or date.today()
    source = read_input(data)
    if not source.is_html and len(data) > MAX_ARTICLE_BYTES:
        raise DraftInputError(f"the text is {len(data) / 1024 / 1024:.1f} MiB: an article file holds at most "
                              f"{MAX_ARTICLE_BYTES // 1024} KiB (`briefing check` refuses more); give "
                              "only the article's text")
    if source.is_html:
        from .webpage import (
            extract_page,  # trafilatura is slow to import: only for web pages
        )

        page = extract_page(source.text)
        draft = analyse(page.lines, outlets, page, today)
    else:
        draft = analyse(source.text, outlets, today=today)
    if not draft.blocks and not draft.title:
        raise DraftInputError("no article text found: only debris (bylines, buttons, prompts) or "
                              "nothing readable; check that the file holds the article")
    vocabulary = Vocabulary.from_registries(topics, actors)
    found = candidates(draft.blocks, vocabulary, draft.date)
    # A count of what no metric measures (« 11 entités », « 20 personnes »: no metric's unit or
    # words by it) is no claim the archive could hold, and `briefing check` asks for none: named
    # in a comment, not proposed.
    figures = [figure for figure in found if figure.topic]
    unmeasured = [figure for figure in found if not figure.topic]
    events = event_candidates(draft.blocks, vocabulary, draft.date, found)
    figures += events
    article_id, text = render_draft(draft, figures, list(topics), unmeasured,
                                    unnamed_events(draft.blocks, events, vocabulary))
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise DraftInputError(f"the draft would be larger than the {MAX_ARTICLE_BYTES // 1024} KiB an "
                              "article file holds (`briefing check` would refuse it): give only the "
                              "article's text")
    return Drafted(article_id, text, draft, figures, source)
