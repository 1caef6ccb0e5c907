"""Turning what the caller passes (a path, bytes, a binary file) into bytes.

Reading is the first stage that can fail (missing path, directory, no read
permission, too large); each failure becomes a `DocumentError` with its code,
which the pipeline turns into a failed report.
"""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

from .errors import DocumentError, ErrorCode
from .limits import Limits

SourceLike = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]


@dataclass(frozen=True)
class Loaded:
    """The bytes of one document and what is known of where they came from."""

    data: bytes
    name: str
    path: str | None
    size: int
    sha256: str


def describe(source: SourceLike) -> tuple[str, str | None]:
    """(name, path) for a source without reading it; used for failed reports."""
    if isinstance(source, (str, os.PathLike)):
        p = Path(source)
        return p.name, str(p)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "<bytes>", None
    name = getattr(source, "name", None)
    if isinstance(name, str):
        return Path(name).name, name
    return "<stream>", None


def load(source: SourceLike, limits: Limits) -> Loaded:
    """Read a source into memory, refusing anything over ``limits.max_bytes``.

    Only ``max_bytes + 1`` bytes are ever read, so a 50 GB file costs nothing.
    """
    name, path = describe(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        p = Path(source)
        try:
            if _loops(p):
                raise DocumentError(ErrorCode.SYMLINK_LOOP, f"Symbolic link loop: {p}")
            if not p.exists():
                raise DocumentError(ErrorCode.NOT_FOUND, f"No such file: {p}")
            if not p.is_file():
                raise DocumentError(ErrorCode.NOT_A_FILE, f"Not a regular file: {p}")
            size = p.stat().st_size
            if size > limits.max_bytes:
                raise DocumentError(ErrorCode.TOO_LARGE, too_large_message(size, limits))
            with p.open("rb") as fh:
                data = fh.read(limits.max_bytes + 1)
        except PermissionError as exc:
            raise DocumentError(ErrorCode.PERMISSION_DENIED, f"Cannot read {p}: permission denied") from exc
        except IsADirectoryError as exc:
            raise DocumentError(ErrorCode.NOT_A_FILE, f"Not a regular file: {p}") from exc
    else:
        data = source.read(limits.max_bytes + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("file objects must be opened in binary mode")
        data = bytes(data)
    if len(data) > limits.max_bytes:
        raise DocumentError(ErrorCode.TOO_LARGE, too_large_message(len(data), limits))
    return Loaded(data=data, name=name, path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _loops(p: Path) -> bool:
    """Whether resolving ``p`` runs into a symbolic link loop (which `Path.exists` reports as missing)."""
    try:
        os.stat(p)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def too_large_message(size: int, limits: Limits) -> str:
    return f"The file is {size / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.1f} MB."
