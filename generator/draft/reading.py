"""Bytes in, text out: the encoding detected, or one sentence saying how to save the file.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with a byte-order mark are read
as they are. Anything else goes to charset-normalizer; among the encodings it finds
plausible, the one whose text reads most like French wins (charset-normalizer alone
takes Windows-1252 French for Windows-1250, turning « è » into « č »).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

import charset_normalizer

SAVE_AS_UTF8 = "save it as UTF-8 (in most editors: « Enregistrer sous » → encodage UTF-8) and run again"
# Letters and signs French text uses beyond ASCII.
_FRENCH = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’“”…–—€°\u00a0\u202f")
# Legacy encodings French text is commonly saved in, tried besides charset-normalizer's guesses.
_LEGACY = ("cp1252", "iso8859_15", "mac_roman")
_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                   re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


# The largest input `briefing new` reads: a saved web page with its scripts and styles is often
# a few megabytes; a text (not a web page) is refused above 1 MiB, what an article file holds.
MAX_INPUT_BYTES = 8 * 1024 * 1024


class DraftInputError(Exception):
    """The input cannot be drafted from; the message is one line for the contributor."""


@dataclass(frozen=True)
class RawInput:
    text: str
    encoding: str          # the codec name, as Python spells it
    detected: bool         # False when the bytes were valid UTF-8 (or had a byte-order mark)
    is_html: bool


def _score(text: str) -> int:
    """How much a decoded text reads like French: its French letters, minus any other non-ASCII."""
    french = sum(c in _FRENCH for c in text)
    other = sum(1 for c in text if ord(c) > 127 and c not in _FRENCH)
    return french - 3 * other


def decode(data: bytes) -> tuple[str, str, bool]:
    """The text, the codec's name and whether it had to be guessed."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, False
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        raise DraftInputError("this is not a text file (it holds NUL bytes): copy the article's "
                              f"text into a plain-text file, {SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    names: list[str] = []
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        names.append(declared.group(1).decode("ascii", "replace"))
    names += [match.encoding for match in charset_normalizer.from_bytes(data)]
    names += _LEGACY
    best: tuple[float, str, str] | None = None
    for name in dict.fromkeys(names):
        try:
            codec = codecs.lookup(name).name
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        score = _score(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0:
        raise DraftInputError(f"cannot tell this file's encoding: {SAVE_AS_UTF8}")
    return best[1], best[2], True


def too_large(size: int) -> DraftInputError:
    return DraftInputError(f"the input is {size / 1024 / 1024:.1f} MiB, more than the "
                           f"{MAX_INPUT_BYTES // 1024 // 1024} MiB `briefing new` reads: save only the "
                           "article (its text, or the page without its images and scripts)")


def read_limited(stream: BinaryIO, size: int | None = None) -> bytes:
    """At most ``MAX_INPUT_BYTES`` from a file or standard input: a larger input is refused
    before it is read (by its size, when the file system tells it), never held in memory."""
    if size is not None and size > MAX_INPUT_BYTES:
        raise too_large(size)
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise DraftInputError(f"the input is more than the {MAX_INPUT_BYTES // 1024 // 1024} MiB "
                              "`briefing new` reads: save only the article (its text, or the page "
                              "without its images and scripts)")
    return data


def read_input(data: bytes) -> RawInput:
    if len(data) > MAX_INPUT_BYTES:
        raise too_large(len(data))
    if not data.strip():
        raise DraftInputError("the input is empty: give a file holding the article's text, or "
                              "paste it on standard input (`briefing new -`)")
    text, encoding, detected = decode(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DraftInputError("the input holds no text")
    return RawInput(text, encoding, detected, bool(_HTML.match(text)))
