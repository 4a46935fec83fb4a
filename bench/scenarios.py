#!/usr/bin/env python3
"""What a reader sees on held-out scenario archives, against what the rules say they must see.

    .venv/bin/python bench/scenarios.py [--only NAME ...] [--json bench/out/scenarios.json]

Each folder of tests/fixtures/scenarios-heldout/ is a small archive written for one rule of
the briefing layer (relations between metrics, agreement and divergence, statuses, periods in
the text's words, repeats, hedges, events and provisions, ranges, the log, independence),
without looking at the generator's derivation or at the scenarios it was tuned on. The
registries beside the folders (topics.yml, actors.yml, outlets.yml, publication.yml) are
shared; a scenario's own .yml file replaces the shared one. For each scenario:

1. a project is assembled in a temporary folder (the repository's mkdocs.yml and docs/, the
   registries and the scenario's articles as briefings/) and built with the real
   `mkdocs build --strict`;
2. each expectation of its ``expected.yml`` is checked on the built HTML, as visible text
   (spaces of any width read as one space, typographic apostrophes as ').

This is a measurement, not a test: a failed expectation is printed (with what the page
shows there), never raised. ``expected.yml``::

    rule: "what the scenario is about"
    expect:
      - where: headline:<topic-slug>      # the topic page's headline box
        contains: ["words that must be seen"]
        absent: ["words that must not"]
        why: "the rule, in one sentence"
      - where: picture:<topic-slug>[:<metric>]   # the current picture (of one metric)
        order: ["first", "then"]          # all present, in this order
      - where: journal                    # the log's lines
        line: "2 300"                     # only the lines holding these words
        contains: ["correction"]
      - where: journal
        count: {containing: "7 000", equals: 1}

Other places: ``contradictions:<slug>``, ``charts:<slug>``, ``home`` (the home page's
headline boxes), ``page:<path in the site>`` (the whole content of a page).
Every ``contains``, ``absent``, ``order`` and ``count`` is one expectation.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "tests" / "fixtures" / "scenarios-heldout"
REGISTRIES = ("topics.yml", "actors.yml", "outlets.yml", "publication.yml")
BIN = Path(sys.executable).parent
REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1743033600"}

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u200a]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def visible(text: str) -> str:
    """Text as shown: one plain space for any run of spaces, one apostrophe."""
    return _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()


def folded(text: str) -> str:
    """Text as compared: visible, and capitals ignored (« Reprend » shows « reprend »)."""
    return visible(text).casefold()


@dataclass(frozen=True)
class Outcome:
    """One expectation checked: what was asked, whether it holds, and what the page shows."""

    scenario: str
    where: str
    expectation: str
    met: bool
    shows: str = ""


@dataclass
class Result:
    scenario: str
    rule: str
    outcomes: list[Outcome] = field(default_factory=list)
    build_error: str = ""

    @property
    def met(self) -> int:
        return sum(o.met for o in self.outcomes)


# --- regions of a built page ------------------------------------------------------------------


def _content(html: str) -> Tag | None:
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("article") or soup.body


def _section(root: Tag, heading_id: str) -> str | None:
    """Text from the heading with this id up to the next heading of the same or a higher level."""
    heading = root.find(id=heading_id)
    if heading is None or not re.fullmatch(r"h[1-6]", heading.name or ""):
        return None
    level = int(heading.name[1])
    stops = {f"h{n}" for n in range(1, level + 1)}
    parts = [heading.get_text(" ")]
    for sibling in heading.next_siblings:
        if isinstance(sibling, Tag) and sibling.name in stops:
            break
        parts.append(sibling.get_text(" ") if isinstance(sibling, Tag) else str(sibling))
    return visible(" ".join(parts))


def region_texts(html: str, kind: str, metric: str | None = None) -> list[str] | None:
    """The visible texts of one place of a page (a list: the log has one text per line);
    None when the page has no such place."""
    root = _content(html)
    if root is None:
        return None
    if kind == "page":
        return [visible(root.get_text(" "))]
    if kind in ("headline", "home"):
        boxes = root.select(".ba-headline-block")
        return [visible(box.get_text(" ")) for box in boxes] if boxes else None
    if kind == "journal":
        lines = root.select(".ba-log-list li")
        return [visible(li.get_text(" ")) for li in lines] if lines else None
    heading = {"picture": "etat-actuel", "contradictions": "contradictions",
               "charts": "graphiques"}[kind]
    if kind == "picture" and metric:
        heading = f"etat-{metric}"
    text = _section(root, heading)
    return None if text is None else [text]


def page_of(where: str) -> tuple[str, str, str | None]:
    """(page path in the site, region kind, metric) for an expectation's ``where``."""
    kind, _, rest = where.partition(":")
    if kind == "page":
        return rest, "page", None
    if kind == "journal":
        return "journal/index.html", "journal", None
    if kind == "home":
        return "index.html", "home", None
    slug, _, metric = rest.partition(":")
    return f"sujets/{slug}.html", kind, metric or None


# --- expectations ---------------------------------------------------------------------------


def _excerpt(texts: list[str], needle: str = "", width: int = 260) -> str:
    text = " | ".join(texts)
    at = text.find(needle) if needle else -1
    if at < 0:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, at - width // 2)
    return ("…" if start else "") + text[start:start + width] + "…"


def check(expectation: dict, texts: list[str] | None, scenario: str = "") -> list[Outcome]:
    """Every expectation of one ``expect`` entry, checked against a place's texts."""
    where = expectation["where"]
    out: list[Outcome] = []

    def record(what: str, met: bool, shows: str) -> None:
        out.append(Outcome(scenario, where, what, met, "" if met else shows))

    selector = expectation.get("line")
    if texts is not None and selector:
        texts = [t for t in texts if folded(selector) in folded(t)]
    missing = "(no such place on the page)" if texts is None else "(no line holds « %s »)" % selector
    found = texts or []
    keys = [folded(t) for t in found]
    for words in expectation.get("contains", []):
        needle = folded(words)
        ok = any(needle in t for t in keys)
        record(f"shows « {words} »", ok, _excerpt(found) if found else missing)
    for words in expectation.get("absent", []):
        needle = folded(words)
        hits = [t for t, key in zip(found, keys) if needle in key]
        record(f"does not show « {words} »", not hits, _excerpt(hits, visible(words)))
    if "order" in expectation:
        # each one after the one before (a subsequence), not merely first occurrences
        joined, at, positions = " | ".join(keys), 0, []
        for words in expectation["order"]:
            found_at = joined.find(folded(words), at)
            positions.append(found_at)
            if found_at < 0:
                break
            at = found_at + len(folded(words))
        ok = len(positions) == len(expectation["order"]) and min(positions) >= 0
        shows = ", ".join(f"« {w} » at {p}" for w, p in zip(expectation["order"], positions))
        record("in order: " + " → ".join(f"« {w} »" for w in expectation["order"]), ok,
               (shows + " — " + _excerpt(found)) if found else missing)
    if "count" in expectation:
        needle = folded(expectation["count"]["containing"])
        wanted = int(expectation["count"]["equals"])
        hits = [t for t, key in zip(found, keys) if needle in key]
        record(f"{wanted} line(s) with « {expectation['count']['containing']} »",
               len(hits) == wanted, f"{len(hits)}: " + _excerpt(hits, needle))
    return out


def evaluate(site: Path, name: str, expected: dict) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for expectation in expected["expect"]:
        path, kind, metric = page_of(expectation["where"])
        file = site / path
        texts = region_texts(file.read_text("utf-8"), kind, metric) if file.is_file() else None
        outcomes += check(expectation, texts, name)
    return outcomes


# --- building -------------------------------------------------------------------------------


def assemble(scenario: Path, into: Path) -> Path:
    """A project in ``into``: the repository's site configuration, the shared registries
    (or the scenario's own) and the scenario's articles."""
    project = into / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    briefings = project / "briefings"
    (briefings / "articles").mkdir(parents=True)
    for name in REGISTRIES:
        own, shared = scenario / name, scenario.parent / name
        if own.is_file() or shared.is_file():
            shutil.copy(own if own.is_file() else shared, briefings / name)
    for article in sorted(scenario.glob("*.md")):
        shutil.copy(article, briefings / "articles" / article.name)
    return project


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **REPRODUCIBLE}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)


def run_scenario(scenario: Path) -> Result:
    expected = yaml.safe_load((scenario / "expected.yml").read_text("utf-8"))
    result = Result(scenario.name, expected.get("rule", ""))
    with tempfile.TemporaryDirectory(prefix=f"scenario-{scenario.name}-") as tmp:
        project = assemble(scenario, Path(tmp))
        done = build(project, Path(tmp) / "site")
        if done.returncode != 0:
            result.build_error = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
            total = sum(len(e.get("contains", [])) + len(e.get("absent", []))
                        + ("order" in e) + ("count" in e) for e in expected["expect"])
            result.outcomes = [Outcome(scenario.name, "build", "the site builds", False,
                                       result.build_error)] * total
            return result
        result.outcomes = evaluate(Path(tmp) / "site", scenario.name, expected)
    return result


def scenarios(only: list[str] | None = None) -> list[Path]:
    found = sorted(p for p in SCENARIOS.iterdir() if (p / "expected.yml").is_file())
    return [p for p in found if not only or p.name in only]


def report(results: list[Result]) -> str:
    lines = ["| scenario | rule | met / total |", "|---|---|---:|"]
    for r in results:
        rule = r.rule.split(":")[0]
        lines.append(f"| {r.scenario} | {rule} | {r.met} / {len(r.outcomes)} |")
    met, total = sum(r.met for r in results), sum(len(r.outcomes) for r in results)
    lines.append(f"| **all ({len(results)} scenarios)** | | **{met} / {total}** |")
    lines.append("")
    for r in results:
        failed = [o for o in r.outcomes if not o.met]
        if r.build_error:
            lines.append(f"- **{r.scenario}**: the build failed: {r.build_error}")
            continue
        for o in failed:
            lines.append(f"- **{r.scenario}** `{o.where}`: {o.expectation} — the page shows: {o.shows}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="scenario folder names")
    parser.add_argument("--json", type=Path, help="write the outcomes here too")
    args = parser.parse_args(argv)
    results = [run_scenario(s) for s in scenarios(args.only)]
    print(report(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(
            [{"scenario": r.scenario, "rule": r.rule, "met": r.met, "total": len(r.outcomes),
              "build_error": r.build_error,
              "outcomes": [o.__dict__ for o in r.outcomes]} for r in results],
            ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
