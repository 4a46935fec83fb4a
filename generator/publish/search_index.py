"""The search index, written by a process of its own (build.py): at 10,000 articles its
postings take about a hundred megabytes while they are made, which that process gives back."""

from __future__ import annotations

from pathlib import Path

from ..derive.search import SearchDocument, build_index
from .writer import write_file


def write_index(site: Path, documents: list[SearchDocument], spellings: list[list[str]]) -> None:
    """The index and its postings; the excerpt shards are files of the plan (build.py)."""
    for path, script in build_index(documents, spellings, excerpts=False).items():
        write_file(site / path, script)
