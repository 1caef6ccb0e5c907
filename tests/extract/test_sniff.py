"""Format sniffing: decided from the bytes, with a message naming what the file really is."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from extract_builders import minimal_pdf, read_part, rezip, simple_resume_docx

from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.extract.sniff import sniff, text_encoding


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\x00" * 100 + b"%PDF-1.4\n", "pdf"),  # junk before the header, inside the 1024-byte window
    (b"Jane Doe\nExperience\n- Shipped it", "txt"),
    ("\ufeffJane Doe, Résumé".encode(), "txt"),
    ("Jane Doe, Résumé".encode("utf-16"), "txt"),
    ("Jane Doe, Résumé of José Müller".encode("cp1252"), "txt"),
    ("Jane Doe — experience".encode("utf-16-le"), "txt"),  # BOM-less UTF-16
    # near misses of two-letter magics: ordinary words
    (b"BMW Group, ML Engineer 2019 - 2021", "txt"),
    (b"MZ Analytics\nData Scientist", "txt"),
    (b"BZh consulting\nEngineer", "txt"),
])
def test_sniff_recognises_readable_formats(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_sniff_reads_docx_from_zip_contents_not_name() -> None:
    assert sniff(simple_resume_docx()) == "docx"


def test_sniff_zip_storing_a_pdf_is_not_a_pdf() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("resume.pdf", minimal_pdf())
    with pytest.raises(DocumentError) as err:
        sniff(buf.getvalue())
    assert err.value.code is ErrorCode.UNSUPPORTED_FORMAT
    assert "zip" in err.value.message


def test_sniff_pdf_header_beyond_window_is_not_pdf() -> None:
    with pytest.raises(DocumentError) as err:
        sniff(b"\x00" * 2000 + minimal_pdf())
    assert err.value.code is ErrorCode.UNSUPPORTED_FORMAT


@pytest.mark.parametrize(("data", "code", "words"), [
    (b"", ErrorCode.EMPTY, "empty"),
    (b" \n\t\r\n ", ErrorCode.EMPTY, "blank"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ErrorCode.UNSUPPORTED_FORMAT, "legacy Word .doc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), ErrorCode.ENCRYPTED, "password"),
    (b"{\\rtf1\\ansi Jane Doe}", ErrorCode.UNSUPPORTED_FORMAT, "RTF"),
    (b"<!DOCTYPE html><html><body>Jane</body></html>", ErrorCode.UNSUPPORTED_FORMAT, "HTML"),
    (b"\n  <html lang=en><p>Jane</p></html>", ErrorCode.UNSUPPORTED_FORMAT, "HTML"),
    (b'<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>',
     ErrorCode.UNSUPPORTED_FORMAT, "Word XML"),
    (b'<?xml version="1.0"?><resume/>', ErrorCode.UNSUPPORTED_FORMAT, "XML"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "OCR"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "JPEG"),
    (b"GIF89a" + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "GIF"),
    (b"II*\x00" + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "TIFF"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "WebP"),
    (b"\x1f\x8b\x08\x00" + b"\x00" * 50, ErrorCode.UNSUPPORTED_FORMAT, "gzip"),
    (bytes(range(256)) * 4, ErrorCode.UNSUPPORTED_FORMAT, "binary"),
    (bytes(range(0x80, 0x100)) * 8, ErrorCode.UNSUPPORTED_FORMAT, "binary"),
    (b"Jane\x01\x02\x03\x04\x05\x06 Doe\x07\x08", ErrorCode.UNSUPPORTED_FORMAT, "binary"),
])
def test_sniff_refuses_with_code_and_message(data: bytes, code: ErrorCode, words: str) -> None:
    with pytest.raises(DocumentError) as err:
        sniff(data)
    assert err.value.code is code
    assert words.lower() in err.value.message.lower()


@pytest.mark.parametrize(("members", "code", "words"), [
    ({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"}, ErrorCode.CORRUPT,
     "word/document.xml"),
    ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}, ErrorCode.UNSUPPORTED_FORMAT, "Excel"),
    ({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}, ErrorCode.UNSUPPORTED_FORMAT,
     "PowerPoint"),
    ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
     ErrorCode.UNSUPPORTED_FORMAT, "OpenDocument text"),
    ({"notes.txt": b"hello"}, ErrorCode.UNSUPPORTED_FORMAT, "zip archive"),
])
def test_sniff_names_the_kind_of_zip(members: dict[str, bytes], code: ErrorCode, words: str) -> None:
    with pytest.raises(DocumentError) as err:
        sniff(_zip(members))
    assert err.value.code is code
    assert words.lower() in err.value.message.lower()


def test_sniff_docx_without_main_part_is_corrupt() -> None:
    broken = rezip(simple_resume_docx(), drop=["word/document.xml"])
    with pytest.raises(DocumentError) as err:
        sniff(broken)
    assert err.value.code is ErrorCode.CORRUPT


def test_sniff_truncated_zip_is_corrupt() -> None:
    with pytest.raises(DocumentError) as err:
        sniff(simple_resume_docx()[:200])
    assert err.value.code is ErrorCode.CORRUPT


@pytest.mark.parametrize("seed", range(20))
def test_sniff_never_calls_random_bytes_text(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(DocumentError) as err:
        sniff(data)
    assert err.value.code in {ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.CORRUPT}


@pytest.mark.parametrize(("sample", "truncated", "expected"), [
    (b"plain ascii resume", False, "utf-8"),
    ("naïve café".encode()[:-1], True, "utf-8"),  # a multi-byte char cut by the sample boundary
    ("naïve café".encode()[:-1], False, "cp1252"),  # not cut: the stray lead byte reads as cp1252 text
    (b"\xef\xbb\xbfbom", False, "utf-8-sig"),
    ("x".encode("utf-16"), False, "utf-16"),
    (b"\x81\x8d text with undefined cp1252 bytes", False, None),
])
def test_sniff_text_encoding_table(sample: bytes, truncated: bool, expected: str | None) -> None:
    assert text_encoding(sample, truncated=truncated) == expected


def test_sniff_declared_main_part_missing_is_corrupt() -> None:
    base = simple_resume_docx()
    types = read_part(base, "[Content_Types].xml").replace(b"/word/document.xml", b"/word/document2.xml")
    with pytest.raises(DocumentError) as err:
        sniff(rezip(base, replace={"[Content_Types].xml": types}, drop=["word/document.xml"]))
    assert err.value.code is ErrorCode.CORRUPT
    assert "document2.xml" in err.value.message
