#!/usr/bin/env python3
"""Search latency in a real browser: from the page's load event to the first visible result.

    python bench/search_latency.py SITE_DIR [--repeat 5] [--query soldats ...] [--json OUT]

Drives Debian's Chromium (/usr/bin/chromium) through Playwright, for two ways of
opening the site: file:// (straight from disk) and http:// (a python http.server
on 127.0.0.1, port chosen by the system, in a thread). For each mode and query,
--repeat times, in a fresh browser context (empty cache) and page:

  1. open index.html and wait for the `load` event; t0 = performance.now() at load
     (recorded in the page by an init script);
  2. focus the search box and type the query (real key events);
  3. wait until the first result link is visible. t1 = performance.now() in the frame
     that first shows it: a MutationObserver set up in the page before typing sees the
     link appear with a non-empty box and takes the time in the next
     requestAnimationFrame callback, i.e. just before that frame is painted.

latency = t1 - t0 (ms): it includes typing, loading the search index and the search
engine's start-up, i.e. what a reader waits for when searching right after opening
the page. Also recorded: `observed` = the same, but with t1 taken once Playwright has
noticed the result (its wait_for_selector returned) and asked the page for the time:
that adds the automation's polling and round trips (25-70 ms on the 2-core machines
here), which no reader waits for; the measurements in RESULTS.md before its section
on the stage layout (2026-11-30, last) are of this kind. `load` = time from navigation start to the
load event.

Three search UIs are recognised (whichever the page holds):
  custom   : input #ba-search-input, results #ba-search-results li a,
             excerpts shown when #ba-search-results has data-excerpts
  material : input input.md-search__input,
             results li.md-search-result__item > a.md-search-result__link
  pagefind : input .pagefind-ui__search-input, results .pagefind-ui__result-link,
             excerpts .pagefind-ui__result-excerpt (the Pagefind UI, see run.py's pagefind row)
When the UI has excerpts, `excerpt` = ms from t0 until the first results' excerpts are shown.
A query that shows no result within --timeout seconds is reported as failed, and
its remaining repeats in that mode are skipped.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import sys
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
QUERIES = ("soldats", "deployes", "Koursk")
UIS = {  # input, first result, excerpts shown (None: the UI shows none)
    "custom": ("#ba-search-input", "#ba-search-results li a", "#ba-search-results[data-excerpts]"),
    "material": ("input.md-search__input",
                 "li.md-search-result__item > a.md-search-result__link", None),
    "pagefind": (".pagefind-ui__search-input", ".pagefind-ui__result-link",
                 ".pagefind-ui__result-excerpt"),
}
INIT_SCRIPT = """
window.addEventListener('load', () => { window.__benchT0 = performance.now(); }, {once: true});
"""
WATCH = """(selector) => {
  const shown = () => {
    const link = document.querySelector(selector);
    if (!link) return false;
    const box = link.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(link).visibility !== 'hidden';
  };
  const observer = new MutationObserver(() => {
    if (shown()) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__benchShown = performance.now(); });
    }
  });
  observer.observe(document, {subtree: true, childList: true, attributes: true});
}"""
T0 = """() => {
  if (window.__benchT0 !== undefined) return window.__benchT0;
  const nav = performance.getEntriesByType('navigation')[0];
  return nav ? nav.loadEventStart : null;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - silence the access log
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/index.html"


def detect_ui(page, timeout_ms: float = 5000) -> str | None:
    """The search UI the page holds; a box added by script after `load` is waited for."""
    either = ", ".join(selectors[0] for selectors in UIS.values())
    try:
        page.wait_for_selector(either, state="attached", timeout=timeout_ms)
    except Exception:  # playwright TimeoutError: no search box at all
        return None
    for name, (input_selector, *_) in UIS.items():  # the project's own search first
        if page.query_selector(input_selector) is not None:
            return name
    return None


def one_search(browser, url: str, query: str, timeout_ms: float) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(INIT_SCRIPT)
        page.goto(url, wait_until="load", timeout=timeout_ms)
        t0 = page.evaluate(T0)
        ui = detect_ui(page)
        if ui is None:
            return {"ok": False, "error": "no search box found", "load_ms": t0}
        input_selector, result_selector, excerpt_selector = UIS[ui]
        page.evaluate(WATCH, result_selector)
        box = page.locator(input_selector).first
        if box.is_visible():
            box.click()
        else:  # e.g. a collapsed header: focus it from script
            box.evaluate("el => el.focus()")
        page.keyboard.type(query)
        try:
            page.wait_for_selector(result_selector, state="visible", timeout=timeout_ms)
        except Exception as error:  # playwright TimeoutError
            return {"ok": False, "ui": ui, "error": type(error).__name__, "load_ms": t0}
        observed = page.evaluate("performance.now()")
        page.wait_for_function("window.__benchShown !== undefined", timeout=timeout_ms)
        t1 = page.evaluate("window.__benchShown")
        result = {"ok": True, "ui": ui, "latency_ms": t1 - t0, "observed_ms": observed - t0,
                  "load_ms": t0}
        if excerpt_selector:
            try:
                # Shorter: a UI version without excerpts (an older build) never shows them.
                page.wait_for_selector(excerpt_selector, state="attached",
                                       timeout=min(timeout_ms, 5000))
                result["excerpt_ms"] = page.evaluate("performance.now()") - t0
            except Exception:  # playwright TimeoutError: results without their excerpts
                pass
        return result
    finally:
        context.close()


def summary(values: list[float]) -> dict | None:
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values)}


def measure(site: Path, queries=QUERIES, repeat: int = 5, timeout_s: float = 20.0,
            modes=("file", "http"), log=print) -> dict:
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    if not (site / "index.html").exists():
        raise SystemExit(f"search_latency: {site}/index.html not found")
    server, http_url = serve(site)
    urls = {"file": (site / "index.html").as_uri(), "http": http_url}
    results: dict = {"site": str(site), "repeat": repeat, "modes": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                 headless=True)
            try:
                for mode in modes:
                    per_query = {}
                    all_latencies: list[float] = []
                    all_observed: list[float] = []
                    all_excerpts: list[float] = []
                    for query in queries:
                        runs = []
                        for _ in range(repeat):
                            run = one_search(browser, urls[mode], query, timeout_s * 1000)
                            runs.append(run)
                            if not run["ok"]:
                                break
                        latencies = [r["latency_ms"] for r in runs if r["ok"]]
                        all_latencies += latencies
                        all_observed += [r["observed_ms"] for r in runs if r["ok"]]
                        all_excerpts += [r["excerpt_ms"] for r in runs if "excerpt_ms" in r]
                        failed = [r for r in runs if not r["ok"]]
                        per_query[query] = {
                            "ui": next((r.get("ui") for r in runs if r.get("ui")), None),
                            "latency_ms": summary(latencies),
                            "observed_ms": summary([r["observed_ms"] for r in runs if r["ok"]]),
                            "excerpt_ms": summary([r["excerpt_ms"] for r in runs
                                                   if "excerpt_ms" in r]),
                            "load_ms": summary([r["load_ms"] for r in runs
                                                if r.get("load_ms") is not None]),
                            "failed": len(failed),
                            "error": failed[0]["error"] if failed else None,
                        }
                        log(f"  {mode:4} {query:10} {fmt(per_query[query]['latency_ms'])}"
                            f"  (observed {fmt(per_query[query]['observed_ms'])})"
                            + (f"  FAILED: {failed[0]['error']}" if failed else ""))
                    results["modes"][mode] = {
                        "queries": per_query, "all_latency_ms": summary(all_latencies),
                        "all_observed_ms": summary(all_observed),
                        "all_excerpt_ms": summary(all_excerpts)}
            finally:
                browser.close()
    finally:
        server.shutdown()
    return results


def fmt(stats: dict | None) -> str:
    if not stats:
        return "failed"
    return f"{stats['median']:.0f} ms ({stats['min']:.0f}–{stats['max']:.0f})"


def table(results: dict) -> str:
    modes = list(results["modes"])
    queries = list(next(iter(results["modes"].values()))["queries"]) if modes else []
    lines = ["| query | UI | " + " | ".join(f"{m}: median (min–max)" for m in modes) + " |",
             "|---|---|" + "---|" * len(modes)]
    for query in queries:
        cells = [results["modes"][m]["queries"][query] for m in modes]
        ui = next((c["ui"] for c in cells if c["ui"]), "?")
        lines.append(f"| {query} | {ui} | "
                     + " | ".join(fmt(c["latency_ms"]) + (f" ({c['failed']} failed: {c['error']})"
                                                          if c["failed"] else "")
                                  for c in cells) + " |")
    lines.append("| (all, as Playwright observed it) | | " + " | ".join(
        fmt(results["modes"][m]["all_observed_ms"]) for m in modes) + " |")
    lines.append("| (load event) | | " + " | ".join(
        fmt(summary([s["median"] for s in (results["modes"][m]["queries"][q]["load_ms"]
                                           for q in queries) if s]))
        for m in modes) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (holds index.html)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--query", action="append", dest="queries",
                        help=f"query to type (repeatable; default: {' '.join(QUERIES)})")
    parser.add_argument("--mode", action="append", dest="modes", choices=("file", "http"))
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per search")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    started = time.perf_counter()
    results = measure(args.site, tuple(args.queries or QUERIES), args.repeat, args.timeout,
                      tuple(args.modes or ("file", "http")), log=lambda s: print(s, file=sys.stderr))
    results["seconds"] = time.perf_counter() - started
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
