"""Generated pages and files, one module per page family (see builder.py)."""

from .articles import ArticleRenderer, FromBodies
from .base import (
                   PER_PAGE,
                   RECENT,
                   ArticleContents,
                   Asset,
                   DuplicatePagePath,
                   Page,
                   Pager,
                   Planned,
                   check_no_overlap,
                   paginate,
)
from .builder import PageBuilder

__all__ = ["ArticleContents", "ArticleRenderer", "Asset", "DuplicatePagePath", "FromBodies",
           "PER_PAGE", "Page", "PageBuilder", "Pager", "Planned", "RECENT", "check_no_overlap",
           "paginate"]
