#!/usr/bin/env python3
"""Benchmark the real build against the Python floor and stock MkDocs + Material.

    /work/main/.venv/bin/python bench/run.py --sizes 1000 10000 --repeat 3

For each size N: bench/synth.py writes a synthetic archive once into bench/out/archive-N
(bench/stock.py derives bench/out/stock-N from it), then each row below is run --repeat
times, interleaved (cold, warm, floor-plain, floor-jinja, stock, check, then again), each
as a whole process under `/usr/bin/time -f '%e %M'` (wall seconds, peak RSS in KB):

  cold         rm -rf DIR/.cache DIR/site; mkdocs build -q -d site   (the project's build)
  warm         one article gets a sentence appended to its last paragraph, then the same
               build without deleting DIR/.cache (nor site/); the article is restored after
  floor-plain  bench/floor.py --mode plain  (read, YAML, Python-Markdown, write)
  floor-jinja  bench/floor.py --mode jinja  (+ a Jinja2 page template + a search index)
  stock        mkdocs build -q -d site of bench/out/stock-N (Material, no briefing plugin)
  check        briefing check (validation only; no output)
  pagefind     Pagefind (PyPI `pagefind[extended]`, installed in bench/out/pagefind-venv, never a
               dependency of the site) indexing a copy of the project's built site, whose home
               page then holds the Pagefind UI instead of ours

Then bench/search_latency.py measures search in Chromium on the cold/warm site and on
the stock site (unless --no-latency). One Markdown table per N is printed, and the
figures are written to bench/out/results-N.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
BIN = Path(sys.executable).parent
if not (BIN / "mkdocs").exists():
    BIN = REPO / ".venv" / "bin"
PYTHON = str(BIN / "python")
MKDOCS = str(BIN / "mkdocs")
BRIEFING = str(BIN / "briefing")
ROWS = ("cold", "warm", "floor-plain", "floor-jinja", "stock", "check", "pagefind")
PAGEFIND_PYTHON = OUT / "pagefind-venv" / "bin" / "python"
PAGEFIND_INSTALL = (f"python3 -m venv {OUT / 'pagefind-venv'} && "
                    f"{PAGEFIND_PYTHON.parent / 'pip'} install 'pagefind[extended]'")
PAGEFIND_UI = """<div id="pagefind-search"></div>
<link rel="stylesheet" href="pagefind/pagefind-ui.css"><script src="pagefind/pagefind-ui.js"></script>
<script>new PagefindUI({element: "#pagefind-search", showSubResults: false});</script>
"""
# Where a site's search index may be: the project's own, then Material's.
SEARCH_FILES = ("search/index.js", "search/search_index.json")
WARM_SENTENCE = " Une phrase ajoutée par le banc d'essai pour mesurer la reconstruction."


def timed(cmd: list[str], cwd: Path, timeout: float) -> dict:
    """Run cmd under /usr/bin/time; wall seconds, peak RSS (KB), exit status, stderr tail."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", stats.name, *cmd]
        # Own session, so a timeout kills the build too, not only /usr/bin/time.
        proc = subprocess.Popen(full, cwd=cwd, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stdout, stderr = proc.communicate()
            return {"ok": False, "cmd": " ".join(cmd), "error": f"timed out after {timeout} s",
                    "stderr_tail": "\n".join(stderr.splitlines()[-25:])}
        lines = [line for line in Path(stats.name).read_text().splitlines() if line.strip()]
    result = {"ok": proc.returncode == 0, "cmd": " ".join(cmd), "returncode": proc.returncode}
    try:
        wall, rss = lines[-1].split()
        result.update(wall_s=float(wall), rss_kb=int(rss))
    except (IndexError, ValueError):
        result["ok"] = False
    if not result["ok"]:
        result["stderr_tail"] = "\n".join((stderr or stdout).splitlines()[-25:])
    return result


def du_bytes(path: Path) -> int | None:
    if not path.exists():
        return None
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])


def gz_size(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in paths)


def pagefind_copy(site: Path, target: Path) -> None:
    """The built site, hard-linked, its home page holding the Pagefind UI instead of ours."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, copy_function=os.link)
    home = target / "index.html"
    page = re.sub(r'<script src="assets/javascripts/briefing-search\.js[^"]*"></script>', "",
                  home.read_text(encoding="utf-8"))
    home.unlink()  # a hard link: replaced, never edited in place
    home.write_text(page.replace("</body>", PAGEFIND_UI + "</body>", 1), encoding="utf-8")


def pagefind_stats(out_dir: Path, articles: int) -> dict:
    """Pagefind's bundle: its files are compressed already, so raw bytes are what is sent."""
    files = [p for p in (out_dir / "pagefind").rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    return {"search": {"file": f"pagefind/ ({len(files)} files)", "raw_bytes": raw,
                       "gzip_bytes": raw, "gzip_bytes_per_article": round(raw / articles, 1)}}


def output_stats(out_dir: Path, articles: int) -> dict:
    stats: dict = {"output_bytes": du_bytes(out_dir)}
    pages = list((out_dir / "articles").glob("*.html")) if out_dir.exists() else []
    if pages:
        stats["article_pages"] = len(pages)
        stats["article_page_avg_bytes"] = round(sum(p.stat().st_size for p in pages) / len(pages))
    for name in SEARCH_FILES:
        index = out_dir / name
        if index.exists():
            # Ours comes in shards (search/postings-N.js): count them all, each gzipped
            # as a server would send it.
            parts = [index, *sorted(index.parent.glob("postings-*.js"))]
            raw = sum(p.stat().st_size for p in parts)
            gz = gz_size(parts)
            stats["search"] = {"file": name + (f" + {len(parts) - 1} shards" if len(parts) > 1
                                               else ""),
                               "raw_bytes": raw, "gzip_bytes": gz,
                               "gzip_bytes_per_article": round(gz / articles, 1)}
            # Excerpts are loaded a few files at a time, for the results shown only.
            excerpts = sorted(index.parent.glob("excerpts-*.js"))
            if excerpts:
                stats["search"]["excerpts"] = {"files": len(excerpts),
                                               "gzip_bytes": gz_size(excerpts),
                                               "gzip_bytes_per_file_max": max(map(gz_size, (
                                                   [p] for p in excerpts)))}
            break
    others = [p.relative_to(out_dir).as_posix() for p in sorted((out_dir / "search").glob("*"))] \
        if (out_dir / "search").exists() else []
    if others:
        stats["search_files"] = others
    return stats


def summarise(runs: list[dict], row: str) -> dict:
    good = [r for r in runs if r.get("ok")]
    summary: dict = {"runs": runs, "ok": len(good) == len(runs) and bool(runs)}
    if good:
        walls = [r["wall_s"] for r in good]
        summary["wall_s"] = {"median": statistics.median(walls), "min": min(walls),
                             "max": max(walls), "n": len(walls)}
        summary["rss_kb_median"] = statistics.median(r["rss_kb"] for r in good)
    failed = [r for r in runs if not r.get("ok")]
    if failed:
        tail = failed[0].get("stderr_tail") or failed[0].get("error", "")
        print(f"\n!! {row} failed ({len(failed)}/{len(runs)} runs): {failed[0]['cmd']}\n"
              f"{tail}\n", file=sys.stderr)
    return summary


def append_sentence(path: Path) -> str:
    original = path.read_text(encoding="utf-8")
    path.write_text(original.rstrip("\n") + WARM_SENTENCE + "\n", encoding="utf-8")
    return original


def latency(site: Path, repeat: int, timeout: float, label: str) -> dict | None:
    if not (site / "index.html").exists():
        return None
    target = OUT / f"latency-{label}.json"
    print(f"search latency: {label} ({site})", file=sys.stderr, flush=True)
    proc = subprocess.run([PYTHON, str(BENCH / "search_latency.py"), str(site), "--repeat",
                           str(repeat), "--timeout", str(timeout), "--json", str(target)],
                          capture_output=True, text=True)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0 or not target.exists():
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    print(proc.stdout, file=sys.stderr)
    return json.loads(target.read_text(encoding="utf-8"))


def bench_size(n: int, seed: int, repeat: int, args) -> dict:
    project = OUT / f"archive-{n}"
    stock = OUT / f"stock-{n}"
    floors = {mode: OUT / f"floor-{mode}-{n}" for mode in ("plain", "jinja")}
    pagefind = OUT / f"pagefind-{n}"
    print(f"\n== N={n}: synth", file=sys.stderr, flush=True)
    synth = timed([PYTHON, str(BENCH / "synth.py"), "--n", str(n), "--seed", str(seed),
                   "--out", str(project)], REPO, args.timeout)
    if not synth["ok"]:
        raise SystemExit(f"synth failed:\n{synth.get('stderr_tail')}")
    made = timed([PYTHON, str(BENCH / "stock.py"), str(project), "--out", str(stock)], REPO,
                  args.timeout)
    articles = sorted((project / "briefings" / "articles").glob("*.md"))
    warm_article = articles[len(articles) // 2]
    runs: dict[str, list[dict]] = {row: [] for row in ROWS}
    rows = [r for r in ROWS if r not in args.skip]
    for i in range(repeat):
        for row in rows:
            print(f"   N={n} run {i + 1}/{repeat}: {row}", file=sys.stderr, flush=True)
            if row == "cold":
                shutil.rmtree(project / ".cache", ignore_errors=True)
                shutil.rmtree(project / "site", ignore_errors=True)
                result = timed([MKDOCS, "build", "-q", "-d", "site"], project, args.timeout)
            elif row == "warm":
                if "cold" not in rows:  # a warm build needs a previous build
                    timed([MKDOCS, "build", "-q", "-d", "site"], project, args.timeout)
                original = append_sentence(warm_article)
                try:
                    result = timed([MKDOCS, "build", "-q", "-d", "site"], project, args.timeout)
                finally:
                    warm_article.write_text(original, encoding="utf-8")
                result["modified"] = warm_article.name
                page = project / "site" / "articles" / f"{warm_article.stem}.html"
                # Sanity: the rebuilt page holds the new sentence (a stale cache would not).
                result["change_published"] = page.exists() and "mesurer la reconstruction" in \
                    page.read_text(encoding="utf-8")
                if result.get("ok") and not result["change_published"]:
                    print(f"!! warm build: {page} does not show the appended sentence",
                          file=sys.stderr)
            elif row.startswith("floor-"):
                mode = row.removeprefix("floor-")
                shutil.rmtree(floors[mode], ignore_errors=True)
                result = timed([PYTHON, str(BENCH / "floor.py"), str(project), "--out",
                                str(floors[mode]), "--mode", mode], REPO, args.timeout)
            elif row == "stock":
                if not made["ok"]:
                    result = made
                else:
                    shutil.rmtree(stock / "site", ignore_errors=True)
                    result = timed([MKDOCS, "build", "-q", "-d", "site"], stock, args.timeout)
            elif row == "pagefind":
                if not (project / "site" / "index.html").exists():
                    timed([MKDOCS, "build", "-q", "-d", "site"], project, args.timeout)
                if not PAGEFIND_PYTHON.exists():
                    result = {"ok": False, "cmd": "pagefind",
                              "error": f"Pagefind is not installed: {PAGEFIND_INSTALL}"}
                else:
                    pagefind_copy(project / "site", pagefind)
                    result = timed([str(PAGEFIND_PYTHON), "-m", "pagefind", "--site",
                                    str(pagefind)], REPO, args.timeout)
            else:  # check
                result = timed([BRIEFING, "check"], project, args.timeout)
            if result.get("ok"):
                print(f"      {result['wall_s']:.2f} s, {result['rss_kb'] / 1024:.0f} MB",
                      file=sys.stderr, flush=True)
            runs[row].append(result)
    outputs = {"cold": project / "site", "warm": project / "site", "stock": stock / "site",
               "floor-plain": floors["plain"], "floor-jinja": floors["jinja"],
               "pagefind": pagefind}
    results: dict = {"n": n, "seed": seed, "repeat": repeat, "synth": synth,
                     "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                     "machine": {"cpus": os.cpu_count(), "loadavg": os.getloadavg(),
                                 "python": platform.python_version()},
                     "rows": {}}
    for row in rows:
        summary = summarise(runs[row], row)
        if row == "pagefind" and summary["ok"]:
            summary.update(pagefind_stats(outputs[row], len(articles)))
        elif row in outputs and summary["ok"]:
            summary.update(output_stats(outputs[row], len(articles)))
        results["rows"][row] = summary
    base = results["rows"].get("floor-jinja", {}).get("wall_s")
    for summary in results["rows"].values():
        if base and "wall_s" in summary:
            summary["ratio_to_floor_jinja"] = summary["wall_s"]["median"] / base["median"]
    if not args.no_latency:
        timeout = max(20.0, n / 200)
        results["latency"] = {
            "ours": latency(project / "site", args.latency_repeat, timeout, f"ours-{n}")
            if results["rows"].get("cold", {}).get("ok") or results["rows"].get("warm", {}).get("ok")
            else None,
            "stock": latency(stock / "site", args.latency_repeat, timeout, f"stock-{n}")
            if results["rows"].get("stock", {}).get("ok") else None,
            "pagefind": latency(pagefind, args.latency_repeat, timeout, f"pagefind-{n}")
            if results["rows"].get("pagefind", {}).get("ok") else None,
        }
    return results


def _ms(stats: dict | None) -> str:
    return "–" if not stats else f"{stats['median']:.0f} ({stats['min']:.0f}–{stats['max']:.0f})"


def _latency_cell(lat: dict | None, mode: str) -> str:
    if not lat or "modes" not in lat or mode not in lat["modes"]:
        return "–"
    queries = lat["modes"][mode]["queries"]
    failed = [q for q, s in queries.items() if s["failed"]]
    cell = _ms(lat["modes"][mode]["all_latency_ms"])
    excerpts = lat["modes"][mode].get("all_excerpt_ms")
    if excerpts:
        cell += f"; excerpts {excerpts['median']:.0f}"
    return cell + (f"; no result: {', '.join(failed)}" if failed else "")


def table(results: dict) -> str:
    n = results["n"]
    lines = [f"### N = {n} articles (repeat {results['repeat']}, synth "
             f"{results['synth']['wall_s']:.1f} s)", "",
             "| row | wall median (s) | min | max | peak RSS median (MB) | × floor-jinja | "
             "output (MB) | article page (B) | search index raw / gz (MB) | gz B/article | "
             "search file:// ms | search http ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|"]
    lat = results.get("latency") or {}
    for row, s in results["rows"].items():
        if "wall_s" not in s:
            lines.append(f"| {row} | FAILED | | | | | | | | | | |")
            continue
        w = s["wall_s"]
        name = row + ("" if s["ok"] else " (some runs FAILED)")
        search = s.get("search")
        which = {"cold": "ours", "warm": "ours", "stock": "stock", "pagefind": "pagefind"}.get(row)
        ratio = f"{s['ratio_to_floor_jinja']:.1f}" if "ratio_to_floor_jinja" in s else "–"
        cells = [name, f"{w['median']:.2f}", f"{w['min']:.2f}", f"{w['max']:.2f}",
                 f"{s['rss_kb_median'] / 1024:.0f}", ratio,
                 f"{s['output_bytes'] / 1e6:.1f}" if s.get("output_bytes") else "–",
                 str(s["article_page_avg_bytes"]) if s.get("article_page_avg_bytes") else "–"]
        if search:
            excerpts = search.get("excerpts")
            cells += [f"{search['raw_bytes'] / 1e6:.2f} / {search['gzip_bytes'] / 1e6:.2f} "
                      f"(`{search['file']}`)" + (
                          f"; excerpts {excerpts['gzip_bytes'] / 1e6:.2f} gz in "
                          f"{excerpts['files']} files, loaded per result" if excerpts else ""),
                      f"{search['gzip_bytes_per_article']:.0f}"]
        else:
            cells += ["–", "–"]
        if which and row != "warm":
            cells += [_latency_cell(lat.get(which), "file"), _latency_cell(lat.get(which), "http")]
        else:
            cells += ["–", "–"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Search latency = ms from the `load` event of index.html to the first visible "
                 "result, median (min–max) over all queries × repeats (then the median until "
                 "the results' excerpts are shown); queries: soldats, deployes, Koursk. "
                 "× floor-jinja = median / floor-jinja median.")
    for which in ("ours", "stock", "pagefind"):
        data = lat.get(which)
        if data and "modes" in data:
            lines += ["", f"Search latency per query, {which} site:", ""]
            lines.append("| query | UI | file:// ms | http ms |")
            lines.append("|---|---|---|---|")
            for query in data["modes"].get("file", data["modes"].get("http", {})).get("queries", {}):
                cells = []
                ui = "?"
                for mode in ("file", "http"):
                    q = data["modes"].get(mode, {}).get("queries", {}).get(query)
                    if q:
                        ui = q["ui"] or ui
                        cells.append(_ms(q["latency_ms"]) + (f" ({q['error']})" if q["failed"] else ""))
                    else:
                        cells.append("–")
                lines.append(f"| {query} | {ui} | {cells[0]} | {cells[1]} |")
        elif data:
            lines += ["", f"Search latency, {which} site: {data.get('error')}"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", nargs="*", default=[], choices=ROWS, help="rows not to run")
    parser.add_argument("--no-latency", action="store_true", help="skip the browser measurement")
    parser.add_argument("--latency-repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per process")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        results = bench_size(n, args.seed, args.repeat, args)
        (OUT / f"results-{n}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False),
                                               encoding="utf-8")
        print(table(results), flush=True)
        print(flush=True)


if __name__ == "__main__":
    main()
