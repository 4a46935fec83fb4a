"""The archives by month and by outlet: paginated lists of articles, and their indexes."""

from __future__ import annotations

from ..paths import ARCHIVE_INDEX, OUTLETS_INDEX, month_path, outlet_path
from .base import Planned, Site, month_title


class ArchivePages(Site):
    """Each month's and each outlet's articles, the archive's index and the outlets'."""

    def month(self, month: str) -> list[Planned]:
        return self.listing(month_path(month), month_title(month), self.month_articles[month],
                            "articles", back=ARCHIVE_INDEX,
                            back_label="toutes les archives")

    def archive_index(self) -> Planned:
        return self.plan("archive_index.html", ARCHIVE_INDEX, "Archives", months=self.month_articles)

    def outlet(self, outlet_id: str) -> list[Planned]:
        outlet = self.archive.outlets.get(outlet_id)
        intro = ("Articles dont le média d'origine n'est pas indiqué dans le texte." if outlet is None
                 else "Agence de presse." if outlet.kind == "wire" else "Média.")
        return self.listing(outlet_path(outlet_id), self.outlet_name(outlet_id),
                            self.outlet_articles[outlet_id], "articles", back=OUTLETS_INDEX,
                            back_label="toutes les sources",
                            intro=intro, homepage=outlet.homepage if outlet else None)

    def outlets_index(self) -> Planned:
        return self.plan("outlets_index.html", OUTLETS_INDEX, "Sources",
                         outlet_articles=self.outlet_articles)
