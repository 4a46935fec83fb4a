"""The MkDocs integration: generated pages in memory, content errors as a clean failure."""

import pytest
from helpers import (
    VALID_BODY,
    VALID_FRONT,
    article_text,
    make_project,
    mkdocs_build,
    mkdocs_build_process,
)

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line


def test_a_content_error_fails_the_build_with_its_location_and_no_traceback(tmp_path):
    bad = article_text(VALID_FRONT.format(id="bad") + "claims:\n  - value: 3.000\n", VALID_BODY)
    project = make_project(tmp_path, {"bad.md": bad})
    result = mkdocs_build_process(project, tmp_path / "site")  # the command, in its own process
    assert result.returncode == 1
    assert "briefings/articles/bad.md:9:12: claims[0].value: '3.000' is not a plain integer: " \
           "write 3000" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "docs" / "articles").exists()


def test_generated_pages_never_land_in_docs(tmp_path):
    project = make_project(tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "docs").iterdir()) == [
        "assets", "contribuer.md", "donnees.md", "index.md", "methode.md", "overrides"]
    assert (tmp_path / "site" / "articles").is_dir()


def test_a_hand_written_page_cannot_be_replaced_by_a_generated_one(tmp_path):
    project = make_project(tmp_path)
    (project / "docs" / "sujets").mkdir()
    (project / "docs" / "sujets" / "troupes.md").write_text("# Mine\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "two pages would both be written to 'sujets/troupes.md'" in result.stderr


def test_a_new_article_appears_on_its_topic_page(tmp_path):
    new = article_text(VALID_FRONT.format(id="2025-01-15-bfmtv-test"), VALID_BODY)
    project = make_project(tmp_path, {"2025-01-15-bfmtv-test.md": new})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    troops = (tmp_path / "site" / "sujets" / "troupes.html").read_text()
    assert "../articles/2025-01-15-bfmtv-test.html" in troops


def test_a_broken_quote_stops_the_build_naming_file_line_and_claim(tmp_path):
    project = make_project(tmp_path)
    path = project / "briefings" / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ont subi environ 1.100 pertes”", "ont subi environ 1.200 pertes”", 1),
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    line = next(i for i, l in enumerate(text.split("\n"), 1) if "environ 1.100 pertes”, a indiqué" in l)
    assert (f"briefings/articles/2024-12-23-bfmtv-pertes-nord-coreennes.md:{line}:12: claims[1].quote: "
            "quote not found in the article text (hint: the text matches up to "
            "\"…ont subi environ 1.\")") in result.stderr


def test_serve_previews_a_new_article_at_once(tmp_path):
    """`mkdocs serve` watches briefings/: a new article file is built without a restart."""
    import socket
    import subprocess
    import time
    import urllib.request

    from helpers import BIN

    project = make_project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def fetch(path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as response:
                return response.status
        except OSError:
            return 0

    def wait_for(path: str, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if fetch(path) == 200:
                return True
            time.sleep(0.3)
        return False

    try:
        # The first build before serving takes a few seconds, minutes on a loaded shared
        # machine: the wait bounds a hang, not the speed.
        assert wait_for("index.html", 180), "mkdocs serve did not start"
        new = article_text(VALID_FRONT.format(id="2025-01-15-bfmtv-apercu"), VALID_BODY)
        (project / "briefings" / "articles" / "2025-01-15-bfmtv-apercu.md").write_text(new)
        assert wait_for("articles/2025-01-15-bfmtv-apercu.html", 120)
    finally:
        server.terminate()
        server.wait(timeout=10)
