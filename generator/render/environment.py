"""The Jinja environment: autoescaped, strict about undefined names, with French filters."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from jinja2 import (
    Environment,
    PackageLoader,
    StrictUndefined,
    Template,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context

from .citations import archive_citation, article_citation, topic_citation
from .format import (
    actor_noun,
    at_end_fr,
    date_fr,
    dated_fr,
    hedge_fr,
    inline_label,
    joined_fr,
    known_fr,
    month_fr,
    moved_fr,
    number_fr,
    of_fr,
    part_when_fr,
    quote_fr,
    revised_fr,
    said_when_fr,
    than_fr,
    with_unit,
)
from .paths import html_path
from .typography import french_html


def page_url(from_path: str, to_path: str) -> str:
    """Relative link between two source pages; ``a/b.md`` is published as ``a/b.html``.

    Links are relative so the site works from any folder and from ``file://``. Paths are
    site-relative without '..', so the link climbs to the root and goes down again (or
    stays in the folder): string work only, as this runs for every link of every list.
    """
    target = html_path(to_path)
    folder, _, _ = from_path.rpartition("/")
    if folder and target.startswith(folder + "/") and "/" not in target[len(folder) + 1:]:
        return target[len(folder) + 1:]
    if not folder and "/" not in target:
        return target
    return "../" * from_path.count("/") + target


@pass_context
def _url(context: Context, to_path: str) -> str:
    return _url_from_folder(context["page_path"].rpartition("/")[0], to_path)


@lru_cache(maxsize=65536)  # lists repeat the same few targets on every page of a folder
def _url_from_folder(folder: str, to_path: str) -> str:
    return page_url(f"{folder}/_" if folder else "_", to_path)


class _FrenchTemplate(Template):
    """An HTML template's output with French typography (typography.py)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        text = super().render(*args, **kwargs)
        return french_html(text) if (self.name or "").endswith(".html") else text


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        # Plain-text templates (the downloads' LISEZMOI.txt) are not HTML: no escaping there.
        autoescape=select_autoescape(disabled_extensions=("txt",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates are part of the generator's code, which does not change during a build:
        # no look at each template file's time on every page.
        auto_reload=False,
    )
    env.template_class = _FrenchTemplate
    # Plain text: escaped where an HTML template prints it, as is in a .txt one.
    env.globals.update(archive_citation=archive_citation, topic_citation=topic_citation,
                       article_citation=article_citation, html_path=html_path,
                       said_when_fr=said_when_fr, part_when_fr=part_when_fr, known_fr=known_fr, moved_fr=moved_fr)
    env.filters.update(date_fr=date_fr, dated_fr=dated_fr, at_end_fr=at_end_fr, month_fr=month_fr,
                       number_fr=number_fr, with_unit=with_unit, actor_noun=actor_noun, inline_label=inline_label, joined_fr=joined_fr, of_fr=of_fr,
                       quote_fr=quote_fr, hedge_fr=hedge_fr, revised_fr=revised_fr, than_fr=than_fr, url=_url)
    env.tests["disputed_by"] = _disputed_by
    return env


def _disputed_by(other: Any, said: Any) -> bool:
    """``other is disputed_by(said)``: a text says ``said`` (a statement or a claim in its
    article) disputes ``other`` (its ``disputes:``), not the reverse."""
    return any(other.claim_id in entry.article.disputed_ids(entry.claim) for entry in said.entries)
