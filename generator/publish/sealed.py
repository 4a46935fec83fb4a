"""Files of the build cache as sealed records: bytes that cannot run code, signed by this
machine.

Everything the build keeps in ``.cache/`` is JSON or raw bytes (never pickle: reading a
pickle runs whatever it names). Each record is signed with HMAC-SHA256 under a key made
once per user and kept outside the project (``$XDG_CACHE_HOME/briefing-archive/``), over
its parts and the name it was written under (the cache key, itself a hash of the inputs and
the code that made the entry). A record changed by hand, cut short, made for another key
or brought from elsewhere — a file committed under ``.cache/`` included — fails the check
and is treated as missing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

MAGIC = b"BRFSEAL1"
_LENGTH = 8
_MAC = 32
_key_in_memory: bytes | None = None


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing-archive" / "cache-key"


def machine_key() -> bytes:
    """This user's signing key, made on first use. Where it cannot be kept (no writable home),
    one key per process: nothing is reused across builds then, and nothing foreign either."""
    global _key_in_memory
    if _key_in_memory is not None:
        return _key_in_memory
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) != 32:
            raise OSError("not a key")
    except OSError:
        key = secrets.token_bytes(32)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(key)
            os.replace(temporary, path)
            key = path.read_bytes()  # another build may have made one first: theirs won
        except OSError:
            pass
    _key_in_memory = key
    return key


Chunks = Sequence[bytes]  # one part given in pieces, written one after another, never joined


def _mac(name: str, parts: Sequence[Chunks]) -> bytes:
    signer = hmac.new(machine_key(), name.encode("utf-8"), hashlib.sha256)
    for chunks in parts:
        signer.update(sum(map(len, chunks)).to_bytes(_LENGTH, "little"))
        for chunk in chunks:
            signer.update(chunk)
    return signer.digest()


def _header(name: str, parts: Sequence[Chunks]) -> bytes:
    return (MAGIC + len(parts).to_bytes(_LENGTH, "little")
            + b"".join(sum(map(len, chunks)).to_bytes(_LENGTH, "little") for chunks in parts)
            + _mac(name, parts))


def seal(name: str, parts: Sequence[bytes]) -> bytes:
    """``parts`` as one record, signed for ``name``."""
    return _header(name, [[part] for part in parts]) + b"".join(parts)


def unseal(name: str, data: bytes) -> list[bytes] | None:
    """The parts of a record sealed for ``name``; None if it is anything else."""
    if not data.startswith(MAGIC):
        return None
    start = len(MAGIC)
    count = int.from_bytes(data[start:start + _LENGTH], "little")
    start += _LENGTH
    if count > 16 or len(data) < start + count * _LENGTH + _MAC:
        return None
    lengths = [int.from_bytes(data[start + i * _LENGTH:start + (i + 1) * _LENGTH], "little")
               for i in range(count)]
    start += count * _LENGTH
    mac, start = data[start:start + _MAC], start + _MAC
    if len(data) != start + sum(lengths):
        return None
    parts = []
    for length in lengths:
        parts.append(data[start:start + length])
        start += length
    return parts if hmac.compare_digest(mac, _mac(name, [[part] for part in parts])) else None


def read_sealed(path: Path, name: str) -> list[bytes] | None:
    """The parts of the record at ``path``, or None (missing, unreadable, not sealed for ``name``)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return unseal(name, data)


def json_chunks(fields: Mapping[str, object], listed: Collection[str] = ()) -> Chunks:
    """``fields`` as a JSON object in chunks (a part for write_sealed): one per field, and one
    per item of the fields named in ``listed``, lists too long to be held as one string."""
    chunks = []
    for number, (name, value) in enumerate(fields.items()):
        head = ("{" if number == 0 else ", ") + json.dumps(name) + ": "
        if name in listed:
            assert isinstance(value, Iterable), f"{name} is a list"
            chunks.append(f"{head}[".encode())
            chunks += [(", " * (i > 0) + json.dumps(item, ensure_ascii=False)).encode("utf-8")
                       for i, item in enumerate(value)]
            chunks.append(b"]")
        else:
            chunks.append((head + json.dumps(value, ensure_ascii=False)).encode("utf-8"))
    return [*chunks, b"}"] if chunks else [b"{}"]


def write_sealed(path: Path, name: str, parts: Sequence[bytes | Chunks]) -> None:
    """Write a record whole or not at all (a temporary file renamed into place). A part may
    be given as chunks: a record of tens of megabytes (the site's plan) is then never held
    twice, joined and sealed."""
    chunked = [[part] if isinstance(part, bytes) else part for part in parts]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as file:
        file.write(_header(name, chunked))
        for chunks in chunked:
            file.writelines(chunks)
    temporary.replace(path)
