"""Where each generated page lives. Paths are source paths (.md); builders publish .html."""

from __future__ import annotations

from ..model import UNKNOWN

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


def chart_path(topic_id: str, metric_id: str, suffix: str = "") -> str:
    """A metric's chart; ``suffix``: the layout's (``etroit`` for phones), if not the wide one."""
    return f"sujets/{topic_id}-{metric_id}{'-' + suffix if suffix else ''}.svg"


def month_path(month: str) -> str:
    return f"archives/{'date-inconnue' if month == UNKNOWN else month}.md"


def outlet_path(outlet_id: str) -> str:
    return f"sources/{outlet_id}.md"


SITE_FEED = "feed.xml"
LOG_INDEX = "journal/index.md"
LOG_FEED = "journal/journal.xml"


def topic_feed_path(topic_id: str) -> str:
    return f"sujets/{topic_id}.xml"


def topic_list_path(topic_id: str, kind: str) -> str:
    """The full, paginated list of a topic's ``articles`` or ``registre`` (ledger)."""
    return f"sujets/{topic_id}-{kind}.md"


def actor_path(actor_id: str) -> str:
    return f"acteurs/{actor_id}.md"


def topic_data_path(topic_slug: str, extension: str) -> str:
    """A topic's own claims, as ``csv`` or ``json``, beside the whole archive's."""
    return f"data/claims-{topic_slug}.{extension}"
