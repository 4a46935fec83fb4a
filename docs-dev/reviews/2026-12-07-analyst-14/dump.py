"""Dump each page's <article>: one line per innermost block (tables: one line per row).

Used by review 14 to read the three layers line by line: python dump.py page.html ... > dump.txt
"""

import re
import sys

from bs4 import BeautifulSoup

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "figcaption",
    "caption", "summary", "blockquote", "div", "section", "details",
}
CONTAINERS = ("table", "ul", "ol", "dl", "svg", "script", "style", "figure")


def text(el):
    return re.sub(r"\s+", " ", el.get_text(" ", strip=True)).strip()


def walk(el, out):
    if el.name == "tr":
        cells = el.find_all(["td", "th"], recursive=False)
        out.append(" | ".join(text(c) for c in cells))
        return
    kids = list(el.find_all(True, recursive=False))
    blockkids = el.find_all(BLOCKS)
    if el.name in BLOCKS and not blockkids:
        t = text(el)
        if t:
            out.append(t)
        return
    if el.name in BLOCKS:
        own = "".join(s for s in el.find_all(string=True, recursive=False)).strip()
        inline = [c for c in kids if c.name not in BLOCKS and c.name not in CONTAINERS]
        parts = [own] + [text(c) for c in inline]
        t = re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()
        if t:
            out.append(t)
    for c in kids:
        if c.name not in ("script", "style", "svg"):
            walk(c, out)


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "lxml")
    out: list[str] = []
    walk(soup.find("article") or soup.body, out)
    print(f"##### {path}")
    for i, line in enumerate(out, 1):
        print(f"{i:4d}: {line}")
