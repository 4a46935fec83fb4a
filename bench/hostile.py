#!/usr/bin/env python3
"""How long `briefing check` and a cold `mkdocs build` take on 1 MiB of hostile text.

    .venv/bin/python bench/hostile.py [--repeat 3] [--timeout 600] [PAYLOAD ...]

Each payload is one article whose body fills the size cap (sources.MAX_ARTICLE_BYTES)
with a repeated opening that never closes, or deep nesting: what makes a backtracking
expression or a parser take quadratic time. Each is timed alone, as whole processes, in a
fresh copy of the fixture archive (tests/fixtures/archive) with no cache; the table gives
the median (and min-max) CPU seconds (user + system of the process and its workers: on a
shared machine, wall time mostly measures the neighbours) and the median wall seconds, or
"timeout".
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from helpers import BIN, article_text, make_project  # noqa: E402

from generator.read.sources import MAX_ARTICLE_BYTES  # noqa: E402

FRONT = """id: h
title: "Texte hostile"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]
"""
SIZE = MAX_ARTICLE_BYTES - 400


def fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


PAYLOADS = {
    "<": fill("<"), "<!--": fill("<!--"), "<a": fill("<a"), "<\\n": fill("<\n"),
    "[": fill("["), "![": fill("!["), "[...]": "[" * (SIZE // 2) + "]" * (SIZE // 2),
    "[a](": fill("[a]("), "*": fill("*"), "_": fill("_"), "*a _b": fill("*a _b "),
    "> ": fill("> "), "`": fill("`"), "&#": fill("&#"), "{": fill("{"),
    "# a   b": "# a" + fill(" ", SIZE - 4) + "b", "# a###b": "# a" + fill("#", SIZE - 4) + "b",
}


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, timeout: float) -> tuple[float, float] | None:
    """CPU and wall seconds of ``command``, or None if it timed out."""
    start, start_cpu = time.perf_counter(), cpu()
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout,
                                env={**os.environ, "SOURCE_DATE_EPOCH": "1743033600"})
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr.decode()}")
    return cpu() - start_cpu, time.perf_counter() - start


def cell(times: list[tuple[float, float] | None]) -> str:
    if any(t is None for t in times):
        return "timeout | timeout"
    done = [t[0] for t in times if t is not None]
    wall = statistics.median(t[1] for t in times if t is not None)
    return f"{statistics.median(done):.1f} ({min(done):.1f}-{max(done):.1f}) | {wall:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("payloads", nargs="*", default=list(PAYLOADS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    print("| payload (1 MiB) | check, CPU s | check, wall s | build, CPU s | build, wall s |\n"
          "|---|---|---|---|---|")
    for name in args.payloads:
        check: list[tuple[float, float] | None] = []
        build: list[tuple[float, float] | None] = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder:
                tmp = Path(folder)
                project = make_project(tmp, {"h.md": article_text(FRONT, PAYLOADS[name])},
                                       keep_articles=False)
                check.append(timed([str(BIN / "briefing"), "check"], project, args.timeout))
                build.append(timed([str(BIN / "mkdocs"), "build", "--strict", "--site-dir",
                                    str(tmp / "site")], project, args.timeout))
                shutil.rmtree(project / ".cache", ignore_errors=True)
        print(f"| `{name!r}` | {cell(check)} | {cell(build)} |", flush=True)


if __name__ == "__main__":
    main()
