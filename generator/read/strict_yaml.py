"""YAML read the strict way: every scalar stays text, and the line of every key is kept.

YAML 1.1 guesses types (``3.000`` becomes 3.0, ``03000`` becomes 1536, ``no``
becomes False), lets a duplicate key win silently and expands aliases without
bound. Here the schema decides types, so scalars are returned as strings; anchors,
aliases, tags and duplicate keys are errors; size and nesting are bounded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

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


_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml's parser when available: fast


def _refuse_hidden_structure(event: yaml.Event) -> None:
    """Anchors, aliases and tags: what makes YAML expand, share or reinterpret data."""
    if isinstance(event, yaml.AliasEvent):
        raise StrictYamlError("aliases (*name) are not allowed", *_at(event.start_mark),
                              hint="write the value out in full")
    if getattr(event, "anchor", None):
        raise StrictYamlError("anchors (&name) are not allowed", *_at(event.start_mark),
                              hint="write the value out in full")
    if getattr(event, "tag", None) is not None:
        raise StrictYamlError(f"tags ({event.tag}) are not allowed", *_at(event.start_mark),
                              hint="remove the tag; the schema decides each field's type")


# Events that frame the document and hold no data; the other kinds _compose acts on. Events
# are told apart by their exact class (the parser makes no subclasses): one look per event.
_FRAMING = frozenset({yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                      yaml.DocumentEndEvent})
_STARTS = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}


def _compose(events: Iterator[Any], values: dict, keys: dict) -> object:
    """Plain data from the parser's events, recording where each key and value stands.

    Built on events rather than on YAML's composer so that libyaml does the parsing.
    """
    # Each frame: [container, path, pending key or None, whether the container is a mapping]
    stack: list[list] = []
    root: object = None
    for event in events:
        kind = type(event)
        if kind in _FRAMING:
            continue
        if (kind is yaml.AliasEvent or getattr(event, "anchor", None)
                or getattr(event, "tag", None) is not None):
            _refuse_hidden_structure(event)
        frame = stack[-1] if stack else None
        if frame is not None and frame[3] and frame[2] is None and kind is not yaml.MappingEndEvent:
            if kind is not yaml.ScalarEvent:
                raise StrictYamlError("a key must be plain text", *_at(event.start_mark))
            key = event.value
            key_path = frame[1] + (key,)
            if key_path in keys:
                first = keys[key_path][0]
                raise StrictYamlError(f"duplicate key '{key}' (first defined on line {first})",
                                      *_at(event.start_mark),
                                      hint="keep one of the two; YAML would silently use the last")
            keys[key_path] = _at(event.start_mark)
            frame[2] = key
            continue
        value: object
        if kind is yaml.ScalarEvent:
            # An empty plain value (`key:`) is no value at all; `key: ""` is an empty text.
            value = None if event.style in (None, "") and event.value == "" else event.value
        elif kind in _STARTS:
            if len(stack) >= MAX_DEPTH:
                raise StrictYamlError(f"nesting deeper than {MAX_DEPTH} levels",
                                      *_at(event.start_mark))
            value = _STARTS[kind]()
        else:  # end of a mapping or sequence
            stack.pop()
            continue
        # The value's place: its path, and in its container.
        if frame is None:
            path: PathKey = ()
            root = value
        elif frame[3]:
            path = frame[1] + (frame[2],)
            frame[0][frame[2]] = value
            frame[2] = None
        else:
            path = frame[1] + (len(frame[0]),)
            frame[0].append(value)
        values[path] = _at(event.start_mark)
        if kind in _STARTS:
            stack.append([value, path, None, kind is yaml.MappingStartEvent])
    return root


def _tab_hint(text: str, line: int, problem: str) -> str:
    """YAML forbids tabs in indentation, and libyaml's message does not say so plainly."""
    lines = text.split("\n")
    content = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in content[:len(content) - len(content.lstrip(" \t"))] or "tab character" in problem:
        return "indent with spaces, not tabs: YAML does not allow tabs in indentation"
    return ""


def load(text: str) -> tuple[object, Positions]:
    """Parse one YAML document into plain dicts, lists and strings, with positions.

    Raises StrictYamlError with the position of the first problem.
    """
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise StrictYamlError(f"YAML larger than {MAX_BYTES // 1024} KiB", 1, 1)
    values: dict = {}
    keys: dict = {}
    loader = None
    try:
        loader = _Loader(text)
        documents = 0

        def events() -> Iterator[Any]:
            nonlocal documents
            while loader.check_event():
                event = loader.get_event()
                if type(event) is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise StrictYamlError("only one YAML document is allowed",
                                              *_at(event.start_mark))
                yield event

        data = _compose(events(), values, keys)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise StrictYamlError(f"contains the invisible control character U+{error.character:04X}; "
                              "remove it", line, column) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _at(mark)
        problem = error.problem or error.context
        raise StrictYamlError(f"invalid YAML: {problem}", line, column,
                              hint=_tab_hint(text, line, problem or "")) from None
    except yaml.YAMLError as error:
        raise StrictYamlError(f"invalid YAML: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, Positions(values, keys)
