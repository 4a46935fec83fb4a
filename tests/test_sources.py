from pathlib import Path

import pytest

from generator.read.errors import ContentErrors
from generator.read.sources import read_article, scan_articles


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ContentErrors) as errors:
        read_article(path, path.parent)
    assert len(errors.value.errors) == 1
    return errors.value.errors[0].format()


def test_frontmatter_keeps_the_file_line_of_each_key(tmp_path):
    path = write(tmp_path, "a.md", "---\nid: a\n\ntitle: T\n---\n\nBody text.\n")
    source = read_article(path, tmp_path)
    assert source.data == {"id": "a", "title": "T"}
    assert source.positions.of_key(("title",)) == (4, 1)
    assert source.body.strip() == "Body text."
    assert source.body_line == 6


def test_windows_line_endings_are_accepted(tmp_path):
    path = write(tmp_path, "a.md", "---\r\nid: a\r\n---\r\nBody\r\n")
    assert read_article(path, tmp_path).data == {"id": "a"}


@pytest.mark.parametrize("data, expected", [
    (b"\xef\xbb\xbf---\nid: a\n---\nx\n", "a.md:1:1: file starts with a byte order mark (BOM)"),
    ("---\nid: a\ntitle: T\n", "a.md:1:1: the frontmatter opened on line 1 is never closed"),
    ("id: a\n---\n", "a.md:1:1: an article must start with a '---' line"),
    ("---\n- a\n- b\n---\nx\n", "a.md:2:1: the frontmatter is a list, not a mapping"),
    ("---\n---\nx\n", "a.md:2:1: the frontmatter is empty"),
    ("---\nid: a\nid: b\n---\nx\n", "a.md:3:1: duplicate key 'id'"),
    (b"---\nid: \xff\n---\n", "a.md:2:1: not valid UTF-8"),
])
def test_broken_frontmatter_is_named_not_swallowed(tmp_path, data, expected):
    assert error_of(write(tmp_path, "a.md", data)).startswith(expected)


def test_symlinks_are_refused(tmp_path):
    target = write(tmp_path, "real.txt", "---\nid: a\n---\nx\n")
    link = tmp_path / "a.md"
    link.symlink_to(target)
    assert "symbolic links are not allowed" in error_of(link)


def test_articles_are_found_sorted_and_hidden_files_skipped(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("b.md", "a.md", ".draft.md", "notes.txt"):
        (folder / name).write_text("x")
    assert [p.name for p in scan_articles(tmp_path, tmp_path)[0]] == ["a.md", "b.md"]
