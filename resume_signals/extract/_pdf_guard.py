"""Bounded checks run before pdfminer decodes anything: stream sizes and the time budget.

pdfminer inflates a stream with one unbounded ``zlib.decompress`` call, so a
1 MB upload can ask for gigabytes of memory. These checks measure every
compressed stream in bounded pieces first and refuse the file with a specific
error code before the expensive part starts.
"""

from __future__ import annotations

import re
import time
import zlib
from typing import Any

from ..errors import DocumentError, ErrorCode

_CHUNK = 1 << 16
"""Bytes of output per decompression step: keeps each step's memory bounded."""

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_LZW = re.compile(rb"/LZWDecode\b|/LZW\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")
_LOOKBACK = 4096
"""How far before a ``stream`` keyword to look for its dictionary (to skip images)."""

_TOTAL_FACTOR = 4
"""All non-image streams together may inflate to this many times the per-stream limit."""


class Deadline:
    """A wall-clock budget checked cooperatively between units of pdfminer work.

    The batch runner kills a worker that overruns; this check makes the common
    slow cases (huge pages, many streams) stop early with a clean ``timeout``
    error in single-document use too.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise DocumentError(ErrorCode.TIMEOUT,
                                f"Reading this PDF took longer than {self.seconds:g} seconds and was stopped.")


def too_big(limit: int) -> DocumentError:
    mb = limit / (1024 * 1024)
    return DocumentError(ErrorCode.DECOMPRESSION_LIMIT,
                         f"A compressed part of this PDF expands to more than {mb:.3g} MB; it was not read.")


def inflated_size(data: bytes | memoryview, limit: int, *, nested: bool = True) -> int:
    """Size of the zlib stream at the start of ``data``, measured in bounded steps.

    Raises the decompression-limit error as soon as the output passes
    ``limit``. Data that is not zlib (or turns corrupt) ends the count: it
    cannot inflate past that point. When the output is itself zlib data (a
    chained Flate filter, the classic way to square the ratio) that inner
    layer is measured too, from the outer output kept in memory (at most
    ``limit`` bytes).
    """
    d = zlib.decompressobj()
    total = 0
    keep: list[bytes] | None = None
    pending: bytes | memoryview = data
    while pending:
        try:
            out = d.decompress(pending, _CHUNK)
        except zlib.error:
            break
        if total == 0 and nested and len(out) >= 2 and _zlib_header(out):
            keep = []
        total += len(out)
        if total > limit:
            raise too_big(limit)
        if keep is not None:
            keep.append(out)
        if d.eof:
            break
        pending = d.unconsumed_tail
        if not pending:
            break
    if keep:
        inner = inflated_size(b"".join(keep), limit, nested=False)
        total = max(total, inner)
    return total


def _zlib_header(head: bytes) -> bool:
    return head[0] & 0x0F == 8 and (head[0] * 256 + head[1]) % 31 == 0


def _stream_dict(data: bytes, keyword_at: int) -> bytes:
    """The bytes of the dictionary right before a ``stream`` keyword (from its ``N G obj`` on)."""
    window = data[max(0, keyword_at - _LOOKBACK):keyword_at]
    objs = list(_OBJ.finditer(window))
    return window[objs[-1].end():] if objs else window


def lzw_size(data: bytes | memoryview, limit: int) -> int:
    """Decoded size of LZW data (which can expand thousands of times), measured in bounded steps."""
    import io

    from pdfminer.lzw import LZWDecoder

    total = 0
    try:
        for piece in LZWDecoder(io.BytesIO(bytes(data))).run():
            total += len(piece)
            if total > limit:
                raise too_big(limit)
    except DocumentError:
        raise
    except Exception:  # corrupt LZW data ends where pdfminer's decoder would stop too
        pass
    return total


def check_raw_streams(data: bytes, limit: int, deadline: Deadline) -> None:
    """Measure every compressed stream in the file's bytes before pdfminer parses anything.

    Scanning the bytes (not pdfminer's objects) also covers the streams
    pdfminer inflates while opening the file: cross-reference and object
    streams. Image streams are skipped: pdfminer never decodes them for text.
    Encrypted streams look like noise here; `check_document_streams` covers them.
    """
    total = 0
    view = memoryview(data)
    for n, m in enumerate(_STREAM.finditer(data)):
        if n % 64 == 0:
            deadline.check()
        start = m.end()
        if start + 2 > len(data):
            continue
        head = _stream_dict(data, m.start())
        if _IMAGE.search(head):
            continue
        if _zlib_header(data[start:start + 2]):
            total += inflated_size(view[start:], limit)
        elif _LZW.search(head):
            length = _LENGTH.search(head)
            end = start + int(length.group(1)) if length else data.find(b"endstream", start)
            total += lzw_size(view[start:end if end > start else len(data)], limit)
        else:
            continue
        if total > _TOTAL_FACTOR * limit:
            raise too_big(_TOTAL_FACTOR * limit)


def check_document_streams(document: Any, limit: int, deadline: Deadline) -> None:
    """For encrypted files: decipher and measure every top-level stream through pdfminer's objects.

    Streams are always top-level objects (never inside object streams), so
    walking the direct objects of every cross-reference section finds them all.
    """
    from pdfminer.pdftypes import PDFStream

    seen: set[int] = set()
    total = 0
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                strmid, _index, genno = xref.get_pos(objid)
            except Exception:
                continue
            if strmid is not None:
                continue
            deadline.check()
            try:
                obj = document.getobj(objid)
            except Exception:  # unreadable object: pdfminer reports it if a page needs it
                continue
            if not isinstance(obj, PDFStream) or obj.rawdata is None:
                continue
            subtype = obj.attrs.get("Subtype")
            if getattr(subtype, "name", None) == "Image":
                continue
            raw = obj.rawdata
            if obj.decipher:
                raw = obj.decipher(objid, genno, raw, obj.attrs)
            if len(raw) >= 2 and _zlib_header(raw[:2]):
                total += inflated_size(raw, limit)
                if total > _TOTAL_FACTOR * limit:
                    raise too_big(_TOTAL_FACTOR * limit)
