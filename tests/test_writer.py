"""Writing planned pages and files into the site: in this process or on several cores,
the same bytes."""

from pathlib import Path

from generator.render.pages import Planned
from generator.render.shell import CONTENT, TITLE, FolderShells, Shell
from generator.publish.writer import PARALLEL_FROM, WriteJob, tree_size, write_all

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


def test_stored_pages_are_linked_on_the_next_build_and_remade_when_their_key_changes(tmp_path):
    made = []

    def page(key: str, body: str) -> Planned:
        return Planned("articles/a.md", "A", lambda: made.append(body) or f"<p>{body}</p>", key)

    def build(name: str, planned: Planned) -> Path:
        write_all(WriteJob(tmp_path / name, {"articles": SHELL}, [planned], [],
                           store=tmp_path / "store"), workers=1)
        return tmp_path / name / "articles" / "a.html"

    first = build("one", page("k1", "un"))
    second = build("two", page("k1", "un"))
    assert made == ["un"]  # made once, then linked
    assert second.read_bytes() == first.read_bytes()
    assert second.stat().st_ino == first.stat().st_ino
    third = build("three", page("k2", "deux"))
    assert made == ["un", "deux"] and b"<p>deux</p>" in third.read_bytes()
    assert first.read_bytes().count(b"<p>un</p>") == 1  # the stored page was not overwritten


def test_a_build_over_an_old_site_never_changes_a_stored_page(tmp_path):
    site, store = tmp_path / "site", tmp_path / "store"
    old = Planned("articles/a.md", "A", lambda: "<p>ancien</p>", "k1")
    new = Planned("articles/a.md", "A", lambda: "<p>nouveau</p>", "k2")
    for planned in (old, new, old):  # the site folder is not emptied between builds
        write_all(WriteJob(site, {"articles": SHELL}, [planned], [], store=store),
                  workers=1)
        assert planned.make().encode() in (site / "articles" / "a.html").read_bytes()
    assert sorted(b"ancien" in p.read_bytes() for p in store.rglob("*.html")) == [False, True]
