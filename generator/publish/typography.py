"""French typography (render/typography.py) on hand-written pages: a Python-Markdown
extension, named in mkdocs.yml's markdown_extensions."""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ..render.typography import french_html


class _FrenchPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return french_html(text)


class FrenchTypography(Extension):
    """Python-Markdown extension (mkdocs.yml): hand-written pages get the same typography."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML is put back (priority 30) and the rest of the page is done.
        md.postprocessors.register(_FrenchPostprocessor(md), "french_typography", 1)


def makeExtension(**kwargs: object) -> FrenchTypography:  # Python-Markdown's entry point
    return FrenchTypography(**kwargs)
