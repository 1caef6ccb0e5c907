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
from collections.abc import Iterator
from typing import Any

from ..errors import DocumentError, ErrorCode

_CHUNK = 1 << 16
"""Bytes of output per decompression step: keeps each step's memory bounded."""

_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
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


_SPACE = frozenset(b" \t\n\r\f\v")
_DIGIT = frozenset(b"0123456789")
_WORD = frozenset(b"0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _stream_keywords(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of every ``stream`` keyword that ends its line and is not the tail of ``endstream``.

    What the regex ``(?<!end)stream(?:\\r\\n|\\n|\\r)`` finds; a regex scan tries its lookbehind at every
    byte of the file, ``find`` jumps from one ``stream`` to the next.
    """
    i = data.find(b"stream")
    while i >= 0:
        end = i + 6
        if data[max(0, i - 3):i] != b"end":
            eol = data[end:end + 2]
            if eol == b"\r\n":
                yield i, end + 2
            elif eol[:1] in (b"\n", b"\r"):
                yield i, end + 1
        i = data.find(b"stream", end)


def _stream_dict(data: bytes, keyword_at: int) -> bytes:
    """The bytes of the dictionary right before a ``stream`` keyword (from its ``N G obj`` on).

    That is the window after the last match of ``\\d+\\s+\\d+\\s+obj\\b`` in it, found from the right: the
    last ``obj`` that ends a word and follows digits, blanks, digits, blanks.
    """
    window = data[max(0, keyword_at - _LOOKBACK):keyword_at]
    k = window.rfind(b"obj")
    while k >= 0:
        if (k + 3 == len(window) or window[k + 3] not in _WORD) and _after_number_pair(window, k):
            return window[k + 3:]
        k = window.rfind(b"obj", 0, k)
    return window


def _after_number_pair(window: bytes, k: int) -> bool:
    """Whether ``window[:k]`` ends with digits, blanks, digits, blanks (as ``\\d+\\s+\\d+\\s+`` would match)."""
    j = k
    for chars in (_SPACE, _DIGIT, _SPACE):
        start = j
        while j > 0 and window[j - 1] in chars:
            j -= 1
        if j == start:
            return False
    return j > 0 and window[j - 1] in _DIGIT


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
    for n, (keyword_at, start) in enumerate(_stream_keywords(data)):
        if n % 64 == 0:
            deadline.check()
        if start + 2 > len(data):
            continue
        head = _stream_dict(data, keyword_at)
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


# --- fonts: character maps that ask pdfminer for billions of entries -----------------------------

MAX_CMAP_CODES = 300_000
"""Most character codes one font's maps may declare. Unicode has 1.1M code points; real fonts map at most
~100k (CJK). pdfminer expands every declared range into a dict entry, so a damaged range of 2**32 codes
would take hours and gigabytes."""

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])|(-?\d+)")
_RANGE_SECTION = re.compile(rb"begin(bf|cid)range(.*?)end\1range", re.S)


def _code(hex_digits: bytes) -> int:
    """The code of a CMap hex string as pdfminer reads a range bound: its last four bytes."""
    raw = bytes.fromhex(re.sub(rb"\s", b"", hex_digits).decode("ascii") + ("0" if len(hex_digits) % 2 else ""))
    return int.from_bytes(raw[-4:], "big") if raw else 0


def cmap_range_codes(data: bytes) -> int:
    """How many codes the bfrange / cidrange sections of a CMap declare (summed, without expanding them)."""
    total = 0
    for section in _RANGE_SECTION.finditer(data):
        tokens = list(_TOKEN.finditer(section.group(2)))
        i = 0
        while i + 1 < len(tokens):
            start, end = tokens[i], tokens[i + 1]
            if start.group(1) is None or end.group(1) is None:
                i += 1
                continue
            try:
                total += max(0, _code(end.group(1)) - _code(start.group(1)) + 1)
            except ValueError:
                pass
            i += 2
            if i < len(tokens) and tokens[i].group(2):  # [ dst dst ... ]
                while i < len(tokens) and not tokens[i].group(3):
                    i += 1
            i += 1
    return total


def truetype_cmap_codes(font: bytes) -> int:
    """How many codes the format 10/12/13 subtables of an embedded TrueType font's cmap declare."""
    import struct

    try:
        (n_tables,) = struct.unpack(">H", font[4:6])
        cmap_at = None
        for k in range(min(n_tables, 512)):
            tag, _checksum, offset, _length = struct.unpack(">4sLLL", font[12 + 16 * k:28 + 16 * k])
            if tag == b"cmap":
                cmap_at = offset
                break
        if cmap_at is None:
            return 0
        _version, n_sub = struct.unpack(">HH", font[cmap_at:cmap_at + 4])
        total = 0
        for k in range(min(n_sub, 512)):
            _pid, _eid, sub_at = struct.unpack(">HHL", font[cmap_at + 4 + 8 * k:cmap_at + 12 + 8 * k])
            at = cmap_at + sub_at
            (fmt,) = struct.unpack(">H", font[at:at + 2])
            if fmt in (12, 13):
                (n_groups,) = struct.unpack(">I", font[at + 12:at + 16])
                for g in range(min(n_groups, 1 << 20)):
                    sc, ec, _gid = struct.unpack(">III", font[at + 16 + 12 * g:at + 28 + 12 * g])
                    total += max(0, ec - sc + 1)
                    if total > MAX_CMAP_CODES:
                        return total
            elif fmt == 10:
                (_start, n_chars) = struct.unpack(">II", font[at + 12:at + 20])
                total += n_chars
        return total
    except struct.error:
        return 0  # truncated font data: pdfminer stops reading it early too


def _damaged_font() -> DocumentError:
    return DocumentError(ErrorCode.CORRUPT,
                         "A font in this PDF has a damaged character map that would take too long to read.")


def check_font(spec: Any) -> None:
    """Refuse a font whose ToUnicode / encoding CMap or embedded TrueType cmap declares absurdly many codes."""
    from pdfminer.pdftypes import PDFStream, dict_value, list_value, resolve1

    spec = dict_value(spec)
    for key in ("ToUnicode", "Encoding"):
        obj = resolve1(spec.get(key))
        if isinstance(obj, PDFStream):
            data = obj.get_data() or b""
            if cmap_range_codes(data) > MAX_CMAP_CODES:
                raise _damaged_font()
    descendants = list_value(resolve1(spec.get("DescendantFonts", [])))
    for sub in descendants[:4]:
        descriptor = dict_value(resolve1(dict_value(sub).get("FontDescriptor", {})))
        fontfile = resolve1(descriptor.get("FontFile2"))
        if isinstance(fontfile, PDFStream) and truetype_cmap_codes(fontfile.get_data() or b"") > MAX_CMAP_CODES:
            raise _damaged_font()
