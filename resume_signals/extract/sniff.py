"""Decide a document's format from its bytes, never from its name.

Candidates rename files freely (a .doc saved as .docx, a scan saved as .pdf),
so the only trustworthy evidence is the content. `sniff` returns one of
``"pdf"``, ``"docx"``, ``"txt"`` or raises a `DocumentError` whose message
tells a recruiter what the file actually is and what to ask the candidate for.

Text is the fallback and the riskiest guess: a binary blob "decoded" as
Latin-1 gives mojibake that then gets scored. `text_encoding` therefore only
accepts bytes that look like text (valid UTF-8/UTF-16, or single-byte text
with few control characters and mostly ASCII).

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff("Jane Doe\\nEXPERIENCE".encode())
'txt'
>>> sniff(b"   ")
Traceback (most recent call last):
...
resume_signals.errors.DocumentError: empty: The file holds only blank space.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Literal

from ..errors import DocumentError, ErrorCode

Format = Literal["pdf", "docx", "txt"]

#: How far into the file "%PDF-" may start (some generators prepend junk).
PDF_WINDOW = 1024
#: How many bytes the text heuristics look at; the full text is decoded later.
TEXT_SAMPLE = 64 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)

_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%!PS", "a PostScript file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a program (Windows executable)"),
    (b"PK\x05\x06", "an empty zip archive"),
)

# C0 controls other than tab, LF, VT, FF, CR; DEL; the C1 block.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ASCII_TEXTISH = re.compile(rb"[A-Za-z0-9 \t\r\n.,;:()\-/@&'\"+]")

# cp1252 leaves five bytes undefined; Latin-1 gives them C1 code points, which
# the control-character test then counts against the text.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def sniff(data: bytes) -> Format:
    """The format of ``data``; raises `DocumentError` for anything unreadable."""
    if not data.strip():
        raise DocumentError(ErrorCode.EMPTY, "The file is empty." if not data else "The file holds only blank space.")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):  # before the PDF window: a zip may store a PDF uncompressed
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC):
        raise _ole_error(data)
    if b"%PDF-" in data[:PDF_WINDOW]:  # readers accept junk before the header
        return "pdf"
    head = data[:16]
    if head.startswith(b"{\\rtf"):
        raise _unsupported("This is an RTF document; please ask for the resume as DOCX or PDF.")
    for magic, kind in _IMAGE_MAGIC:
        if head.startswith(magic) and (magic != b"BM" or head[6:10] == b"\x00\x00\x00\x00"):
            raise _unsupported(f"This is an image ({kind}), not a text document; it would need OCR. "
                               "Please ask for the resume as PDF or DOCX.")
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise _unsupported("This is an image (WebP), not a text document; it would need OCR. "
                           "Please ask for the resume as PDF or DOCX.")
    for magic, kind in _OTHER_MAGIC:
        if head.startswith(magic) and _confirmed(magic, data):
            raise _unsupported(f"This is {kind}, not a resume document.")
    encoding = text_encoding(data[:TEXT_SAMPLE], truncated=len(data) > TEXT_SAMPLE)
    if encoding is None:
        raise _unsupported("The file is binary data in no recognised document format (not PDF, DOCX or text).")
    start = data[:TEXT_SAMPLE].decode(encoding, errors="replace").lstrip("\ufeff \t\r\n").lower()
    _refuse_markup(start)
    return "txt"


def _confirmed(magic: bytes, data: bytes) -> bool:
    """Two-letter magics ("MZ", "BZh") also start ordinary words; look for their second marker."""
    if magic == b"MZ":
        return b"This program" in data[:512]
    if magic == b"BZh":
        return data[4:10] == b"1AY&SY"
    return True


def _unsupported(message: str) -> DocumentError:
    return DocumentError(ErrorCode.UNSUPPORTED_FORMAT, message, stage="sniff")


def _refuse_markup(start: str) -> None:
    """HTML, XML and saved web pages are not plain-text resumes even though they decode."""
    if start.startswith(("<!doctype html", "<html", "<head", "<body", "<meta")):
        raise _unsupported("This is an HTML page; please ask for the resume as PDF or DOCX.")
    if start.startswith("<?xml"):
        if "<w:worddocument" in start[:4096] or "schemas.microsoft.com/office/word" in start[:4096]:
            raise _unsupported("This is a Word XML document (Word 2003 XML or flat OPC); "
                               "please ask for the resume as DOCX or PDF.")
        if "<html" in start[:4096]:
            raise _unsupported("This is an XHTML page; please ask for the resume as PDF or DOCX.")
        raise _unsupported("This is an XML file, not a resume document.")
    if start.startswith("<!doctype"):
        raise _unsupported("This is a markup (SGML/XML) file, not a resume document.")
    if start.startswith("mime-version:") and "multipart/related" in start[:2048]:
        raise _unsupported("This is a saved web archive (MHTML); please ask for the resume as PDF or DOCX.")


def _ole_error(data: bytes) -> DocumentError:
    """OLE compound files: a legacy .doc, or an encrypted (password-protected) DOCX."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return DocumentError(ErrorCode.ENCRYPTED, "The Word document is protected by a password; "
                             "please ask for an unprotected DOCX or a PDF.", stage="sniff")
    if "Workbook".encode("utf-16-le") in data:
        return _unsupported("This is a legacy Excel spreadsheet (.xls), not a resume document.")
    if "PowerPoint Document".encode("utf-16-le") in data:
        return _unsupported("This is a legacy PowerPoint file (.ppt), not a resume document.")
    return _unsupported("This is a legacy Word .doc file (Word 97-2003), which is not supported; "
                        "please save it as DOCX or PDF.")


_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel spreadsheet (.xlsx)"),
    ("xl/workbook.bin", "an Excel spreadsheet (.xlsb)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("visio/document.xml", "a Visio drawing"),
    ("META-INF/MANIFEST.MF", "a Java archive (.jar)"),
    ("index.xml", "an Apple Pages or Keynote document"),
    ("Index/Document.iwa", "an Apple Pages document"),
)

_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text file (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    "application/epub+zip": "an e-book (EPUB)",
}


def _sniff_zip(data: bytes) -> Format:
    """A zip is a DOCX only when it holds ``word/document.xml``; say what else it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {info.filename for info in infos}
            mimetype = content_types = b""
            if "mimetype" in names:
                with zf.open("mimetype") as fh:
                    mimetype = fh.read(128)
            if "word/document.xml" not in names and "[Content_Types].xml" in names:
                with zf.open("[Content_Types].xml") as fh:
                    content_types = fh.read(_CONTENT_TYPES_CAP)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError, UnicodeDecodeError) as exc:
        detail = "bad compressed data" if isinstance(exc, zlib.error) else type(exc).__name__
        raise DocumentError(ErrorCode.CORRUPT, "The file looks like a zip/DOCX archive but is damaged or "
                            f"truncated ({detail}).") from exc
    if "word/document.xml" in names:
        return "docx"
    lowered = {n.lower() for n in names}
    if "word/document.xml" in lowered:  # some tools upper-case part names; zip lookups are exact
        return "docx"
    main = main_part_from_content_types(content_types)
    if main is not None and main.lower() in lowered:  # Word Online writes word/document2.xml
        return "docx"
    if main is not None:
        raise DocumentError(ErrorCode.CORRUPT, f"The DOCX file is missing its main part ({main}); "
                            "it is damaged or was not saved completely.")
    odf = _ODF_KINDS.get(mimetype.decode("ascii", "replace").strip())
    if odf:
        message = f"This is {odf}, not a DOCX"
        if "text" in odf:
            message += "; please save it as DOCX or PDF."
        raise _unsupported(message + ".")
    for part, kind in _ZIP_KINDS:
        if part in names:
            raise _unsupported(f"This is {kind}, not a resume document.")
    if "[Content_Types].xml" in names or any(n.startswith("word/") for n in lowered):
        raise DocumentError(ErrorCode.CORRUPT, "The DOCX file is missing its main part (word/document.xml); "
                            "it is damaged or was not saved completely.")
    raise _unsupported("This is a zip archive, not a resume document.")


_CONTENT_TYPES_CAP = 1 << 20
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_ATTR = re.compile(rb"""\b(PartName|ContentType)\s*=\s*["']([^"']*)["']""")


def main_part_from_content_types(content_types: bytes) -> str | None:
    """The Word main document part declared in ``[Content_Types].xml``, found without an XML parser.

    Word writes ``word/document.xml``, but the standard only requires the
    part to be declared, and Word Online names it ``word/document2.xml``.

    >>> main_part_from_content_types(b'<Types><Override PartName="/word/document2.xml" '
    ...     b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    'word/document2.xml'
    """
    for override in _OVERRIDE.findall(content_types):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(override)}
        ctype = attrs.get("ContentType", "").lower()
        if ctype.endswith("main+xml") and ("wordprocessingml" in ctype or "ms-word" in ctype):
            return attrs.get("PartName", "").lstrip("/") or None
    return None


def text_encoding(sample: bytes, *, truncated: bool = False) -> str | None:
    """The codec to read ``sample`` as text with, or None when it is not text.

    ``truncated`` says the sample was cut from a longer file, so an incomplete
    multi-byte character at its end is not evidence against UTF-8/UTF-16.

    >>> text_encoding("Résumé of José Müller".encode("utf-8")), text_encoding("Résumé of José Müller".encode("cp1252"))
    ('utf-8', 'cp1252')
    >>> text_encoding(bytes(range(256))) is None
    True
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig" if _decodes(sample, "utf-8-sig", truncated, 4) else None
    if sample.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        codec = "utf-32"
        return codec if _decodes(sample, codec, truncated, 4) else None
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16" if _decodes(sample, "utf-16", truncated, 4) else None
    bomless = _bomless_utf16(sample)
    if bomless and _decodes(sample, bomless, truncated, 4):
        return bomless
    if b"\x00" in sample:
        return None
    if _decodes(sample, "utf-8", truncated, 4) or _mostly_utf8(sample):
        return "utf-8"
    if _looks_single_byte(sample):
        return "cp1252"
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 text with a few stray bytes (a pasted cp1252 quote): still UTF-8, not mojibake cp1252."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) >= 0x80) - bad
    return multibyte >= 2 * bad and bad <= max(2, len(sample) // 500) and _few_controls(text)


def _decodes(sample: bytes, codec: str, truncated: bool, tail: int) -> bool:
    """Strictly decodes (allowing a cut character at the end of a truncated sample) to text-like chars."""
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError as exc:
        if not truncated or exc.start < len(sample) - tail:
            return False
        text = sample[: exc.start].decode(codec, errors="replace")
    return _few_controls(text)


def _few_controls(text: str) -> bool:
    """Text has almost no control characters (tolerate a stray form feed or NUL in a long file)."""
    if not text.strip():
        return True
    bad = len(_CONTROL.findall(text))
    return bad <= len(text) // 200


def _bomless_utf16(sample: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-heavy text then has a NUL in every other byte."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_single_byte(sample: bytes) -> bool:
    """cp1252/Latin-1 text: mostly ASCII letters and punctuation, few high or control bytes."""
    if not sample:
        return False
    high = sum(1 for b in sample if b >= 0x80)
    if high > 0.4 * len(sample) or any(b in _CP1252_UNDEFINED for b in sample):
        return False
    if len(_ASCII_TEXTISH.findall(sample)) < 0.6 * len(sample):
        return False
    return _few_controls(sample.decode("cp1252"))
