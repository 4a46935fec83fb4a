#!/usr/bin/env python3
"""How near `briefing new` comes to the finished article, on raw texts written for the purpose.

    .venv/bin/python bench/drafts.py [--repeat 5] [--json bench/out/drafts.json]

Each folder of tests/fixtures/drafts/ (but registry/) holds a raw input (``raw.html``,
``raw.txt`` in any encoding, or ``raw.pasted.txt``, fed on standard input) and
``expected.md``, the article it should become. For each, in a fresh project whose
``briefings/`` holds the fixture registries (tests/fixtures/drafts/registry/):

1. ``briefing new`` drafts the article (timed, as a whole process);
2. the draft is *accepted* as a contributor who confirms every proposal would: the
   commented-out claims uncommented, the « à confirmer » comments dropped;
3. the accepted draft is compared with ``expected.md`` field by field: the fields a
   contributor still has to change (a differing value, a claim to add or delete, a
   cleaning note to change, the body if it differs), and the fields left to confirm;
4. ``expected.md`` replaces the draft and ``briefing check`` (``--strict`` where the
   command has it) runs on it (timed).

The time a person takes to read and confirm is not measured here (there is no person);
the counts say how much of that work is left.

Figures: per text, the figure claims of the finished article that the draft proposes (same
value, or same low and high), and over those, the claim fields (topic, metric, figure,
qualifier, as_of, attributed_to) and the header fields (date, outlet, wire) that are right,
wrong or missing; the proposed metrics that differ from the finished article's; debris left
as a heading or as a claim (a draft heading or a claim quote the finished text does not
hold); the finished article's intertitles the draft does not hold as headings (a doubtful
short line the draft leaves in its cleaning notes costs this); the hedges and the ``stated_on``
(the day the actor said it) proposed right. ``tests/fixtures/drafts/split.yml`` keeps part of the texts out of development:
their totals are printed separately (``held_out``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "drafts"
BIN = Path(sys.executable).parent
CLAIM_FIELDS = ("id", "topic", "metric", "event", "value", "low", "high", "qualifier", "as_of",
                "as_of_note", "stated_on", "stated_words", "attributed_to", "quote", "hedges", "disputes")
TOP_FIELDS = ("id", "title", "date", "date_note", "outlet", "wire", "url", "language", "topics")


# The seeds (real scraped texts, not written for the purpose) and the archive's hand-written
# articles made from them (tests/fixtures/archive/, in the claim format before optional as_of).
SEED_ARTICLES = {
    "000_65e4f877623b0830.txt": "2025-03-inconnu-3000-soldats-supplementaires.md",
    "001_3d3f816af3be707c.txt": "2025-03-inconnu-renforts-et-drones-ia.md",
    "002_6d26b8eed05513dc.txt": "2025-02-excelsior-troupes-supplementaires-koursk.md",
    "003_359b8381138046ac.txt": "2024-12-23-bfmtv-pertes-nord-coreennes.md",
    "004_125bc9ff60828318.txt": "date-inconnue-missiles-kn-23-budanov.md",
}


def fixtures(part: str | None = None) -> list[Path]:
    """The drafting fixtures; ``part`` 'dev' or 'held_out' for one side of split.yml."""
    found = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and (p / "expected.md").exists())
    if part is None:
        return found
    names = set(split_of()[part])
    return [p for p in found if p.name in names]


def split_of() -> dict[str, list[str]]:
    return yaml.safe_load((FIXTURES / "split.yml").read_text(encoding="utf-8"))


def cases(seeds: bool, part: str | None = None) -> list[tuple[str, Path, Path, Path]]:
    """(name, raw input, expected article, folder of topics/actors/outlets.yml)."""
    if seeds:
        return [(name.split("_")[0], REPO / "tests" / "fixtures" / "seeds" / name,
                 REPO / "tests" / "fixtures" / "archive" / "articles" / article, REPO / "briefings")
                for name, article in SEED_ARTICLES.items()]
    return [(f.name, raw_of(f), f / "expected.md", FIXTURES / "registry") for f in fixtures(part)]


def raw_of(fixture: Path) -> Path:
    return next(p for p in sorted(fixture.iterdir()) if p.name.startswith("raw."))


def split(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body.strip()


def accept(draft: str) -> str:
    """The draft as a contributor who confirms everything leaves it."""
    front, body = split(draft)
    kept = []
    for line in front.splitlines():
        claim = re.match(r"^  # (- |  )([a-z_]+:.*)$", line)
        if claim:
            line = f"  {claim[1]}{claim[2]}"
        elif line.lstrip().startswith("#"):
            if line.startswith("# yaml-language-server"):
                kept.append(line)
            continue
        line = line.split("    # ", 1)[0].rstrip()
        if re.fullmatch(r"[a-z_]+:", line) and line not in ("cleaning:", "claims:"):
            continue  # a field left empty (date_note:)
        kept.append(line)
    return "---\n" + "\n".join(kept) + "\n---\n\n" + body + "\n"


def parse(text: str) -> tuple[dict, str]:
    front, body = split(text)
    data = yaml.load(front, Loader=yaml.BaseLoader) or {}  # every scalar stays text
    return data, body


def _claim_key(claim: dict) -> tuple:
    return (claim.get("value"), claim.get("low"), claim.get("high"), claim.get("event"))


def changes(draft: dict, draft_body: str, expected: dict, expected_body: str) -> dict:
    """Field by field, what the contributor must still change to reach ``expected``."""
    out: dict[str, list[str]] = {"fields": [], "cleaning": [], "claims": [], "body": []}
    for field in TOP_FIELDS:
        if (draft.get(field) or None) != (expected.get(field) or None):
            out["fields"].append(f"{field}: {draft.get(field)!r} -> {expected.get(field)!r}")
    notes, wanted = list(draft.get("cleaning") or []), list(expected.get("cleaning") or [])
    out["cleaning"] += [f"- {n}" for n in notes if n not in wanted]
    out["cleaning"] += [f"+ {n}" for n in wanted if n not in notes]
    drafted = {_claim_key(c): c for c in draft.get("claims") or []}
    for claim in expected.get("claims") or []:
        proposed = drafted.pop(_claim_key(claim), None)
        if proposed is None:
            out["claims"] += [f"+ {claim.get('metric') or claim.get('event')}.{f}"
                              for f in CLAIM_FIELDS if f in claim]
            continue
        for field in CLAIM_FIELDS:
            if (proposed.get(field) or None) != (claim.get(field) or None):
                out["claims"].append(f"{claim.get('metric') or claim.get('event')}.{field}: "
                                     f"{proposed.get(field)!r} -> {claim.get(field)!r}")
    out["claims"] += [f"- claim {key}" for key in drafted]
    if " ".join(draft_body.split()) != " ".join(expected_body.split()):
        out["body"].append("body differs")
    return out


FIGURE_FIELDS = ("topic", "metric", "figure", "qualifier", "as_of", "attributed_to")
HEADER_FIELDS = ("date", "outlet", "wire")


def _figure(claim: dict) -> tuple:
    return (claim.get("value"), claim.get("low"), claim.get("high"))


def _wires(value: object) -> tuple:
    if not value:
        return ()
    return tuple(sorted(value)) if isinstance(value, list) else (value,)


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def figures(draft: dict, draft_body: str, expected: dict, expected_body: str) -> dict:
    """Figures proposed against the finished article's, and each field right, wrong or missing."""
    wanted = [c for c in expected.get("claims") or [] if not c.get("event")]
    proposed = [c for c in draft.get("claims") or [] if not c.get("event")]
    left_out = [_flat(entry.get("quote", "")) for entry in expected.get("left_out") or []]
    pool = list(proposed)
    right = wrong = missing = found = 0
    wrong_metrics: list[str] = []
    for claim in wanted:
        match = next((c for c in pool if _figure(c) == _figure(claim)), None)
        if match is None:
            missing += len([f for f in FIGURE_FIELDS if f == "figure" or claim.get(f)])
            continue
        pool.remove(match)
        found += 1
        for name in FIGURE_FIELDS:
            want = _figure(claim) if name == "figure" else claim.get(name) or None
            have = _figure(match) if name == "figure" else match.get(name) or None
            if want is None and have is None:
                continue
            if have == want:
                right += 1
            elif have is None:
                missing += 1
            else:
                wrong += 1
                if name == "metric":
                    wrong_metrics.append(f"{_figure(claim)}: {have} (finished: {want})")
    for name in HEADER_FIELDS:
        want = _wires(expected.get(name)) if name == "wire" else expected.get(name) or None
        have = _wires(draft.get(name)) if name == "wire" else draft.get(name) or None
        if want in (None, ()) and have in (None, ()):
            continue
        if have == want:
            right += 1
        elif have in (None, ()):
            missing += 1
        else:
            wrong += 1
    body = _flat(expected_body)
    headings = {line for line in expected_body.splitlines() if line.startswith("#")}
    debris = [f"heading {line!r}" for line in draft_body.splitlines()
              if line.startswith("#") and line not in headings]
    debris += [f"claim quoting {c.get('quote')!r}" for c in draft.get("claims") or []
               if c.get("quote") and _flat(c["quote"]) not in body]
    drafted_headings = {line for line in draft_body.splitlines() if line.startswith("#")}
    lost = [line for line in expected_body.splitlines() if line.startswith("#") and line not in drafted_headings]
    extra = [f"{_figure(c)} {c.get('metric')}" for c in pool
             if not any(_flat(c.get("quote") or "") in q or q in _flat(c.get("quote") or "")
                        for q in left_out)]
    return {"figures_expected": len(wanted), "figures_found": found,
            "fields_right": right, "fields_wrong": wrong, "fields_missing": missing,
            "wrong_metrics": wrong_metrics, "debris": debris, "extra_figures": extra,
            "headings_lost": lost}


def project(root: Path, registry: Path) -> Path:
    (root / "briefings" / "articles").mkdir(parents=True)
    for name in ("topics.yml", "actors.yml", "outlets.yml"):
        shutil.copy(registry / name, root / "briefings" / name)
    return root


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, timeout=300)
    return time.perf_counter() - start, result


def has_strict() -> bool:
    result = subprocess.run([str(BIN / "briefing"), "check", "--help"], capture_output=True, text=True)
    return "--strict" in result.stdout


def hedges(draft: dict, expected: dict) -> dict:
    """Hedges proposed against the finished article's, over the claims both hold (same key):
    a proposal is right when one of its words stands in one of the finished hedges (or the
    other way round: « auraient » in « auraient été tués »)."""
    drafted = {_claim_key(c): c for c in draft.get("claims") or []}
    hedged = found = 0
    extra: list[str] = []
    for claim in expected.get("claims") or []:
        proposal = drafted.get(_claim_key(claim))
        if proposal is None:
            continue
        want = [_flat(h).lower() for h in claim.get("hedges") or []]
        have = [_flat(h).lower() for h in proposal.get("hedges") or []]
        hedged += bool(want)
        if want and any(h in w or w in h for h in have for w in want):
            found += 1
        elif have:
            extra.append(f"{claim.get('metric') or claim.get('event')}: {have} (finished: {want})")
    return {"hedged_expected": hedged, "hedged_found": found, "hedges_extra": extra}


def statements(draft: dict, expected: dict) -> dict:
    """``stated_on`` proposed against the finished article's, over the claims both hold (same key):
    the day the actor said it, kept apart from ``as_of`` (CONTRIBUTING.md)."""
    drafted = {_claim_key(c): c for c in draft.get("claims") or []}
    dated = found = 0
    extra: list[str] = []
    for claim in expected.get("claims") or []:
        proposal = drafted.get(_claim_key(claim))
        if proposal is None:
            continue
        want, have = claim.get("stated_on"), proposal.get("stated_on")
        dated += bool(want)
        if want and have == want:
            found += 1
        elif have:
            extra.append(f"{claim.get('metric') or claim.get('event')}: {have} (finished: {want})")
    return {"stated_expected": dated, "stated_found": found, "stated_extra": extra}


def measure(name: str, raw: Path, expected_path: Path, registry: Path, strict: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = project(Path(tmp), registry)
        pasted = raw.name.startswith("raw.pasted")
        args = [str(BIN / "briefing"), "new", "-" if pasted else str(raw)]
        new_time, result = run(args, root, raw.read_bytes() if pasted else None)
        if result.returncode:
            return {"fixture": name, "error": result.stderr.decode("utf-8", "replace")}
        path = root / result.stdout.decode().split(":")[0].removeprefix("wrote ")
        draft = path.read_text(encoding="utf-8")
        accepted, body = parse(accept(draft))
        expected_text = expected_path.read_text(encoding="utf-8")
        expected, expected_body = parse(expected_text)
        diff = changes(accepted, body, expected, expected_body)
        measured = figures(accepted, body, expected, expected_body) | hedges(accepted, expected) | statements(accepted, expected)
        path.unlink()
        (root / "briefings" / "articles" / f"{expected['id']}.md").write_text(expected_text, "utf-8")
        check_time, check = run([str(BIN / "briefing"), "check", *(["--strict"] if strict else [])], root)
        proposed_claims = len(accepted.get("claims") or [])
        return {
            "fixture": name, "input": raw.name,
            "new_seconds": round(new_time, 2), "check_seconds": round(check_time, 2),
            "check": "pass" if check.returncode == 0 else "fail",
            "check_errors": [l for l in check.stderr.decode("utf-8", "replace").splitlines() if l][:10],
            "to_confirm": draft.count("# à confirmer"), "to_fill": draft.count("# à remplir"),
            "claims_proposed": proposed_claims, "claims_expected": len(expected.get("claims") or []),
            "cleaning_notes": len(accepted.get("cleaning") or []),
            "changes": diff, "to_change": sum(len(v) for v in diff.values()), **measured,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per fixture (median time kept)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--seeds", action="store_true",
                        help="measure on the five seeds against the archive's hand-written articles "
                             "instead (real scrapes; articles in the claim format before optional as_of)")
    parser.add_argument("--part", choices=("dev", "held_out"),
                        help="only the fixtures of this side of tests/fixtures/drafts/split.yml "
                             "(default: all, each side's totals printed apart)")
    options = parser.parse_args()
    strict = has_strict()
    rows = []
    for case in cases(options.seeds, options.part):
        runs = [measure(*case, strict) for _ in range(options.repeat)]
        row = runs[0]
        if "error" not in row:
            row["new_seconds"] = round(statistics.median(r["new_seconds"] for r in runs), 2)
            row["check_seconds"] = round(statistics.median(r["check_seconds"] for r in runs), 2)
        rows.append(row)
    check_name = "check --strict" if strict else "check"
    print(f"| fixture | input | fields to confirm | fields to fill | fields to change | claims proposed / expected "
          f"| cleaning notes | `new` (s) | `{check_name}` on the finished article (s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        if "error" in row:
            print(f"| {row['fixture']} | error: {row['error'].strip()} |||||||")
            continue
        print(f"| {row['fixture']} | `{row['input']}` | {row['to_confirm']} | {row['to_fill']} "
              f"| {row['to_change']} | {row['claims_proposed']} / {row['claims_expected']} "
              f"| {row['cleaning_notes']} | {row['new_seconds']} "
              f"| {row['check_seconds']} ({row['check']}) |")
    for row in rows:
        for kind, items in row.get("changes", {}).items():
            for item in items:
                print(f"  {row['fixture']}: {kind}: {item}")
        for error in row.get("check_errors", []) if row.get("check") == "fail" else []:
            print(f"  {row['fixture']}: check: {error}")
    print_figures(rows, None if options.seeds else split_of())
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


def print_figures(rows: list[dict], parts: dict[str, list[str]] | None) -> None:
    """Per text and per side of the split: figures proposed, fields right / wrong / missing."""
    print()
    print("| text | part | figures proposed / in the finished article | fields right | wrong | missing "
          "| wrong metrics | debris as heading or claim | figures not in the finished article "
          "| intertitles lost |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    side = {name: part for part, names in (parts or {}).items() for name in names}
    for row in rows:
        if "error" in row:
            continue
        print(f"| {row['fixture']} | {side.get(row['fixture'], '-')} | {row['figures_found']} / "
              f"{row['figures_expected']} | {row['fields_right']} | {row['fields_wrong']} "
              f"| {row['fields_missing']} | {len(row['wrong_metrics'])} | {len(row['debris'])} "
              f"| {len(row['extra_figures'])} | {len(row['headings_lost'])} |")
    for part in dict.fromkeys(side.get(r["fixture"], "-") for r in rows):
        chosen = [r for r in rows if side.get(r["fixture"], "-") == part and "error" not in r]
        total = {key: sum(r[key] for r in chosen) for key in
                 ("figures_found", "figures_expected", "fields_right", "fields_wrong", "fields_missing")}
        share = 100 * total["figures_found"] / max(total["figures_expected"], 1)
        print(f"| **total {part}** ({len(chosen)} texts) | | {total['figures_found']} / "
              f"{total['figures_expected']} ({share:.0f} %) | {total['fields_right']} "
              f"| {total['fields_wrong']} | {total['fields_missing']} "
              f"| {sum(len(r['wrong_metrics']) for r in chosen)} | {sum(len(r['debris']) for r in chosen)} "
              f"| {sum(len(r['extra_figures']) for r in chosen)} "
              f"| {sum(len(r['headings_lost']) for r in chosen)} |")
        print(f"|   hedges, {part} | | proposed on {sum(r['hedged_found'] for r in chosen)} of the "
              f"{sum(r['hedged_expected'] for r in chosen)} hedged claims drafted; "
              f"{sum(len(r['hedges_extra']) for r in chosen)} proposed where the finished claim has "
              "none or others |||||||")
        print(f"|   stated_on, {part} | | right on {sum(r['stated_found'] for r in chosen)} of the "
              f"{sum(r['stated_expected'] for r in chosen)} claims whose finished form has one; "
              f"{sum(len(r['stated_extra']) for r in chosen)} proposed where it has none or another |||||||")
    for row in rows:
        for key in ("wrong_metrics", "debris", "extra_figures", "headings_lost", "hedges_extra", "stated_extra"):
            for item in row.get(key, []):
                print(f"  {row['fixture']}: {key}: {item}")


if __name__ == "__main__":
    main()
