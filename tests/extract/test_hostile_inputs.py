"""Hostile and broken uploads through the dispatcher: each gets its documented error code.

Every input is built here in memory (no binary fixtures). Timing is not
asserted (speed is measured in benchmarks/); the limits that bound time and
memory are asserted through the codes they raise.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile

import pytest
from extract_builders import (
    body_xml,
    docx_with_body,
    minimal_pdf,
    para,
    read_part,
    rezip,
    simple_resume_docx,
)

from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.extract import extract
from resume_signals.limits import Limits

LIMITS = Limits()


def _code(data: bytes, limits: Limits = LIMITS) -> ErrorCode:
    with pytest.raises(DocumentError) as err:
        extract(data, limits=limits)
    assert err.value.message
    return err.value.code


def _bomb_docx(size: int) -> bytes:
    """A DOCX whose document.xml inflates to ``size`` bytes of one repeated character."""
    head, tail = body_xml("<w:p><w:r><w:t>@@</w:t></w:r></w:p>").split(b"@@")
    base = simple_resume_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as fh:
                    fh.write(head)
                    chunk = b"a" * (1 << 20)
                    for _ in range(size // len(chunk)):
                        fh.write(chunk)
                    fh.write(tail)
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def test_hostile_zero_bytes_is_empty() -> None:
    assert _code(b"") is ErrorCode.EMPTY


def test_hostile_whitespace_only_is_empty() -> None:
    assert _code(b"\r\n \t \n" * 100) is ErrorCode.EMPTY


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_hostile_random_bytes_are_unsupported_whatever_the_name(seed: int) -> None:
    # The name (.pdf or .docx) never reaches extraction; only the bytes do.
    assert _code(random.Random(seed).randbytes(50_000)) is ErrorCode.UNSUPPORTED_FORMAT


def test_hostile_random_bytes_behind_a_pdf_header_are_corrupt() -> None:
    assert _code(b"%PDF-1.7\n" + random.Random(7).randbytes(20_000)) is ErrorCode.CORRUPT


def test_hostile_random_bytes_behind_a_zip_header_are_corrupt() -> None:
    assert _code(b"PK\x03\x04" + random.Random(8).randbytes(20_000)) is ErrorCode.CORRUPT


def test_hostile_docx_zip_bomb_small_limit() -> None:
    bomb = _bomb_docx(4 << 20)
    assert len(bomb) < 64 * 1024
    assert _code(bomb, Limits(max_part_bytes=1 << 20)) is ErrorCode.DECOMPRESSION_LIMIT


def test_hostile_docx_zip_bomb_default_limit() -> None:
    bomb = _bomb_docx(LIMITS.max_part_bytes + (2 << 20))
    assert len(bomb) < 512 * 1024
    assert _code(bomb) is ErrorCode.DECOMPRESSION_LIMIT


def test_hostile_docx_lying_uncompressed_size_is_not_trusted() -> None:
    bomb = bytearray(_bomb_docx(4 << 20))
    # Rewrite every central-directory entry to claim a 100-byte member.
    pos = bomb.find(b"PK\x01\x02")
    while pos != -1:
        struct.pack_into("<I", bomb, pos + 24, 100)
        pos = bomb.find(b"PK\x01\x02", pos + 4)
    assert _code(bytes(bomb), Limits(max_part_bytes=1 << 20)) in {ErrorCode.CORRUPT, ErrorCode.DECOMPRESSION_LIMIT}


def test_hostile_docx_without_main_part_is_corrupt() -> None:
    assert _code(rezip(simple_resume_docx(), drop=["word/document.xml"])) is ErrorCode.CORRUPT


XXE = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">'
                    for i in range(1, 10))
          + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize(("part", "payload"), [
    ("word/document.xml", XXE.encode()),
    ("word/document.xml", LAUGHS.encode()),
    ("word/document.xml", XXE.encode("utf-16")),  # the check must not be fooled by another encoding
    ("word/styles.xml", XXE.replace("w:document", "w:styles").encode()),
    ("word/_rels/document.xml.rels", b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.com/x.dtd"><r/>'),
])
def test_hostile_docx_entity_declarations_are_unsafe(part: str, payload: bytes) -> None:
    assert _code(rezip(simple_resume_docx(), replace={part: payload})) is ErrorCode.UNSAFE_CONTENT


def test_hostile_docm_with_macros_is_read_as_text() -> None:
    base = simple_resume_docx()
    types = read_part(base, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    docm = rezip(base, replace={"[Content_Types].xml": types},
                 add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub AutoOpen()" * 50})
    doc = extract(docm, limits=LIMITS)
    assert doc.format == "docx"
    assert "Shipped a ranking model" in doc.text
    assert "AutoOpen" not in doc.text


def test_hostile_encrypted_zip_member_is_encrypted() -> None:
    data = bytearray(simple_resume_docx())
    for magic, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(magic)
        while pos != -1:
            struct.pack_into("<H", data, pos + flag_at, struct.unpack_from("<H", data, pos + flag_at)[0] | 1)
            pos = data.find(magic, pos + 4)
    assert _code(bytes(data)) is ErrorCode.ENCRYPTED


@pytest.mark.parametrize("depth", [70, 150])
def test_hostile_deeply_nested_tables_have_their_own_code(depth: int) -> None:
    """Past our own limit (70 tables) or the XML parser's (150 tables: over 256 elements): too_deeply_nested."""
    inner = para("deep")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    assert _code(docx_with_body(inner)) is ErrorCode.TOO_DEEPLY_NESTED


@pytest.mark.parametrize(("data", "words"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048), "legacy Word .doc"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Jane Doe \\par Experience}", "RTF"),
    (b"<!DOCTYPE html>\n<html><head><title>CV</title></head><body><h1>Jane</h1></body></html>", "HTML"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "image"),
])
def test_hostile_unsupported_formats(data: bytes, words: str) -> None:
    with pytest.raises(DocumentError) as err:
        extract(data, limits=LIMITS)
    assert err.value.code is ErrorCode.UNSUPPORTED_FORMAT
    assert words.lower() in err.value.message.lower()


def test_hostile_unknown_encoding_random_high_bytes_is_unsupported() -> None:
    data = bytes(random.Random(3).randrange(0xA0, 0x100) for _ in range(5000))
    assert _code(data) is ErrorCode.UNSUPPORTED_FORMAT


def test_hostile_cp1252_text_is_still_read() -> None:
    doc = extract("Résumé — José Müller\n• Shipped a ranking model".encode("cp1252"), limits=LIMITS)
    assert doc.text == "Résumé — José Müller\n• Shipped a ranking model"


def test_hostile_five_megabytes_on_one_line_is_too_much_text() -> None:
    assert _code(b"shipped " * (5 * 1024 * 1024 // 8)) is ErrorCode.TOO_MUCH_TEXT


def test_hostile_punctuation_only_text_is_empty() -> None:
    assert _code(b"-- ** .. ##\n!!!") is ErrorCode.EMPTY


def test_hostile_good_inputs_still_extract() -> None:
    # the near-miss side of the table: the builders' valid files are read, not refused
    assert extract(simple_resume_docx(), limits=LIMITS).format == "docx"
    assert extract(minimal_pdf(), limits=LIMITS).format == "pdf"
    assert extract(docx_with_body(para("Just one line")), limits=LIMITS).text == "Just one line"


def test_hostile_damaged_compressed_member_during_sniffing_is_corrupt() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.text" * 20)
    data = bytearray(buf.getvalue())
    start = 30 + len("mimetype")  # local header, then the deflated stream
    data[start:start + 12] = b"\xff" * 12
    assert _code(bytes(data)) is ErrorCode.CORRUPT


@pytest.mark.parametrize(("exc", "code"), [(KeyError("w:t"), ErrorCode.CORRUPT),
                                           (RecursionError(), ErrorCode.TOO_DEEPLY_NESTED),
                                           (MemoryError(), ErrorCode.CORRUPT), (ValueError("x"), ErrorCode.CORRUPT)])
def test_hostile_unexpected_extractor_errors_become_document_errors(monkeypatch: pytest.MonkeyPatch,
                                                                    exc: BaseException, code: ErrorCode) -> None:
    import resume_signals.extract.txt as txt

    def boom(data: bytes, *, limits: Limits) -> None:
        raise exc

    monkeypatch.setattr(txt, "extract_txt", boom)
    with pytest.raises(DocumentError) as err:
        extract(b"Jane Doe\nExperience", limits=LIMITS)
    assert err.value.code is code
    assert type(exc).__name__ in err.value.message or "nested too deeply" in err.value.message


def test_hostile_docx_element_bomb_is_refused_before_parsing() -> None:
    # 1.3 million empty runs: tiny compressed, a huge tree; refused by counting tags, not by parsing.
    bomb = docx_with_body("<w:p>" + "<w:r/>" * 1_300_000 + "<w:r><w:t>hi</w:t></w:r></w:p>")
    assert len(bomb) < 64 * 1024
    assert _code(bomb) is ErrorCode.DECOMPRESSION_LIMIT


def test_hostile_docx_markup_heavy_but_plausible_is_read() -> None:
    runs = "".join(f"<w:r><w:rPr><w:b/></w:rPr><w:t>word{i} </w:t></w:r>" for i in range(2000))
    doc = extract(docx_with_body(f"<w:p>{runs}</w:p>"), limits=LIMITS)
    assert doc.text.startswith("word0 word1")
