"""The browser page the tests share (helpers.SharedPage, conftest.py's ``shared_page``): the
next test finds it as a new page would be, whatever the test before it left behind."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import DESKTOP

PAGE = """<!doctype html><html><head><link rel="stylesheet" href="style.css">
<script src="script.js"></script></head><body><p>page</p></body></html>"""
PHONE = {"width": 360, "height": 740}
LEFT = """() => indexedDB.databases().then(bases => ({
  local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  bases: bases.map(base => base.name), width: innerWidth, height: innerHeight,
  dark: matchMedia('(prefers-color-scheme: dark)').matches, print: matchMedia('print').matches}))"""
WRITE = """() => new Promise(done => {
  localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind');
  document.cookie = 'left=behind; max-age=3600';
  indexedDB.open('left-behind').onsuccess = () => done();
})"""
NEW = {"local": 0, "session": 0, "cookie": "", "bases": [], "width": DESKTOP["width"],
       "height": DESKTOP["height"], "dark": False, "print": False}


@pytest.fixture
def served(tmp_path):
    """A page with a stylesheet and a script, served cacheable for an hour, and the paths the
    server was asked for."""
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: red }", encoding="utf-8")
    (tmp_path / "script.js").write_text("window.loaded = true;", encoding="utf-8")
    asked: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Cache-Control", "max-age=3600")
            super().end_headers()

        def log_message(self, *args) -> None:
            asked.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", tmp_path.as_uri() + "/", asked
    server.shutdown()


def test_the_next_test_finds_the_page_as_new(shared_page, served):
    http, disk, asked = served
    heard: list[str] = []
    with shared_page.use(viewport=PHONE, color_scheme="dark") as page:  # one test...
        first = page
        for base in (http, disk):
            page.goto(base + "page.html")
            page.evaluate(WRITE)
        page.goto(http + "page.html")  # the second time, from the cache
        assert asked.count("/style.css") == 1
        asked.clear()
        page.on("request", lambda request: heard.append(request.url))
        page.route("**/script.js", lambda route: route.fulfill(body="window.routed = true;"))
        page.emulate_media(media="print")
        with page.expect_popup():
            page.evaluate("url => { window.open(url) }", http + "page.html")
        page.context.set_offline(True)
    heard.clear()
    asked.clear()
    with shared_page.use() as page:  # ...and the next one
        assert page is first and page.context.pages == [page]  # the same page, alone
        for base in (http, disk):
            page.goto(base + "page.html")
            assert page.evaluate(LEFT) == NEW, base
        assert page.evaluate("window.loaded && !window.routed")
        # each file asked again, nothing from the cache (the two subresources in either order)
        assert sorted(asked) == ["/page.html", "/script.js", "/style.css"]
        assert heard == []
        for _ in range(3):  # to the reset's about:blank, and not further back
            page.go_back()
        assert page.url == "about:blank"  # the test before is not in the history
