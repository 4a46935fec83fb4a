#!/usr/bin/env python3
"""Search latency in a real browser, as a reader waits for it: from the last key press to
the query's first visible results.

    python bench/search_latency.py SITE_DIR [--repeat 5] [--query soldats ...] [--json OUT]

Drives Debian's Chromium (/usr/bin/chromium) through Playwright, for two ways of
opening the site: file:// (straight from disk) and http:// (a python http.server
on 127.0.0.1, port chosen by the system, in a thread). For each mode and query,
--repeat times, in a fresh browser context (empty cache) and page:

  1. open index.html and wait for the `load` event; t0 = performance.now() at load
     (recorded in the page by an init script, which also records the time stamp of every
     key press: a `keydown` listener on the window, capturing, before any of the page's);
  2. focus the search box and type the query with Playwright's keyboard.type (real key
     events, --key-delay ms apart; 0 by default: the reader types before the index has
     loaded, the slowest case);
  3. wait until the first result *for the whole query* is visible. t1 = performance.now()
     in the frame that first shows it: a MutationObserver set up in the page before typing
     sees the link appear with a non-empty box, for the query typed (the project's list
     says which query it shows, in data-query; for the other UIs: the first results drawn
     after the last key), and takes the time in the next requestAnimationFrame callback,
     i.e. just before that frame is painted.

latency = t1 - (the last key press's time stamp) (ms): what a reader waits for once the
query is typed, index loading and the engine's start-up included when they are not done by
then (the target: under 300 ms at 10,000 articles). Also recorded: `from_load` = t1 - t0
(typing included; the only figure in RESULTS.md before 2026-12-06), and `observed` = t1
taken once Playwright has noticed the result and asked the page for the time, from the last
key (adds the automation's polling and round trips, which no reader waits for). `load` =
time from navigation start to the load event.

Three search UIs are recognised (whichever the page holds):
  custom   : input #ba-search-input, results #ba-search-results li a,
             excerpts shown when #ba-search-results has data-excerpts
  material : input input.md-search__input,
             results li.md-search-result__item > a.md-search-result__link
  pagefind : input .pagefind-ui__search-input, results .pagefind-ui__result-link,
             excerpts .pagefind-ui__result-excerpt (the Pagefind UI, see run.py's pagefind row)
When the UI has excerpts, `excerpt` = ms from the last key until the query's results'
excerpts are shown (as Playwright notices them).
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
window.addEventListener('keydown', (event) => { window.__benchKey = event.timeStamp; }, true);
"""
# The project's list names the query it shows: its results for the whole query.
FOR_QUERY = {"custom": '#ba-search-results[data-query="{query}"] li a'}
EXCERPTS_FOR_QUERY = {"custom": '#ba-search-results[data-excerpts="{query}"]'}
WATCH = """([selector, afterLastKey, length]) => {
  const shown = () => {
    if (afterLastKey && (window.__benchKeys || 0) < length) return false;
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
  // Key presses counted, for the UIs that do not say which query they show.
  window.addEventListener('keydown', () => { window.__benchKeys = (window.__benchKeys || 0) + 1; },
                          true);
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


def one_search(browser, url: str, query: str, timeout_ms: float, key_delay: float = 0) -> dict:
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
        if ui in FOR_QUERY:
            quoted = query.replace('"', '\\"')
            result_selector = FOR_QUERY[ui].format(query=quoted)
            excerpt_selector = EXCERPTS_FOR_QUERY[ui].format(query=quoted)
        page.evaluate(WATCH, [result_selector, ui not in FOR_QUERY, len(query)])
        box = page.locator(input_selector).first
        if box.is_visible():
            box.click()
        else:  # e.g. a collapsed header: focus it from script
            box.evaluate("el => el.focus()")
        page.keyboard.type(query, delay=key_delay)
        try:
            page.wait_for_selector(result_selector, state="visible", timeout=timeout_ms)
        except Exception as error:  # playwright TimeoutError
            return {"ok": False, "ui": ui, "error": type(error).__name__, "load_ms": t0}
        observed = page.evaluate("performance.now()")
        page.wait_for_function("window.__benchShown !== undefined", timeout=timeout_ms)
        t1, last_key = page.evaluate("[window.__benchShown, window.__benchKey]")
        result = {"ok": True, "ui": ui, "latency_ms": t1 - last_key, "from_load_ms": t1 - t0,
                  "observed_ms": observed - last_key, "load_ms": t0}
        if excerpt_selector:
            try:
                # Shorter: a UI version without excerpts (an older build) never shows them.
                page.wait_for_selector(excerpt_selector, state="attached",
                                       timeout=min(timeout_ms, 5000))
                result["excerpt_ms"] = page.evaluate("performance.now()") - last_key
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
            modes=("file", "http"), log=print, key_delay: float = 0) -> dict:
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    if not (site / "index.html").exists():
        raise SystemExit(f"search_latency: {site}/index.html not found")
    server, http_url = serve(site)
    urls = {"file": (site / "index.html").as_uri(), "http": http_url}
    results: dict = {"site": str(site), "repeat": repeat, "key_delay_ms": key_delay,
                     "measured_from": "last key press", "modes": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                 headless=True)
            try:
                for mode in modes:
                    per_query = {}
                    all_latencies: list[float] = []
                    all_observed: list[float] = []
                    all_from_load: list[float] = []
                    all_excerpts: list[float] = []
                    for query in queries:
                        runs = []
                        for _ in range(repeat):
                            run = one_search(browser, urls[mode], query, timeout_s * 1000, key_delay)
                            runs.append(run)
                            if not run["ok"]:
                                break
                        latencies = [r["latency_ms"] for r in runs if r["ok"]]
                        all_latencies += latencies
                        all_observed += [r["observed_ms"] for r in runs if r["ok"]]
                        all_from_load += [r["from_load_ms"] for r in runs if r["ok"]]
                        all_excerpts += [r["excerpt_ms"] for r in runs if "excerpt_ms" in r]
                        failed = [r for r in runs if not r["ok"]]
                        per_query[query] = {
                            "ui": next((r.get("ui") for r in runs if r.get("ui")), None),
                            "latency_ms": summary(latencies),
                            "observed_ms": summary([r["observed_ms"] for r in runs if r["ok"]]),
                            "from_load_ms": summary([r["from_load_ms"] for r in runs if r["ok"]]),
                            "excerpt_ms": summary([r["excerpt_ms"] for r in runs
                                                   if "excerpt_ms" in r]),
                            "load_ms": summary([r["load_ms"] for r in runs
                                                if r.get("load_ms") is not None]),
                            "failed": len(failed),
                            "error": failed[0]["error"] if failed else None,
                        }
                        log(f"  {mode:4} {query:10} {fmt(per_query[query]['latency_ms'])}"
                            f"  (observed {fmt(per_query[query]['observed_ms'])};"
                            f" from load {fmt(per_query[query]['from_load_ms'])})"
                            + (f"  FAILED: {failed[0]['error']}" if failed else ""))
                    results["modes"][mode] = {
                        "queries": per_query, "all_latency_ms": summary(all_latencies),
                        "all_observed_ms": summary(all_observed),
                        "all_from_load_ms": summary(all_from_load),
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
    lines = ["| query (from the last key) | UI | "
             + " | ".join(f"{m}: median (min–max)" for m in modes) + " |",
             "|---|---|" + "---|" * len(modes)]
    for query in queries:
        cells = [results["modes"][m]["queries"][query] for m in modes]
        ui = next((c["ui"] for c in cells if c["ui"]), "?")
        lines.append(f"| {query} | {ui} | "
                     + " | ".join(fmt(c["latency_ms"]) + (f" ({c['failed']} failed: {c['error']})"
                                                          if c["failed"] else "")
                                  for c in cells) + " |")
    lines.append("| (all) | | " + " | ".join(
        fmt(results["modes"][m]["all_latency_ms"]) for m in modes) + " |")
    lines.append("| (all, excerpts shown, observed) | | " + " | ".join(
        fmt(results["modes"][m]["all_excerpt_ms"]) for m in modes) + " |")
    lines.append("| (all, from the load event) | | " + " | ".join(
        fmt(results["modes"][m]["all_from_load_ms"]) for m in modes) + " |")
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
    parser.add_argument("--key-delay", type=float, default=0,
                        help="ms between key presses (default 0: typed before the index loads)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    started = time.perf_counter()
    results = measure(args.site, tuple(args.queries or QUERIES), args.repeat, args.timeout,
                      tuple(args.modes or ("file", "http")), log=lambda s: print(s, file=sys.stderr),
                      key_delay=args.key_delay)
    results["seconds"] = time.perf_counter() - started
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
