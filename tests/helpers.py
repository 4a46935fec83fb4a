"""Shared test helpers: temporary projects built from the real configuration, real builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def make_project(tmp_path: Path, articles: dict[str, str] | None = None,
                 keep_articles: bool = True) -> Path:
    """A copy of the repository's site configuration and content in ``tmp_path``.

    ``articles`` maps a file name to its text; it is added to (or, with
    ``keep_articles=False``, replaces) the real articles.
    """
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "briefings", project / "briefings")
    if not keep_articles:
        for path in (project / "briefings" / "articles").glob("*.md"):
            path.unlink()
    for name, text in (articles or {}).items():
        (project / "briefings" / "articles" / name).write_text(text, encoding="utf-8")
    return project


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def mkdocs_build(project: Path, site_dir: Path,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)], project, env)


def briefing(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return run([str(BIN / "briefing"), *args], cwd)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(path: Path) -> BeautifulSoup:
    """The page's main content, without theme chrome (header, navigation, footer)."""
    return soup(path).select_one("article.md-content__inner")


def article_text(front: str, body: str) -> str:
    return f"---\n{front.strip()}\n---\n\n{body.strip()}\n"


VALID_FRONT = """
id: {id}
title: "Un article de test"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]
"""
VALID_BODY = "La Corée du Nord a déployé 3.000 soldats supplémentaires en Russie."


def search_index(site: Path) -> dict:
    """The index, its postings gathered back from their shards."""
    text = (site / "search" / "index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("window.__BRIEFING_SEARCH__ = ").removesuffix(";\n"))
    index["postings"] = []
    for number in range(len(index["shards"])):
        shard = (site / "search" / f"postings-{number}.js").read_text(encoding="utf-8")
        index["postings"] += json.loads(shard.partition(f"[{number}] = ")[2].removesuffix(";\n"))
    return index
