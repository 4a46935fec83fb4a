"""The site's plan kept for the next build: hub pages are a pure function of the archive's
metadata, so when no article's metadata changed they are the pages already stored.

Deriving the analysis and planning every list page is about half of a warm rebuild at
10,000 articles, for a result the previous build already has whenever only article texts
changed (bench/RESULTS.md). The plan is kept under a key naming everything planning reads: the build
fingerprint (generator, templates, metadata files, libraries), every article's metadata
key, the same-story groups (found in article texts), the build date and the download.
A hit gives each page's path, title and key; a page that cannot be reused from the previous
site is still made, by deriving and planning for real then (``SiteBuild.write`` in build.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..render.pages import Planned
from . import sealed

_PREFIX = "plan-"


@dataclass(frozen=True)
class PlannedItem:
    """A planned page or file as the next build needs it: where, titled how, stored under."""

    path: str
    title: str
    key: str


def item(planned: Planned) -> PlannedItem:
    """What is kept of a ``render.pages.Planned``."""
    return PlannedItem(planned.path, planned.title, planned.key)


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[PlannedItem, ...]
    assets: tuple[PlannedItem, ...]
    home_sections: str
    nav_markdown: tuple[tuple[str, str], ...]     # navigation pages, which MkDocs renders
    moved: tuple[str, ...] = ()                   # files kept only at old addresses


def plan_key(fingerprint: str, metadata_keys: dict[str, str], same_story: dict[str, list[str]],
             build_day: date, download: str | None) -> str:
    """Names everything planning reads."""
    digest = hashlib.sha256(f"{fingerprint}\0{build_day.isoformat()}\0{download}".encode())
    for article_id in sorted(metadata_keys):
        digest.update(f"\0{article_id}\0{metadata_keys[article_id]}".encode())
    digest.update(repr(sorted(same_story.items())).encode())
    return digest.hexdigest()


def _path(store: Path, key: str) -> Path:
    return store / f"{_PREFIX}{key[:32]}.json"


def kept(store: Path) -> bool:
    """Whether a plan is kept in ``store`` at all: without one, the build will plan."""
    return store.is_dir() and any(store.glob(f"{_PREFIX}*.json"))


def load(store: Path, key: str) -> SitePlan | None:
    """The plan kept under ``key``, if it is there and passes its check (sealed.py)."""
    parts = sealed.read_sealed(_path(store, key), key)
    if parts is None or len(parts) != 1:
        return None
    try:
        data = json.loads(parts[0])
        return SitePlan(tuple(PlannedItem(*item) for item in data["pages"]),
                        tuple(PlannedItem(*item) for item in data["assets"]),
                        data["home_sections"], tuple(map(tuple, data["nav_markdown"])),
                        tuple(data["moved"]))
    except (ValueError, KeyError, TypeError):
        return None


def save(store: Path, key: str, plan: SitePlan) -> None:
    """Keep ``plan`` as the only one: another metadata state is unlikely to come back."""
    target = _path(store, key)
    # Tens of megabytes at 10,000 articles: written one item per chunk, never as one string.
    sealed.write_sealed(target, key, [sealed.json_chunks({
        "pages": ([i.path, i.title, i.key] for i in plan.pages),
        "assets": ([i.path, i.title, i.key] for i in plan.assets),
        "home_sections": plan.home_sections,
        "nav_markdown": plan.nav_markdown,
        "moved": plan.moved}, listed=("pages", "assets"))])
    for old in store.glob(f"{_PREFIX}*"):
        if old != target:
            old.unlink(missing_ok=True)
