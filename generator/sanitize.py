"""Contributor Markdown -> HTML that cannot run script or fetch anything remote.

Two layers: Python-Markdown runs with raw HTML switched off (so ``<script>``
shows as text), then nh3 (ammonia) keeps only an allowlist of elements,
attributes and URL schemes. Images are dropped: the site must work offline.
"""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


class SafeMarkdown:
    """One reusable Markdown parser (a new one per page is needlessly slow)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # No raw HTML: block-level HTML and inline tags are kept as literal text.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")

    def render(self, text: str) -> str:
        html = self._md.reset().convert(text)
        return clean_html(html)


def clean_html(html: str) -> str:
    """Keep only the allowlisted structure; strip everything else."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(ALLOWED_URL_SCHEMES), link_rel="noopener noreferrer nofollow",
                     strip_comments=True)

