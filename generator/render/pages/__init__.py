"""Generated pages and files, one module per page family (see builder.py)."""

from .articles import ArticleRenderer, FromBodies
from .base import (
           PER_PAGE,
           RECENT,
           ArticleContents,
           Asset,
           Page,
           Pager,
           Planned,
           paginate,
)
from .builder import DuplicatePagePath, PageBuilder, check_no_overlap

__all__ = ["ArticleContents", "ArticleRenderer", "Asset", "DuplicatePagePath", "FromBodies",
           "PER_PAGE", "Page", "PageBuilder", "Pager", "Planned", "RECENT", "check_no_overlap",
           "paginate"]
