"""YAML read the strict way: every scalar stays text, and the line of every key is kept.

YAML 1.1 guesses types (``3.000`` becomes 3.0, ``03000`` becomes 1536, ``no``
becomes False), lets a duplicate key win silently and expands aliases without
bound. Here the schema decides types, so scalars are returned as strings; anchors,
aliases, tags and duplicate keys are errors; size and nesting are bounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """Where each value and key of a document stands (1-based line and column)."""

    values: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: PathKey) -> tuple[int, int]:
        """The value at ``path``, or the nearest enclosing value that exists."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (0, 0)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


class StrictYamlError(Exception):
    """A YAML problem at a 1-based line and column of the parsed text."""

    def __init__(self, message: str, line: int = 0, column: int = 0, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


def _at(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


class _StrictLoader(yaml.BaseLoader):
    """BaseLoader resolves every scalar to text; this refuses what expands or hides data."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise StrictYamlError("aliases (*name) are not allowed", *_at(event.start_mark),
                                  hint="write the value out in full")
        if getattr(event, "anchor", None):
            raise StrictYamlError("anchors (&name) are not allowed", *_at(event.start_mark),
                                  hint="write the value out in full")
        if getattr(event, "tag", None) is not None:
            raise StrictYamlError(f"tags ({event.tag}) are not allowed", *_at(event.start_mark),
                                  hint="remove the tag; the schema decides each field's type")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise StrictYamlError(f"nesting deeper than {MAX_DEPTH} levels",
                                      *_at(event.start_mark))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _to_data(node: yaml.Node, path: PathKey, values: dict, keys: dict) -> object:
    values[path] = _at(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        # An empty plain value (`key:`) is no value at all; `key: ""` is an empty text.
        return None if node.value == "" and node.style is None else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(child, path + (i,), values, keys) for i, child in enumerate(node.value)]
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise StrictYamlError("a key must be plain text", *_at(key_node.start_mark))
        key = key_node.value
        if key in result:
            first = keys[path + (key,)][0]
            raise StrictYamlError(f"duplicate key '{key}' (first defined on line {first})",
                                  *_at(key_node.start_mark),
                                  hint="keep one of the two; YAML would silently use the last")
        keys[path + (key,)] = _at(key_node.start_mark)
        result[key] = _to_data(value_node, path + (key,), values, keys)
    return result


def load(text: str) -> tuple[object, Positions]:
    """Parse one YAML document into plain dicts, lists and strings, with positions.

    Raises StrictYamlError with the position of the first problem.
    """
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise StrictYamlError(f"YAML larger than {MAX_BYTES // 1024} KiB", 1, 1)
    loader = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise StrictYamlError(f"contains the invisible control character U+{error.character:04X}; "
                              "remove it", line, column) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise StrictYamlError(f"invalid YAML: {error.problem or error.context}", *_at(mark)) from None
    except yaml.YAMLError as error:
        raise StrictYamlError(f"invalid YAML: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return None, Positions()
    values: dict = {}
    keys: dict = {}
    data = _to_data(node, (), values, keys)
    return data, Positions(values, keys)
