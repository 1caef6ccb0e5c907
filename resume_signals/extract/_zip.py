"""Bounded zip reading and refusing-by-default XML parsing for OOXML parts.

Why not `zipfile.ZipFile.read` or python-docx's own loader: both trust the
archive. A 40 KB upload can hold a part that inflates to gigabytes
(``ZipInfo.file_size`` is whatever the attacker wrote), and python-docx reads
every part of the package into memory on open. Here each part is streamed
through the decompressor with a hard cap, and so is the running total.

XML parts are checked for a document type declaration before any parser sees
them: OOXML never needs one, and a DOCTYPE is how external entities (XXE) and
entity-expansion bombs ("billion laughs") get in. The parser is then
configured to resolve nothing and fetch nothing anyway.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from lxml import etree

from ..errors import DocumentError, ErrorCode
from ..limits import Limits

_CHUNK = 64 * 1024
_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# "<!" followed by a letter starts a markup declaration (DOCTYPE, ENTITY, ELEMENT, ATTLIST,
# NOTATION); comments ("<!--") and CDATA ("<![CDATA[") are allowed.
_MARKUP_DECL = re.compile(r"<!\s*[A-Za-z]")


class SafeZip:
    """A read-only view of a zip archive that never inflates more than the limits allow.

    ``max_part`` caps each member, ``max_total`` the sum of everything read
    through this object. Errors are `DocumentError` (CORRUPT or
    DECOMPRESSION_LIMIT), never zipfile's own exceptions.
    """

    def __init__(self, data: bytes, *, max_part: int, max_total: int) -> None:
        self.max_part = max_part
        self.max_total = max_total
        self.total = 0
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(data))
            self._names = {info.filename: info.filename for info in self._zf.infolist()}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError,
                NotImplementedError) as exc:
            raise DocumentError(ErrorCode.CORRUPT, f"The DOCX archive is damaged ({type(exc).__name__}).") from exc
        # Part names are case-insensitive in OPC; zip lookups are not.
        for name in list(self._names):
            self._names.setdefault(name.lower(), name)

    @classmethod
    def for_limits(cls, data: bytes, limits: Limits) -> SafeZip:
        """Per-part cap from the limits; the whole package may inflate to twice that."""
        return cls(data, max_part=limits.max_part_bytes, max_total=2 * limits.max_part_bytes)

    def __contains__(self, name: str) -> bool:
        return self._resolve(name) is not None

    def _resolve(self, name: str) -> str | None:
        name = name.lstrip("/")
        return self._names.get(name) or self._names.get(name.lower())

    def read(self, name: str) -> bytes | None:
        """The member's bytes, or None when absent; streamed with the caps applied."""
        real = self._resolve(name)
        if real is None:
            return None
        out = bytearray()
        try:
            with self._zf.open(real) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > self.max_part or self.total + len(out) > self.max_total:
                        raise DocumentError(
                            ErrorCode.DECOMPRESSION_LIMIT,
                            f"The DOCX part {real} expands beyond the {self.max_part // (1024 * 1024) or 1} MB "
                            "limit (a possible zip bomb).")
        except DocumentError:
            raise
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
            raise DocumentError(ErrorCode.ENCRYPTED, f"The DOCX part {real} is encrypted.") from exc
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, KeyError) as exc:
            detail = "bad compressed data" if isinstance(exc, zlib.error) else type(exc).__name__
            raise DocumentError(ErrorCode.CORRUPT, f"The DOCX part {real} is damaged ({detail}).") from exc
        self.total += len(out)
        return bytes(out)

    def close(self) -> None:
        self._zf.close()


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True)


def decode_xml(data: bytes, part: str) -> str:
    """The part as text, in UTF-8 or UTF-16 (the only encodings OOXML allows)."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        if data.startswith(b"<\x00"):
            return data.decode("utf-16-le")
        if data.startswith(b"\x00<"):
            return data.decode("utf-16-be")
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(ErrorCode.CORRUPT, f"The DOCX part {part} is not valid UTF-8/UTF-16 XML.") from exc


def parse_xml(data: bytes, part: str, *, max_tags: int | None = None) -> Any:
    """Parse one XML part safely; a markup declaration is refused before parsing.

    ``max_tags`` caps the number of tags (counted as "<" bytes, before any
    parsing), which bounds the tree's memory and the walk's time.

    >>> parse_xml(b'<?xml version="1.0"?><a>x</a>', "p").text
    'x'
    >>> parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "p")
    Traceback (most recent call last):
    ...
    resume_signals.errors.DocumentError: unsafe_content: The DOCX part p declares a DOCTYPE or entities, \
which is refused for safety.
    """
    if max_tags is not None and data.count(b"<") > max_tags:
        # An element bomb: millions of empty runs deflate ~400:1 and cost a gigabyte as a tree.
        raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT,
                            f"The DOCX part {part} holds far more XML elements than any resume "
                            f"(over {max_tags:,}); a possible XML bomb.")
    text = decode_xml(data, part)
    if _MARKUP_DECL.search(text):
        raise DocumentError(ErrorCode.UNSAFE_CONTENT,
                            f"The DOCX part {part} declares a DOCTYPE or entities, which is refused for safety.")
    body = _DECL.sub("", text, count=1).encode("utf-8")
    try:
        return etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():  # libxml2 refuses elements nested past its limit (256)
            raise DocumentError(ErrorCode.TOO_DEEPLY_NESTED, f"The DOCX part {part} nests XML elements deeper "
                                "than the parser's limit; the file may be malicious.") from exc
        raise DocumentError(ErrorCode.CORRUPT, f"The DOCX part {part} is not well-formed XML.") from exc
