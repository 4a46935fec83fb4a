"""Writing planned pages and files into the site: in this process or on several cores,
the same bytes."""

import shutil
from pathlib import Path

from generator.publish.writer import (
    PARALLEL_FROM,
    Reuse,
    WriteJob,
    kept_entries,
    write_all,
)
from generator.render.pages import Planned
from generator.render.shell import CONTENT, TITLE, FolderShells, Shell

_PLAIN = Shell.parse(f"<html><title>{TITLE}</title><body>{CONTENT}</body></html>", "__shell__")
SHELL = FolderShells(_PLAIN, _PLAIN)  # pages without sections take the plain shell


def job(site: Path) -> WriteJob:
    pages = [Planned(f"articles/a{n}.md", f"Article <{n}>", lambda n=n: f"<p>corps {n} déployés</p>")
             for n in range(PARALLEL_FROM + 10)]
    pages.append(Planned("sujets/troupes.md", "Troupes", lambda: "<p>Soldats nord-coréens</p>"))
    files = [Planned("data/a.json", "", lambda: b"[1]"), Planned("sujets/c.svg", "", lambda: b"<svg/>")]
    return WriteJob(site, {"articles": SHELL, "sujets": SHELL}, pages, files)


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


def test_the_search_texts_wanted_are_given_once_their_pages_are_written_before_the_rest(tmp_path):
    """A first build's search index needs the texts of the pages it did not know: they are
    handed over as soon as those pages are written, while files and other pages still are."""
    events: list[str] = []
    base = job(tmp_path / "site")
    files = [Planned("data/a.json", "", lambda: events.append("file") or b"[1]")]
    pages = [*base.pages[:PARALLEL_FROM], Planned(
        "articles/dernier.md", "Dernier", lambda: events.append("page") or "<p>Derniers renforts</p>")]
    searched = frozenset({"sujets/troupes.md", "articles/dernier.md"})
    for workers in (1, 2):
        site = tmp_path / f"site-{workers}"
        given: list[list[tuple[str, str, str]]] = []
        write_all(WriteJob(site, base.shells, [*pages, base.pages[-1]], files, searched=searched),
                  workers=workers, searched=lambda texts: given.append(texts) or events.append("texts"))
        assert sorted(path for path, _, _ in given[0]) == sorted(searched) and len(given) == 1
        assert dict((path, text) for path, _, text in given[0])["sujets/troupes.md"] == \
            "Soldats nord-coréens"
        assert len(snapshot(site)) == PARALLEL_FROM + 3
    assert events[:3] == ["page", "texts", "file"]  # in this process: in that order


def test_unchanged_pages_are_linked_from_the_previous_site_and_changed_ones_made(tmp_path):
    made = []

    def page(key: str, body: str) -> Planned:
        return Planned("articles/a.md", "A", lambda: made.append(body) or f"<p>{body}</p>", key)

    site = tmp_path / "site"
    written = write_all(WriteJob(site, {"articles": SHELL}, [page("k1", "un")], []), workers=1)
    first = (site / "articles" / "a.html").stat()

    def rebuild(planned: Planned) -> Path:
        """Into a new folder, then in the place of the previous one (site_folder.swap_in)."""
        nonlocal written
        new = tmp_path / "new"
        written = write_all(WriteJob(new, {"articles": SHELL}, [planned], [],
                                     reuse=Reuse(site, kept_entries(written.kept))), workers=1)
        shutil.rmtree(site)
        new.rename(site)
        return site / "articles" / "a.html"

    again = rebuild(page("k1", "un"))
    assert made == ["un"]  # made once, then linked
    assert (again.stat().st_ino, again.stat().st_nlink) == (first.st_ino, 1)
    changed = rebuild(page("k2", "deux"))
    assert made == ["un", "deux"] and b"<p>deux</p>" in changed.read_bytes()
    assert changed.stat().st_ino != first.st_ino


def test_a_page_changed_after_it_was_written_is_made_again(tmp_path):
    planned = Planned("articles/a.md", "A", lambda: "<p>propre</p>", "k1")
    site, new = tmp_path / "site", tmp_path / "new"
    written = write_all(WriteJob(site, {"articles": SHELL}, [planned], []), workers=1)
    page = site / "articles" / "a.html"
    clean = page.read_bytes()
    with open(page, "w", encoding="utf-8") as file:  # in place, as a minifier would
        file.write("<p>minifié</p>")
    write_all(WriteJob(new, {"articles": SHELL}, [planned], [],
                       reuse=Reuse(site, kept_entries(written.kept))), workers=1)
    assert (new / "articles" / "a.html").read_bytes() == clean
    assert page.read_bytes() == "<p>minifié</p>".encode()  # the previous site is left alone


def tree_size(folder: Path) -> int:
    """Bytes in every file under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
