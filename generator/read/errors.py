"""One error type for everything a contributor can get wrong, and a collector.

Every check reports where the problem is (file, line, column, field) so that a
contributor can fix it without reading Python. Checks collect errors and the
caller aborts once, so a pull request gets the whole list in one run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem in a content file, printed as ``path:line:col: field: message``."""

    path: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        location = self.path
        if self.line:
            location += f":{self.line}:{self.column or 1}"
        parts = [location]
        if self.severity != "error":
            parts.append(self.severity)
        if self.field:
            parts.append(self.field)
        text = ": ".join(parts) + ": " + self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class ContentErrors(Exception):
    """Raised once with every error found, sorted by file and line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(error.format() for error in self.errors))


@dataclass
class ErrorCollector:
    """Accumulates errors; ``raise_if_any`` aborts once at the end of a stage."""

    errors: list[ContentError] = field(default_factory=list)

    def add(self, error: ContentError) -> None:
        self.errors.append(error)

    def extend(self, errors: list[ContentError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


def display_path(path: Path, root: Path) -> str:
    """A path as the contributor knows it: relative to the project when possible."""
    text, prefix = str(path), f"{root}{os.sep}"
    if text.startswith(prefix) and ".." not in path.parts:  # the usual case: no file system calls
        return text[len(prefix):].replace(os.sep, "/")
    try:  # the folder resolved, not the file: a link is named as written, not as its target
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
