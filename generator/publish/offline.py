"""The downloadable offline copy: the built site as one reproducible zip.

Entries are sorted and stamped with the build date (SOURCE_DATE_EPOCH when set), so
two builds of the same input give the same bytes. The zip unpacks into one folder
whose index.html opens from disk.
"""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

DOWNLOAD_DIR = "telechargement"


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


def write_zip(site_dir: Path, day: date) -> Path:
    """Zip every file of ``site_dir`` (but earlier zips) into ``site_dir/zip_path(day)``."""
    target = site_dir / zip_path(day)
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    folder = archive_name(day)
    files = sorted(p for p in site_dir.rglob("*")
                   if p.is_file() and p.relative_to(site_dir).parts[0] != DOWNLOAD_DIR)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)
    return target
