#!/usr/bin/env python3
"""A stock MkDocs + Material project holding the same articles as a synthetic archive.

    python bench/stock.py DIR --out STOCKDIR [--build]

STOCKDIR gets bench/stock/mkdocs.yml (theme material, language fr, search plugin,
nav with the home page only, use_directory_urls false, no briefing plugin),
docs/index.md, and docs/articles/<id>.md = "# <title>" + the article's Markdown body.
bench/run.py then times `mkdocs build -q -d site` in STOCKDIR; --build does one build
here (handy by hand).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "stock"
MARKER = ".bench-stock"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def make(project: Path, out: Path) -> int:
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            sys.exit(f"stock: {out} exists, is not empty and was not made by stock.py")
        shutil.rmtree(out)
    (out / "docs" / "articles").mkdir(parents=True)
    (out / MARKER).write_text("made by bench/stock.py; removed by its next run\n", encoding="utf-8")
    shutil.copyfile(TEMPLATE / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copyfile(TEMPLATE / "index.md", out / "docs" / "index.md")
    count = 0
    for path in sorted((project / "briefings" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---\n", 3)
        meta = yaml.load(text[4:end], Loader=Loader)
        body = text[end + 5:].strip("\n")
        (out / "docs" / "articles" / path.name).write_text(
            f"# {meta['title']}\n\n{body}\n", encoding="utf-8")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="synthetic project folder (bench/synth.py)")
    parser.add_argument("--out", type=Path, required=True, help="stock project folder to create")
    parser.add_argument("--build", action="store_true", help="also run mkdocs build once")
    args = parser.parse_args()
    count = make(args.project, args.out)
    print(f"stock: {count} article pages in {args.out}")
    if args.build:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        subprocess.run([str(mkdocs), "build", "-q", "-d", "site"], cwd=args.out, check=True)


if __name__ == "__main__":
    main()
