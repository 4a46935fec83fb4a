"""Where each generated page lives. Paths are source paths (.md); builders publish .html."""

from __future__ import annotations

import re
import unicodedata

from ..model import UNKNOWN

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def slug(text: str, limit: int = 0) -> str:
    """'« De lourdes pertes »' -> 'de-lourdes-pertes': French words readable in an address;
    with ``limit``, cut after the last whole word that fits."""
    folded = unicodedata.normalize("NFD", _PRIVATE_USE.sub("", text).lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = _NOT_SLUG.sub("-", plain).strip("-")
    if limit and len(words) > limit:
        words = words[:limit + 1].rsplit("-", 1)[0] if "-" in words[:limit + 1] else words[:limit]
    return words or "section"

HOME = "index.md"
DATA_PAGE = "donnees.md"  # hand-written; licence and citation are appended to it


def html_path(path: str) -> str:
    """Where a source page is published: ``a/b.md`` -> ``a/b.html``; other files stay."""
    return path.removesuffix(".md") + ".html" if path.endswith(".md") else path
TOPICS_INDEX = "sujets/index.md"
ARCHIVE_INDEX = "archives/index.md"
OUTLETS_INDEX = "sources/index.md"
ACTORS_INDEX = "acteurs/index.md"


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def topic_path(topic_id: str) -> str:
    return f"sujets/{topic_id}.md"


def chart_path(topic_slug: str, metric_name: str, suffix: str = "") -> str:
    """A metric's chart, named by its topic's slug and its metric's name (metric_slug);
    ``suffix``: the layout's (``etroit`` for phones), if not the wide one."""
    return f"sujets/{topic_slug}-{metric_name}{'-' + suffix if suffix else ''}.svg"


def metric_slug(label: str) -> str:
    """A metric's name in its chart's file name: the start of its French label."""
    return slug(label, limit=40)


def month_path(month: str) -> str:
    return f"archives/{'date-inconnue' if month == UNKNOWN else month}.md"


UNKNOWN_OUTLET_SLUG = "source-inconnue"


def outlet_path(outlet_id: str) -> str:
    return f"sources/{UNKNOWN_OUTLET_SLUG if outlet_id == UNKNOWN else outlet_id}.md"


SITE_FEED = "flux.xml"
LOG_INDEX = "journal/index.md"
LOG_FEED = "journal/flux.xml"


def topic_feed_path(topic_slug: str) -> str:
    return f"sujets/{topic_slug}.xml"


# Addresses the site used before its files had French names: each still answers
# (PageBuilder.moved_files), a page by a redirect, a feed or a chart by the same file.
OLD_SITE_FEED = "feed.xml"


def old_chart_path(topic_id: str, metric_id: str, suffix: str = "") -> str:
    return f"sujets/{topic_id}-{metric_id}{'-' + suffix if suffix else ''}.svg"


def share_image_path(topic_slug: str) -> str:
    """A topic's image for link previews: its first chart, as PNG (render/charts.py SHARE)."""
    return f"sujets/{topic_slug}-partage.png"


def topic_list_path(topic_id: str, kind: str) -> str:
    """The full, paginated list of a topic's ``articles`` or ``registre`` (ledger)."""
    return f"sujets/{topic_id}-{kind}.md"


def actor_path(actor_id: str) -> str:
    return f"acteurs/{actor_id}.md"


def topic_data_path(topic_slug: str, extension: str) -> str:
    """A topic's own claims, as ``csv`` or ``json``, beside the whole archive's."""
    return f"data/claims-{topic_slug}.{extension}"
