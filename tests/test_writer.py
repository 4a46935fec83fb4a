"""Writing planned pages and files into the site: in this process or on several cores,
the same bytes."""

from pathlib import Path

from generator.render.pages import Planned
from generator.render.shell import CONTENT, TITLE, Shell
from generator.writer import PARALLEL_FROM, WriteJob, tree_size, write_all

SHELL = Shell.parse(f"<html><title>{TITLE}</title><body>{CONTENT}</body></html>")


def job(site: Path) -> WriteJob:
    pages = [Planned(f"articles/a{n}.md", f"Article <{n}>", lambda n=n: f"<p>corps {n} déployés</p>")
             for n in range(PARALLEL_FROM + 10)]
    pages.append(Planned("sujets/troupes.md", "Troupes", lambda: "<p>Soldats nord-coréens</p>"))
    files = [Planned("data/a.json", "", lambda: b"[1]"), Planned("sujets/c.svg", "", lambda: b"<svg/>")]
    return WriteJob(site, {"articles": SHELL, "sujets": SHELL}, pages, files,
                    frozenset({"sujets/troupes.md"}))


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_parallel_and_serial_writes_give_the_same_site(tmp_path):
    serial = write_all(job(tmp_path / "serial"), workers=1)
    parallel = write_all(job(tmp_path / "parallel"), workers=2)
    written = snapshot(tmp_path / "parallel")
    assert written == snapshot(tmp_path / "serial")
    assert len(written) == PARALLEL_FROM + 13
    assert written["articles/a3.html"] == (
        "<html><title>Article &lt;3&gt;</title><body><p>corps 3 déployés</p></body></html>"
        .encode("utf-8"))
    assert written["data/a.json"] == b"[1]"
    assert parallel == serial
    assert parallel.size == tree_size(tmp_path / "parallel") == sum(map(len, written.values()))
    [(path, title, terms)] = parallel.searched
    assert (path, title, sorted(terms.split())) == ("sujets/troupes.md", "Troupes",
                                                    ["coreens", "nord", "soldats"])
