"""Lines added (+) or removed (-) between two dumps of dump.py, matched by page and text."""

import re
import sys


def lines(path: str) -> list[tuple[str | None, str, str]]:
    out: list[tuple[str | None, str, str]] = []
    page = None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        match = re.match(r"\s*(\d+): (.*)", line)
        if match:
            out.append((page, match.group(1), match.group(2)))
        else:
            page = line.strip()
    return out


before, after = lines(sys.argv[1]), lines(sys.argv[2])
seen_before = {(page, text) for page, _, text in before}
seen_after = {(page, text) for page, _, text in after}
for page, number, text in after:
    if (page, text) not in seen_before:
        print(f"+ {page} l.{number}: {text}\n")
for page, number, text in before:
    if (page, text) not in seen_after:
        print(f"- {page} l.{number}: {text}\n")
