"""Find content files and read them into raw data with positions. The only reader of briefings/.

An article is a Markdown file that opens with a ``---`` frontmatter block. The
block is cut out by hand (not by python-frontmatter, which returns empty metadata
for a BOM, a list or an unclosed block) so every key keeps its true line number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import strict_yaml
from .errors import ContentError, ContentErrors, display_path
from .strict_yaml import Positions

ARTICLES_DIR = "articles"
METADATA_FILES = ("topics.yml", "actors.yml", "outlets.yml")
PUBLICATION_FILE = "publication.yml"  # optional: licence and citation terms
MAX_ARTICLE_BYTES = 1024 * 1024
FENCE = "---"


@dataclass(frozen=True)
class SourceDocument:
    """One content file: its raw data (text scalars only), positions and Markdown body."""

    path: Path
    display: str
    data: object
    positions: Positions = field(repr=False)
    body: str = ""
    body_line: int = 0

    def error(self, key_path: tuple, field_name: str, message: str, hint: str = "",
              *, at_key: bool = False, severity: str = "error") -> ContentError:
        """An error located at a value (or key) of this document."""
        line, column = (self.positions.of_key(key_path) if at_key
                        else self.positions.of_value(key_path))
        return ContentError(self.display, line, column, field_name, message, hint, severity)


def _read_text(path: Path, display: str, max_bytes: int) -> str:
    if path.is_symlink():
        raise ContentErrors([ContentError(display, 0, 0, "", "symbolic links are not allowed",
                                          "replace the link with the file itself")])
    raw = path.read_bytes()
    if len(raw) > max_bytes:
        raise ContentErrors([ContentError(display, 0, 0, "",
                                          f"file larger than {max_bytes // 1024} KiB")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentErrors([ContentError(display, 1, 1, "", "file starts with a byte order mark (BOM)",
                                          "save the file as UTF-8 without BOM")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentErrors([ContentError(display, line, 0, "",
                                          f"not valid UTF-8 (byte {error.start})",
                                          "save the file as UTF-8")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_yaml(text: str, display: str, first_line: int) -> tuple[object, Positions]:
    try:
        # Leading newlines make YAML's own line numbers match the file's.
        return strict_yaml.load("\n" * (first_line - 1) + text)
    except strict_yaml.StrictYamlError as error:
        raise ContentErrors([ContentError(display, error.line, error.column, "",
                                          error.message, error.hint)]) from None


def _split(path: Path, display: str) -> tuple[list[str], int]:
    text = _read_text(path, display, MAX_ARTICLE_BYTES)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise ContentErrors([ContentError(display, 1, 1, "", "an article must start with a '---' line",
                                          "open the frontmatter with '---' on the first line")])
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE)
    except StopIteration:
        raise ContentErrors([ContentError(display, 1, 1, "",
                                          "the frontmatter opened on line 1 is never closed",
                                          "add a '---' line after the last field")]) from None
    return lines, end


def article_lines(path: Path) -> tuple[list[str], int]:
    """An article's lines as written (comments included) and the index of its closing '---'."""
    return _split(path, path.as_posix())


def read_article(path: Path, root: Path) -> SourceDocument:
    """Split an article into frontmatter data (with file line numbers) and body."""
    display = display_path(path, root)
    lines, end = _split(path, display)
    data, positions = _parse_yaml("\n".join(lines[1:end]), display, first_line=2)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}, not a mapping"
        raise ContentErrors([ContentError(display, 2, 1, "", f"the frontmatter is {kind}",
                                          "write 'field: value' lines between the '---' lines")])
    body = "\n".join(lines[end + 1:])
    return SourceDocument(path, display, data, positions, body, body_line=end + 2)


def read_body(path: Path, root: Path) -> str:
    """An article's body as written, without reading its frontmatter: for a page that needs
    the text of an article the build already validated."""
    lines, end = _split(path, display_path(path, root))
    return "\n".join(lines[end + 1:])


def read_metadata(path: Path, root: Path) -> SourceDocument:
    """Read a metadata file (topics, actors, outlets: a mapping keyed by id; publication:
    a mapping of fields)."""
    display = display_path(path, root)
    if not path.exists():
        raise ContentErrors([ContentError(display, 0, 0, "", "file is missing")])
    data, positions = _parse_yaml(_read_text(path, display, strict_yaml.MAX_BYTES), display, 1)
    if not isinstance(data, dict):
        raise ContentErrors([ContentError(display, 1, 1, "", "expected a mapping of id: fields")])
    return SourceDocument(path, display, data, positions)


def scan_articles(content_dir: Path, root: Path) -> tuple[list[Path], list[ContentError]]:
    """Every article file under ``articles/``, subfolders included, and what is not one.

    Nothing is skipped without a word but hidden files and folders (``.name``: editor and
    system files): a file that is not ``.md`` or a linked folder is an error, so that an
    article saved under a wrong name or place never silently drops out of the site.
    Sorted by path so that builds are reproducible.
    """
    articles: list[Path] = []
    errors: list[ContentError] = []
    folder = content_dir / ARTICLES_DIR

    def walk(directory: Path) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                if entry.name.endswith(".md"):
                    articles.append(path)  # a linked article is refused when read
                elif entry.is_symlink():
                    errors.append(ContentError(display_path(path, root), 0, 0, "",
                                               "symbolic links are not allowed",
                                               "replace the link with the folder or file itself"))
                elif entry.is_dir():
                    walk(path)
                else:
                    errors.append(_not_an_article(path, display_path(path, root),
                                                  display_path(folder, root)))

    if folder.is_dir():
        walk(folder)
    start = len(str(folder)) + 1  # sorted by the parts of the path within the folder
    articles.sort(key=lambda path: str(path)[start:].split(os.sep))
    return articles, errors


def _not_an_article(path: Path, display: str, folder: str) -> ContentError:
    if path.suffix.lower() in (".md", ".markdown"):
        rename = f"rename it to '{path.stem}.md'"
    else:
        rename = "give it a name ending in '.md' if it is an article"
    return ContentError(display, 0, 0, "", "not an article: an article's file name ends in '.md'",
                        f"{rename}, or move it out of {folder}/")

