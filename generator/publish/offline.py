"""The downloadable offline copy: the built site as one reproducible zip.

Entries are sorted and stamped with the build date (SOURCE_DATE_EPOCH when set), so
two builds of the same input give the same bytes. The zip unpacks into one folder
whose index.html opens from disk.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Collection
from datetime import date, datetime, timezone
from fnmatch import fnmatchcase
from pathlib import Path

from ..render.paths import share_image_path

DOWNLOAD_DIR = "telechargement"
# What the site publishes that a copy read from disk never uses: the theme's own search
# (lunr and its worker: the site's search is its own), source maps, the sitemap for crawlers
# and the topics' images for link previews.
UNUSED_OFFLINE = ("*.map", "assets/javascripts/lunr/*", "assets/javascripts/workers/*",
                  "sitemap.xml", "sitemap.xml.gz", share_image_path("*"))
# The home page's section offering the zip, and its entry in the table of contents: the
# copy inside the zip does not offer itself (templates/home.html writes the section).
_DOWNLOAD_SECTION = re.compile(rb'<h2 id="hors-ligne">.*?<p class="ba-download">.*?</p>\n?', re.S)
_DOWNLOAD_ENTRY = re.compile(rb'<li class="md-nav__item">\s*<a href="#hors-ligne".*?</li>\s*', re.S)


def build_date() -> date:
    """The build's date: SOURCE_DATE_EPOCH (reproducible builds) or today, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.date()


def archive_name(day: date) -> str:
    return f"briefing-archive-{day.isoformat()}"


def zip_path(day: date) -> str:
    """Where the zip is published, relative to the site root."""
    return f"{DOWNLOAD_DIR}/{archive_name(day)}.zip"


def offline_uses(path: str, moved: Collection[str] = ()) -> bool:
    """Whether the copy read from disk needs the site's file at ``path`` (not a zip, nor a
    file in ``moved``: kept at an address the site had before, which no page links to)."""
    return (not path.startswith(f"{DOWNLOAD_DIR}/") and path not in moved
            and not any(fnmatchcase(path, pattern) for pattern in UNUSED_OFFLINE))


def write_zip(site_dir: Path, day: date, moved: Collection[str] = ()) -> Path:
    """Zip the files of ``site_dir`` the offline copy uses (offline_uses; ``moved``: the
    redirects and copies at old addresses, PageBuilder.moved_files) into
    ``site_dir/zip_path(day)``; its home page does not offer the zip."""
    target = site_dir / zip_path(day)
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    folder = archive_name(day)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and offline_uses(
        p.relative_to(site_dir).as_posix(), moved))
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if path == site_dir / "index.html":
                data = _DOWNLOAD_ENTRY.sub(b"", _DOWNLOAD_SECTION.sub(b"", data, 1))
            archive.writestr(info, data)
    partial.replace(target)
    return target
